import { describe, expect, it } from "vitest";
import { exampleStack, only, policy, ref, upstream } from "../../support/synth";
import { baseStatements } from "./expected-roles";
import { figures, fnRef } from "./support";

/** The branches no real deployment takes (test/examples/index.ts, stackflow-dev in example-b). */
describe("example-job-replayer", () => {
  const s = exampleStack("stackflow-dev-compute");
  const messaging = (output: string) => upstream("stackflow-dev-messaging", output);
  const data = (output: string) => upstream("stackflow-dev-data", output);

  it("runs on x86_64 at 128 MB and 1 s with zero reserved concurrency (switched off), no alias", () => {
    const f = only(s, "aws_lambda_function");
    expect(figures(f)).toEqual({ runtime: "python3.13", architectures: ["x86_64"], memory_size: 128, timeout: 1 });
    expect(f.reserved_concurrent_executions).toBe(0);
    expect(f.publish).toBe(false);
  });

  it("drains its queue in windows of up to 100 messages on at most two concurrent invocations", () => {
    const { "//": _m, ...mapping } = only(s, "aws_lambda_event_source_mapping");
    expect(mapping).toEqual({
      function_name: fnRef(s, "example-job-replayer", "arn"), event_source_arn: messaging("queue_arns.JobChangesDlq"),
      batch_size: 100, maximum_batching_window_in_seconds: 5, scaling_config: { maximum_concurrency: 2 }, function_response_types: ["ReportBatchItemFailures"],
    });
  });

  it("sends failed asynchronous invocations to its queue, which its role may send to", () => {
    const { "//": _m, ...config } = only(s, "aws_lambda_function_event_invoke_config");
    expect(config).toEqual({ function_name: fnRef(s, "example-job-replayer", "function_name"), destination_config: { on_failure: { destination: messaging("queue_arns.JobChangesDlq") } } });
    const secret = ref(s, "aws_secretsmanager_secret", (x) => x.name === "example/partner-api-key", "arn");
    expect(policy(only(s, "aws_iam_role_policy").policy).Statement).toEqual([
      ...baseStatements({ s, deployment: "stackflow-dev", region: "us-east-2" }, "example-job-replayer", true),
      { Effect: "Allow", Action: "rds-db:connect", Resource: `arn:\${data.aws_partition.Partition.partition}:rds-db:us-east-2:\${data.aws_caller_identity.Caller.account_id}:dbuser:${data("store_resource_ids.Catalog")}/replayer` },
      { Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: secret },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: data("data_kms_key_arn"), Condition: { StringEquals: { "kms:ViaService": "secretsmanager.us-east-2.amazonaws.com" } } },
      { Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: messaging("queue_arns.JobChangesDlq") },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: data("data_kms_key_arn") },
      { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: messaging("queue_arns.JobChangesDlq") },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: data("data_kms_key_arn") },
    ]);
  });

  it("creates the operator-filled secret empty, with no generated value and no provider for one", () => {
    expect(only(s, "aws_secretsmanager_secret")).toMatchObject({ name: "example/partner-api-key", recovery_window_in_days: 7, lifecycle: { prevent_destroy: false } });
    expect(s.resource?.aws_secretsmanager_secret_version).toBeUndefined();
    expect(s.terraform.required_providers).not.toHaveProperty("random");
  });
});
