import { inProduction, requireOneOf } from "../../engine/checks";
import { unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isUnresolved, show } from "../../engine/values";

/** Production brokers survive the loss of an AZ. */
export const MqMultiAzInProd: ResourceRule = {
  id: "MQ.MultiAzInProd",
  scope: "resource",
  description: "In production, aws_mq_broker runs RabbitMQ as CLUSTER_MULTI_AZ and ActiveMQ as ACTIVE_STANDBY_MULTI_AZ (AWS Security Hub MQ.5, MQ.6).",
  why: "A single-instance broker is down, with every message it holds, for as long as its AZ or host is; a production message path needs a node in another AZ.",
  resourceTypes: ["aws_mq_broker"],
  check: (broker, stack) => inProduction(stack, () => {
    const engine = broker.attributes.engine_type;
    if (isUnresolved(engine)) return unknown(`engine_type is ${show(engine)}`);
    const multiAz = String(engine).toLowerCase() === "rabbitmq" ? "CLUSTER_MULTI_AZ" : "ACTIVE_STANDBY_MULTI_AZ";
    return requireOneOf(broker, "deployment_mode", [multiAz], "SINGLE_INSTANCE");
  }),
};
