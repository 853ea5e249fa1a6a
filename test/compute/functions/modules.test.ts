import { describe, expect, it } from "vitest";
import { LambdaFunction, type LambdaFunctionProps } from "../../../modules/compute/functions/lambda-function";
import { QueueConsumer } from "../../../modules/compute/functions/queue-consumer";
import { SecretRotation } from "../../../modules/compute/functions/secret-rotation";
import { problemsOf, synthOf } from "../../support/modules";

const props: LambdaFunctionProps = {
  name: "fn", description: "a function", runtime: "nodejs22.x", handler: "index.handler", architecture: "arm64", memoryMb: 512, timeoutSeconds: 30,
  role: { name: "app-prod-fn", path: "/app-prod/" }, scope: { partition: "aws", region: "eu-west-1", accountId: "111122223333" },
  code: { bucket: "code", key: "bootstrap/handler.zip" }, logs: { retentionDays: 30, kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/logs", protect: false },
};

describe("LambdaFunction", () => {
  it("builds the function outside the VPC with no environment and no versions unless asked", () => {
    const json = synthOf((s) => new LambdaFunction(s, "Fn", props));
    const [fn] = Object.values(json.resource.aws_lambda_function);
    expect(fn.vpc_config).toBeUndefined();
    expect(fn.environment).toBeUndefined();
    expect(fn.publish).toBe(false);
    expect(json.resource.aws_lambda_alias).toBeUndefined();
    expect(Object.values(json.resource.aws_iam_role)[0]).toMatchObject({ name: "app-prod-fn", path: "/app-prod/" });
  });

  it.each<[string, Partial<LambdaFunctionProps>, string]>([
    ["memory below Lambda's", { memoryMb: 127 }, "test/Fn: memoryMb = 127: must be a whole number from 128 to 10240 (Lambda memory in MB)"],
    ["memory above Lambda's", { memoryMb: 10241 }, "test/Fn: memoryMb = 10241: must be a whole number from 128 to 10240 (Lambda memory in MB)"],
    ["a timeout over 900 s", { timeoutSeconds: 901 }, "test/Fn: timeoutSeconds = 901: must be a whole number from 1 to 900 (Lambda timeout in seconds)"],
    ["an unknown architecture", { architecture: "arm32" as "arm64" }, 'test/Fn: architecture = "arm32": must be one of: arm64, x86_64 (Lambda architectures)'],
    ["a name Lambda refuses", { name: "f n" }, 'test/Fn: name = "f n": must be 1-64 letters, digits, hyphens and underscores (Lambda function names)'],
    ["reserved concurrency over the account limit", { reservedConcurrency: 1001 }, "test/Fn: reservedConcurrency = 1001: must be a whole number from 0 to 1000 (reserved concurrency within the default account limit)"],
  ])("refuses %s", (_case, bad, message) => {
    expect(problemsOf((s) => new LambdaFunction(s, "Fn", { ...props, ...bad }))).toEqual([message]);
  });

  it("accepts Lambda's bounds", () => {
    expect(problemsOf((s) => new LambdaFunction(s, "Fn", { ...props, memoryMb: 10240, timeoutSeconds: 900, reservedConcurrency: 0 }))).toEqual([]);
  });
});

describe("QueueConsumer and SecretRotation", () => {
  it.each<[string, () => readonly string[], string]>([
    ["a batch over 10,000", () => problemsOf((s) => new QueueConsumer(s, "C", { functionName: "fn", queueArn: "q", batchSize: 10001 })),
      "test/C: batchSize = 10001: must be a whole number from 1 to 10000 (SQS event source batch size)"],
    ["a window over 300 s", () => problemsOf((s) => new QueueConsumer(s, "C", { functionName: "fn", queueArn: "q", batchSize: 10, batchWindowSeconds: 301 })),
      "test/C: batchWindowSeconds = 301: must be a whole number from 0 to 300 (SQS event source batching window)"],
    ["a concurrency cap of 1", () => problemsOf((s) => new QueueConsumer(s, "C", { functionName: "fn", queueArn: "q", batchSize: 10, maxConcurrency: 1 })),
      "test/C: maxConcurrency = 1: must be a whole number from 2 to 1000 (SQS event source maximum concurrency)"],
    ["a schedule Secrets Manager refuses", () => problemsOf((s) => new SecretRotation(s, "R", { secretArn: "s", functionArn: "f", functionName: "fn", schedule: "daily", accountId: "1" })),
      'test/R: schedule = "daily": must be rate(<n> hours|days) or cron(<expression>) (Secrets Manager rotation schedules)'],
  ])("refuse %s", (_case, problems, message) => {
    expect(problems()).toEqual([message]);
  });
});
