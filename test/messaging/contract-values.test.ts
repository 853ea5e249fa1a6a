import { describe, expect, it } from "vitest";
import type { Deployment } from "../../config/deployment";
import { DEPLOYMENTS } from "../support/deployments";
import { onlyRef, outputValues, refBy, resources, stack, upstreamEntry, type StackJson } from "../support/synth";

/**
 * The value of every messaging contract output of every messaging stack,
 * derived from config: a queue URL output pointing at another queue, or a
 * broker secret output naming the other user's secret, keeps its name and fails here.
 */

/** `config id -> ${type.X.attribute}` for each configured item, found in the stack by its name. */
function byId(s: StackJson, type: string, items: readonly { id: string; name: string }[], attribute: string): Record<string, string> {
  return Object.fromEntries(items.map((item) => [item.id, refBy(s, type, "name", item.name, attribute)]));
}

/** The broker outputs: empty without a broker; the self-hosted broker's own resources otherwise. */
function brokerOutputs(s: StackJson, d: Deployment): Record<string, unknown> {
  const b = d.messaging.broker;
  if (!b) {
    return {
      broker_kind: "", broker_name: "", broker_endpoint: "", broker_port: 0, broker_admin_secret_arn: "", broker_app_secret_arn: "",
      broker_security_group_id: "", broker_ca_certificate_pem: "", broker_metrics_namespace: "",
    };
  }
  // Only self-hosted brokers are deployed; Amazon MQ is covered by test/examples/.
  if (b.kind !== "ec2") throw new Error(`${d.name}: no expectation for a ${b.kind} broker here`);
  return {
    broker_kind: "ec2", broker_name: b.name, broker_endpoint: b.recordName, broker_port: 5671,
    broker_admin_secret_arn: refBy(s, "aws_secretsmanager_secret", "name", b.adminSecretName, "arn"),
    broker_app_secret_arn: refBy(s, "aws_secretsmanager_secret", "name", b.appSecretName, "arn"),
    broker_security_group_id: upstreamEntry(`${d.name}-network`, "workload_security_group_ids", b.workload),
    broker_ca_certificate_pem: onlyRef(s, "tls_self_signed_cert", "cert_pem"),
    broker_metrics_namespace: b.metricsNamespace,
  };
}

describe.each(DEPLOYMENTS.filter((d) => d.layers.includes("messaging")).map((d) => [d.name, d] as const))("%s-messaging publishes", (name, d: Deployment) => {
  it("every queue, bus, rule, pipe, topic, the email identity and the broker", () => {
    const s = stack(`${name}-messaging`);
    const m = d.messaging;
    const rules = m.buses.flatMap((b) => b.rules);
    const identity = Object.keys(resources(s, "aws_sesv2_email_identity"))[0];
    const tokens = `aws_sesv2_email_identity.${identity}.dkim_signing_attributes[0].tokens`;
    const { dead_letter_queue_ids: deadLetterIds, ...values } = outputValues(s);
    expect(values).toEqual({
      queue_arns: byId(s, "aws_sqs_queue", m.queues, "arn"),
      queue_urls: byId(s, "aws_sqs_queue", m.queues, "url"),
      queue_names: byId(s, "aws_sqs_queue", m.queues, "name"),
      // Buses and topics are encrypted with the messaging key; without either there is none.
      messaging_kms_key_arn: m.buses.length + m.topics.length > 0 ? onlyRef(s, "aws_kms_key", "arn") : "",
      event_bus_arns: byId(s, "aws_cloudwatch_event_bus", m.buses, "arn"),
      event_bus_names: byId(s, "aws_cloudwatch_event_bus", m.buses, "name"),
      event_rule_arns: byId(s, "aws_cloudwatch_event_rule", rules, "arn"),
      event_rule_names: byId(s, "aws_cloudwatch_event_rule", rules, "name"),
      pipe_names: byId(s, "aws_pipes_pipe", m.pipes, "name"),
      topic_arns: byId(s, "aws_sns_topic", m.topics, "arn"),
      topic_names: byId(s, "aws_sns_topic", m.topics, "name"),
      email_identity_arn: m.email ? onlyRef(s, "aws_sesv2_email_identity", "arn") : "",
      email_configuration_set_name: m.email ? onlyRef(s, "aws_sesv2_configuration_set", "configuration_set_name") : "",
      email_dkim_records: m.email
        ? `\${zipmap(formatlist("%s._domainkey.${m.email.domain}", ${tokens}), formatlist("%s.dkim.amazonses.com", ${tokens}))}`
        : {},
      ...brokerOutputs(s, d),
    });
    // Order carries no meaning for the alarm consumer; the frozen output is copied before sorting.
    const expected = new Set([...m.queues.flatMap((q) => (q.deadLetter ? [q.deadLetter.queue] : [])), ...m.pipes.map((p) => p.deadLetterQueue)]);
    expect([...(deadLetterIds as string[])].sort()).toEqual([...expected].sort());
  });
});
