import type { Environment } from "../../presets";
import type { MessagingInput } from "../types";

/**
 * The self-hosted RabbitMQ broker of seed 001 ("RabbitMQ EC2 Instance: Self-hosted
 * on EC2 instances; Internal access only"), between the receiver and the
 * processors. The seed names no size; prod starts on a general-purpose
 * Graviton host with 8 GiB (its "vertical scaling" is this value), dev on
 * the smallest type RabbitMQ accepts.
 */
export function messaging(env: Environment): MessagingInput {
  const prod = env === "prod";
  return {
    broker: { kind: "ec2", instanceType: prod ? "m7g.large" : "t4g.small", dataVolumeGib: prod ? 50 : 20 },
  };
}
