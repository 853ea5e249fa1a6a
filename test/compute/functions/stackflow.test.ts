import { describe, expect, it } from "vitest";
import { byAttr, outputValues, policy, ref, resources, stack, upstream } from "../../support/synth";
import { secretArn, stackflowRoles } from "./expected-roles";
import { aliasRef, figures, fn, fnRef, ofFunction } from "./support";

/** The seed's table (seed 000), with the runtime identifier for "py3.12"; architectures and timeouts the seed leaves open are the recorded choices. */
const SEED: Record<string, { runtime: string; memory: number; timeout: number }> = {
  StackFlowAPI: { runtime: "nodejs22.x", memory: 1792, timeout: 300 },
  StackFlowCacheWarmer: { runtime: "python3.12", memory: 512, timeout: 300 },
  StackFlowNeptuneCMDBSeeder: { runtime: "nodejs22.x", memory: 512, timeout: 900 },
  StackFlowGitHubSync: { runtime: "nodejs22.x", memory: 512, timeout: 60 },
  StackFlowSecretsRotation: { runtime: "python3.12", memory: 256, timeout: 60 },
  StackFlowGenericSecretRotation: { runtime: "python3.12", memory: 256, timeout: 60 },
  StackFlowFieldKeyRotator: { runtime: "python3.12", memory: 512, timeout: 300 },
  StackFlowPatcher: { runtime: "python3.12", memory: 512, timeout: 900 },
};

