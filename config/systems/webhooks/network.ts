import type { NetworkInput } from "../types";

/**
 * The seed routes outbound traffic through a NAT gateway, so no interface
 * endpoints beyond CloudWatch Logs (kept off the NAT bill for the chattiest
 * service). Workloads: the receiver Lambda, the RabbitMQ hosts (AMQPS 5671
 * from receiver and processors; Prometheus 15692 from monitoring, the
 * seed's "Prometheus for RabbitMQ-specific metrics"), the ECS processors and
 * the Prometheus scraper the observability layer will run.
 */
export function network(env: "prod" | "dev"): NetworkInput {
  return {
    cidr: env === "prod" ? "10.20.0.0/16" : "10.21.0.0/20",
    interfaceEndpoints: ["logs"],
    workloads: [
      { name: "receiver", description: "Webhook receiver Lambda (function URL), publishes to RabbitMQ" },
      {
        name: "broker", description: "Self-hosted RabbitMQ on EC2, internal only",
        ingressFrom: [{ workload: "receiver", port: 5671 }, { workload: "processor", port: 5671 }, { workload: "monitoring", port: 15692 }],
      },
      { name: "processor", description: "ECS request processors consuming from RabbitMQ" },
      { name: "monitoring", description: "Prometheus scraper of the observability layer, reads RabbitMQ metrics" },
    ],
  };
}
