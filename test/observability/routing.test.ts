import { describe, expect, it } from "vitest";
import { DEPLOYMENTS } from "../support/deployments";
import { only, onlyRef, resources, stack } from "../support/synth";

const observed = DEPLOYMENTS.filter((d) => d.layers.includes("observability"));

describe("alarm routing", () => {
  it("one encrypted topic per deployment, on its own key, named after the deployment", () => {
    for (const d of observed) {
      const s = stack(`${d.name}-observability`);
      expect(only(s, "aws_sns_topic")).toMatchObject({ name: `${d.name}-alarms`, kms_master_key_id: onlyRef(s, "aws_kms_key", "arn"), signature_version: 2 });
      expect(only(s, "aws_kms_alias")).toMatchObject({ name: `alias/${d.name}-alarms` });
      expect(only(s, "aws_kms_key")).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: d.deletionProtection } });
    }
  });

  it("pages through PagerDuty outside dev only, from a variable or a secret, never a literal; undelivered pages go to an encrypted DLQ", () => {
    for (const d of observed) {
      const s = stack(`${d.name}-observability`);
      const subscriptions = Object.values(resources(s, "aws_sns_topic_subscription"));
      if (d.environment === "dev") {
        expect(subscriptions, d.name).toEqual([]);
        expect((s as { variable?: object }).variable, d.name).toBeUndefined();
        continue;
      }
      const dlq = only(s, "aws_sqs_queue");
      expect(dlq).toMatchObject({ name: `${d.name}-alarms-pagerduty-dlq`, kms_master_key_id: onlyRef(s, "aws_kms_key", "arn"), message_retention_seconds: 1209600 });
      const endpoint = d.observability.pagerDuty?.source === "secret"
        ? `\${data.aws_secretsmanager_secret_version.${Object.keys(s.data!.aws_secretsmanager_secret_version)[0]}.secret_string}`
        : "${var.pagerduty_integration_url}";
      expect(subscriptions, d.name).toEqual([expect.objectContaining({
        topic_arn: onlyRef(s, "aws_sns_topic", "arn"), protocol: "https", endpoint, endpoint_auto_confirms: true,
        redrive_policy: JSON.stringify({ deadLetterTargetArn: onlyRef(s, "aws_sqs_queue", "arn") }),
      })]);
    }
  });

  it("webhooks-prod reads the integration URL from its secret; stackflow-prod from a sensitive variable that must be https", () => {
    const webhooks = stack("webhooks-prod-observability");
    expect(Object.values(webhooks.data!.aws_secretsmanager_secret_version).map((v) => v.secret_id)).toEqual(["webhooks/prod/pagerduty-integration-url"]);
    expect((webhooks as { variable?: object }).variable).toBeUndefined();
    const stackflow = stack("stackflow-prod-observability") as { variable?: Record<string, Record<string, unknown>> };
    expect(stackflow.variable).toEqual({
      pagerduty_integration_url: {
        type: "string", sensitive: true, nullable: false,
        description: "PagerDuty CloudWatch integration URL (https://events.pagerduty.com/integration/<key>/enqueue)",
        validation: [{ condition: '${startswith(var.pagerduty_integration_url, "https://")}', error_message: "The PagerDuty integration URL must start with https://." }],
      },
    });
  });

  it("sends failover and failure events of every Aurora cluster and RDS instance to the topic (commerce runbook: RDS Events -> SNS)", () => {
    for (const d of observed) {
      const s = stack(`${d.name}-observability`);
      const expected = [
        ...(d.data.aurora.length ? [{ name: `${d.name}-db-clusters`, source_type: "db-cluster", source_ids: d.data.aurora.map((a) => a.identifier) }] : []),
        ...(d.data.rds.length ? [{ name: `${d.name}-db-instances`, source_type: "db-instance", source_ids: d.data.rds.map((r) => r.identifier) }] : []),
      ].map((e) => ({ ...e, sns_topic: onlyRef(s, "aws_sns_topic", "arn"), enabled: true, event_categories: ["failover", "failure", "maintenance", "notification"] }));
      expect(Object.values(resources(s, "aws_db_event_subscription")).map(({ "//": _, ...rest }) => rest), d.name).toEqual(expected);
    }
    expect(Object.values(resources(stack("commerce-prod-observability"), "aws_db_event_subscription")).map((e) => e.source_type)).toEqual(["db-cluster"]);
  });

  it("publishes the topic and its key for later layers and governance's budgets", () => {
    const s = stack("commerce-prod-observability");
    expect(s.output?.alarm_topic_arn.value).toBe(onlyRef(s, "aws_sns_topic", "arn"));
    expect(s.output?.alarm_topic_kms_key_arn.value).toBe(onlyRef(s, "aws_kms_key", "arn"));
  });
});