describe.each([["prod", 365, true], ["dev", 30, false]] as const)("stackflow-%s-compute", (env, retention, protect) => {
  const deployment = `stackflow-${env}`;
  const s = stack(`${deployment}-compute`);
  const network = (output: string) => upstream(`${deployment}-network`, output);
  const data = (output: string) => upstream(`${deployment}-data`, output);
  const messaging = (output: string) => upstream(`${deployment}-messaging`, output);

  it("has exactly the seed's eight functions with its runtimes, arm64, memory and timeouts", () => {
    expect(Object.values(resources(s, "aws_lambda_function")).map((f) => f.function_name).sort()).toEqual(Object.keys(SEED).sort());
    for (const [name, seed] of Object.entries(SEED)) {
      expect(figures(fn(s, name)), name).toEqual({ runtime: seed.runtime, architectures: ["arm64"], memory_size: seed.memory, timeout: seed.timeout });
    }
    expect(fn(s, "StackFlowAPI").reserved_concurrent_executions).toBe(env === "prod" ? 200 : undefined);
  });

  it("runs every function in the compute subnets with the application tier's group, traced, from the bootstrap package", () => {
    for (const name of Object.keys(SEED)) {
      const f = fn(s, name);
      expect(f.vpc_config, name).toEqual({ subnet_ids: network("compute_subnet_ids"), security_group_ids: [network("workload_security_group_ids.app")] });
      expect(f.tracing_config).toEqual({ mode: "Active" });
      expect(f.role).toBe(ref(s, "aws_iam_role", (r) => r.name === `${deployment}-${name}`, "arn"));
      expect([f.s3_bucket, f.s3_key]).toEqual([ref(s, "aws_s3_bucket", () => true, "bucket"), ref(s, "aws_s3_object", () => true, "key")]);
      expect(f.lifecycle).toEqual({ ignore_changes: ["s3_bucket", "s3_key", "s3_object_version", "source_code_hash", "image_uri"] });
    }
  });

  it("creates each log group first, encrypted with the logs key, kept the preset's days, wired as the JSON log destination", () => {
    for (const name of Object.keys(SEED)) {
      const group = byAttr(s, "aws_cloudwatch_log_group", "name", `/aws/lambda/${name}`);
      expect(group).toMatchObject({ retention_in_days: retention, kms_key_id: network("logs_kms_key_arn"), deletion_protection_enabled: protect, lifecycle: { prevent_destroy: protect } });
      const groupRef = ref(s, "aws_cloudwatch_log_group", (g) => g.name === `/aws/lambda/${name}`, "name");
      const f = fn(s, name);
      expect(f.logging_config).toEqual({ log_format: "JSON", log_group: groupRef, application_log_level: "INFO", system_log_level: "WARN" });
      expect(f.depends_on).toContain(groupRef.replace(/^\$\{(.*)\.name\}$/, "$1"));
    }
  });

  it("gives each role exactly the statements its purpose needs", () => {
    const expected = stackflowRoles({ s, deployment, region: "us-east-1" });
    for (const name of Object.keys(SEED)) {
      const [inline] = ofFunction(s, name, "aws_iam_role_policy");
      expect(policy(inline.policy), name).toEqual({ Version: "2012-10-17", Statement: expected[name] });
    }
  });

  it("rotates the Aurora credentials, the GitHub token and the field keys on their schedules, each invocable by Secrets Manager for its secret only", () => {
    // Terraform orders resources by logical id; the order carries no meaning, so both sides are sorted by secret.
    const bySecret = <T extends Record<string, unknown>>(list: T[], key: keyof T) => [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
    const rotations = bySecret(Object.values(resources(s, "aws_secretsmanager_secret_rotation")), "secret_id");
    const wiring = (name: string, secret: string, schedule: string, immediately: boolean) => ({
      secret_id: secret, rotation_lambda_arn: fnRef(s, name, "arn"), rotation_rules: { schedule_expression: schedule }, rotate_immediately: immediately,
    });
    expect(rotations.map(({ depends_on: _d, "//": _m, ...r }) => r)).toEqual(bySecret([
      wiring("StackFlowSecretsRotation", data("store_secret_arns.Main"), "rate(30 days)", true),
      wiring("StackFlowSecretsRotation", data("store_secret_arns.Requirements"), "rate(30 days)", true),
      wiring("StackFlowGenericSecretRotation", secretArn({ s, deployment, region: "" }, "stackflow/github-api-token"), "rate(90 days)", false),
      wiring("StackFlowFieldKeyRotator", secretArn({ s, deployment, region: "" }, "stackflow/field-encryption-keys"), "rate(90 days)", true),
    ], "secret_id"));
    const permissions = bySecret(Object.values(resources(s, "aws_lambda_permission")).map(({ "//": _m, ...p }) => p), "source_arn");
    expect(permissions).toEqual(rotations.map((r) => ({
      function_name: fnRef(s, Object.keys(SEED).find((n) => fnRef(s, n, "arn") === r.rotation_lambda_arn)!, "function_name"),
      action: "lambda:InvokeFunction", principal: "secretsmanager.amazonaws.com", source_arn: r.secret_id, source_account: "${data.aws_caller_identity.Caller.account_id}",
    })));
    // Each rotation waits for its permission: Secrets Manager invokes the function as soon as rotation is set.
    for (const r of rotations) expect((r.depends_on as string[])[0]).toMatch(/^aws_lambda_permission\./);
  });

  it("consumes the ingestion queue with the API's alias and both remediation tiers with the patcher, reporting partial batch failures", () => {
    const mappings = Object.values(resources(s, "aws_lambda_event_source_mapping")).map(({ "//": _m, ...m }) => m);
    expect(mappings).toEqual([
      { function_name: aliasRef(s, "StackFlowAPI", "arn"), event_source_arn: messaging("queue_arns.EventsIngestion"), batch_size: 10, function_response_types: ["ReportBatchItemFailures"] },
      { function_name: fnRef(s, "StackFlowPatcher", "arn"), event_source_arn: messaging("queue_arns.RemediationP1"), batch_size: 1, function_response_types: ["ReportBatchItemFailures"] },
      { function_name: fnRef(s, "StackFlowPatcher", "arn"), event_source_arn: messaging("queue_arns.RemediationStandard"), batch_size: 10, function_response_types: ["ReportBatchItemFailures"] },
    ]);
  });

  it("pins callers of the API to its live alias, first set to the version Terraform publishes, then moved by the release pipeline", () => {
    expect(fn(s, "StackFlowAPI").publish).toBe(true);
    const [alias] = Object.values(resources(s, "aws_lambda_alias"));
    expect(Object.keys(resources(s, "aws_lambda_alias"))).toHaveLength(1);
    expect(alias).toMatchObject({ name: "live", function_name: fnRef(s, "StackFlowAPI", "function_name"), function_version: fnRef(s, "StackFlowAPI", "version"), lifecycle: { ignore_changes: ["function_version", "routing_config"] } });
  });

  it("passes endpoints, users and secret ARNs to the API, never a secret value", () => {
    expect(fn(s, "StackFlowAPI").environment).toEqual({ variables: {
      MAIN_ENDPOINT: data("store_endpoints.Main"), MAIN_PORT: data("store_ports.Main"), MAIN_DB_USER: "stackflow_api",
      REQUIREMENTS_ENDPOINT: data("store_endpoints.Requirements"), REQUIREMENTS_PORT: data("store_ports.Requirements"), REQUIREMENTS_DB_USER: "stackflow_api",
      KNOWLEDGE_GRAPH_ENDPOINT: data("store_endpoints.KnowledgeGraph"), KNOWLEDGE_GRAPH_PORT: data("store_ports.KnowledgeGraph"),
      CACHE_SECRET_ARN: data("store_secret_arns.Cache"),
      FIELD_ENCRYPTION_KEYS_SECRET_ARN: secretArn({ s, deployment, region: "" }, "stackflow/field-encryption-keys"),
    } });
  });

  it("publishes names, ARNs, the alias, log groups and timeouts keyed by function name", () => {
    const out = outputValues(s);
    const byName = (attribute: string) => Object.fromEntries(Object.keys(SEED).map((n) => [n, fnRef(s, n, attribute)]));
    expect(out.function_names).toEqual(byName("function_name"));
    expect(out.function_arns).toEqual(byName("arn"));
    expect(out.function_invoke_arns).toEqual(byName("invoke_arn"));
    expect(out.function_alias_arns).toEqual({ StackFlowAPI: aliasRef(s, "StackFlowAPI", "arn") });
    expect(out.function_alias_invoke_arns).toEqual({ StackFlowAPI: aliasRef(s, "StackFlowAPI", "invoke_arn") });
    expect(out.function_url_hosts).toEqual({});
    expect(out.function_log_group_names).toEqual(Object.fromEntries(Object.keys(SEED).map((n) => [n, ref(s, "aws_cloudwatch_log_group", (g) => g.name === `/aws/lambda/${n}`, "name")])));
    expect(out.function_timeouts).toEqual(Object.fromEntries(Object.entries(SEED).map(([n, f]) => [n, f.timeout])));
    expect(out.function_code_bucket_name).toBe(ref(s, "aws_s3_bucket", () => true, "bucket"));
  });
});
