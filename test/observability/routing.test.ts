import { describe, expect, it } from "vitest";
import { DEPLOYMENTS } from "../support/deployments";
import { byAttr, refBy, resources, stack, type StackJson } from "../support/synth";

const observed = DEPLOYMENTS.filter((d) => d.layers.includes("observability"));
/** The deployment's topic (in its region) and, outside us-east-1 with distributions, the us-east-1 topic of CloudFront and WAF alarms. */
const topicArn = (s: StackJson, name: string) => refBy(s, "aws_sns_topic", "name", name, "arn");
const keyOf = (s: StackJson, name: string) => {
  const alias = byAttr(s, "aws_kms_alias", "name", `alias/${name}`);
  return (alias.target_key_id as string).replace(/\.key_id\}$/, ".arn}");
};

describe("alarm routing", () => {
  it("one encrypted topic per deployment, on its own key, named after the deployment; a second in us-east-1 where CloudFront alarms live outside it", () => {
    for (const d of observed) {
      const s = stack(`${d.name}-observability`);
      const names = [d.observability.topicName, ...(d.observability.globalTopicName ? [d.observability.globalTopicName] : [])];
      expect(d.observability.globalTopicName !== undefined, d.name).toBe(d.edge.distributions.length > 0 && d.region !== "us-east-1");
      expect(Object.values(resources(s, "aws_sns_topic")).map((t) => [t.name, t.kms_master_key_id, t.signature_version, t.provider]), d.name).toEqual(
        names.map((n, i) => [n, keyOf(s, n), 2, i === 0 ? undefined : "aws.us-east-1"]),
      );
      expect(Object.values(resources(s, "aws_kms_key")).map((k) => [k.enable_key_rotation, (k.lifecycle as { prevent_destroy: boolean }).prevent_destroy, k.provider]), d.name).toEqual(
        names.map((_, i) => [true, d.deletionProtection, i === 0 ? undefined : "aws.us-east-1"]),
      );
    }
    expect(observed.filter((d) => d.observability.globalTopicName).map((d) => d.observability.globalTopicName)).toEqual([
      "serverless-saas-prod-alarms-global", "serverless-saas-dev-alarms-global", "commerce-prod-alarms-global", "commerce-staging-alarms-global", "commerce-dev-alarms-global",
    ]);
  });

  it("pages through PagerDuty outside dev only, from a variable or a secret, never a literal; undelivered pages go to an encrypted DLQ per topic", () => {
    for (const d of observed) {
      const s = stack(`${d.name}-observability`);
      const subscriptions = Object.values(resources(s, "aws_sns_topic_subscription"));
      if (d.environment === "dev") {
        expect(subscriptions, d.name).toEqual([]);
        expect((s as { variable?: object }).variable, d.name).toBeUndefined();
        continue;
      }
      const endpoint = d.observability.pagerDuty?.source === "secret"
        ? `\${data.aws_secretsmanager_secret_version.${Object.keys(s.data!.aws_secretsmanager_secret_version)[0]}.secret_string}`
        : "${var.pagerduty_integration_url}";
      const names = [d.observability.topicName, ...(d.observability.globalTopicName ? [d.observability.globalTopicName] : [])];
      expect(subscriptions.length, d.name).toBe(names.length);
      expect(subscriptions, d.name).toEqual(expect.arrayContaining(names.map((n) => {
        const dlq = byAttr(s, "aws_sqs_queue", "name", `${n}-pagerduty-dlq`);
        expect([dlq.kms_master_key_id, dlq.message_retention_seconds, dlq.provider], n).toEqual([keyOf(s, n), 1209600, n === d.observability.topicName ? undefined : "aws.us-east-1"]);
        return expect.objectContaining({
          topic_arn: topicArn(s, n), protocol: "https", endpoint, endpoint_auto_confirms: true,
          redrive_policy: JSON.stringify({ deadLetterTargetArn: refBy(s, "aws_sqs_queue", "name", `${n}-pagerduty-dlq`, "arn") }),
        });
      })));
      expect(Object.keys(resources(s, "aws_sqs_queue")).length, d.name).toBe(names.length);
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
      ].map((e) => ({ ...e, sns_topic: topicArn(s, `${d.name}-alarms`), enabled: true, event_categories: ["failover", "failure", "maintenance", "notification"] }));
      expect(Object.values(resources(s, "aws_db_event_subscription")).map(({ "//": _, ...rest }) => rest), d.name).toEqual(expected);
    }
    expect(Object.values(resources(stack("commerce-prod-observability"), "aws_db_event_subscription")).map((e) => e.source_type)).toEqual(["db-cluster"]);
  });

  it("publishes the topic and its key for later layers and governance's budgets", () => {
    const s = stack("commerce-prod-observability");
    expect(s.output?.alarm_topic_arn.value).toBe(topicArn(s, "commerce-prod-alarms"));
    expect(s.output?.alarm_topic_kms_key_arn.value).toBe(keyOf(s, "commerce-prod-alarms"));
  });
});
