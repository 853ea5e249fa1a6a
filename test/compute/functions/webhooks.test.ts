import { describe, expect, it } from "vitest";
import { byAttr, only, outputValues, policy, ref, resources, stack, upstream } from "../../support/synth";
import { secretArn, webhooksRoles } from "./expected-roles";
import { aliasRef, figures, fn, fnRef } from "./support";

describe.each([["prod", "hooks.webhooks-relay.com", 100], ["dev", "hooks.webhooks-relay-dev.com", undefined]] as const)("webhooks-%s-compute", (env, host, reserved) => {
  const deployment = `webhooks-${env}`;
  const s = stack(`${deployment}-compute`);
  const c = { s, deployment, region: "eu-central-1" };

  it("runs the receiver in the receiver workload's group, which the broker admits on 5671", () => {
    const f = fn(s, "WebhookReceiver");
    expect(figures(f)).toEqual({ runtime: "nodejs22.x", architectures: ["arm64"], memory_size: 512, timeout: 30 });
    expect(f.reserved_concurrent_executions).toBe(reserved);
    expect(f.vpc_config).toEqual({
      subnet_ids: upstream(`${deployment}-network`, "compute_subnet_ids"),
      security_group_ids: [upstream(`${deployment}-network`, "workload_security_group_ids.receiver")],
    });
    const role = /aws_iam_role\.(\w+)\./.exec(f.role as string)![1];
    const own = Object.values(resources(s, "aws_iam_role_policy")).filter((p) => String(p.role).includes(`aws_iam_role.${role}.`));
    expect(own.map((p) => policy(p.policy))).toEqual([{ Version: "2012-10-17", Statement: webhooksRoles(c).WebhookReceiver }]);
  });

  it("passes the allowed domain, the edge header's name, the broker's CA and the ARNs of its secret and the broker's, never their values", () => {
    expect(fn(s, "WebhookReceiver").environment).toEqual({ variables: {
      BROKER_ENDPOINT: upstream(`${deployment}-messaging`, "broker_endpoint"),
      BROKER_SECRET_ARN: upstream(`${deployment}-messaging`, "broker_app_secret_arn"),
      BROKER_CA_CERTIFICATE_PEM: upstream(`${deployment}-messaging`, "broker_ca_certificate_pem"),
      ALLOWED_DOMAIN: host, EDGE_SECRET_HEADER: "X-Origin-Verify", EDGE_SECRET_ARN: secretArn(c, "webhooks/edge-shared-secret"),
    } });
    // The edge secret is generated into Secrets Manager through the write-only argument: no value in state.
    const version = only(s, "aws_secretsmanager_secret_version");
    expect(version.secret_string_wo_version).toBe(1);
    expect(version).not.toHaveProperty("secret_string");
  });

  it("serves the live alias through an HTTPS URL with auth NONE, and grants InvokeFunction only when invoked through the URL", () => {
    const url = only(s, "aws_lambda_function_url");
    expect(url).toMatchObject({ function_name: fnRef(s, "WebhookReceiver", "function_name"), qualifier: aliasRef(s, "WebhookReceiver", "name"), authorization_type: "NONE", invoke_mode: "BUFFERED" });
    const permission = only(s, "aws_cloudcontrolapi_resource");
    expect(permission.type_name).toBe("AWS::Lambda::Permission");
    expect(JSON.parse(permission.desired_state as string)).toEqual({
      FunctionName: aliasRef(s, "WebhookReceiver", "arn"), Action: "lambda:InvokeFunction", Principal: "*", InvokedViaFunctionUrl: true,
    });
    // No unconditional grant to everyone: the provider's own FunctionURLAllowPublicAccess is the only other statement.
    expect(resources(s, "aws_lambda_permission")).toEqual({});
  });

  it("publishes the URL host for the edge's origin and Host header", () => {
    const out = outputValues(s);
    expect(out.function_url_hosts).toEqual({ WebhookReceiver: `${ref(s, "aws_lambda_function_url", () => true, "url_id")}.lambda-url.eu-central-1.on.aws` });
    expect(out.function_alias_arns).toEqual({ WebhookReceiver: aliasRef(s, "WebhookReceiver", "arn") });
    expect(out.function_secret_arns).toEqual({ EdgeSecret: secretArn(c, "webhooks/edge-shared-secret") });
    expect(byAttr(s, "aws_cloudwatch_log_group", "name", "/aws/lambda/WebhookReceiver").retention_in_days).toBe(env === "prod" ? 365 : 30);
  });
});
