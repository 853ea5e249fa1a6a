import type { Environment } from "../../presets";
import type { ContainersInput } from "../types";

/** The processor's connection settings, each read by ECS from a secret by reference (never a value in the task definition). */
const secret = (name: string, from: { kind: "store"; store: string } | { kind: "broker" }, key: "username" | "password" | "host" | "port" | "dbname" | "vhost" | "authToken") => ({ name, from, key });

/**
 * The request processors of seed 001: Fargate tasks in the private
 * subnets (processor workload) consuming the broker's single request queue
 * and writing to MySQL and Redis. The seed names no sizes: half a vCPU and
 * 1 GiB per task, 2 to 20 tasks in production (1 to 4 in dev). Scaling
 * follows the seed's sentences, mapped in docs/containers.md: back-pressure
 * on the queue and two CPU steps add tasks; an empty queue for 5 minutes
 * returns the service to its minimum. The image is built into the
 * deployment's own repository; its tag is released through this file.
 */
export function containers(env: Environment): ContainersInput {
  const prod = env === "prod";
  const minimum = prod ? 2 : 1;
  return {
    repositories: [{ id: "ProcessorImages", name: "webhooks/processor" }],
    ecs: {
      services: [{
        id: "Processor", workload: "processor", image: { repository: "ProcessorImages", tag: "1.0.0" }, cpu: 512, memoryMib: 1024,
        environment: { RABBITMQ_QUEUE: "requests" },
        secrets: [
          secret("RABBITMQ_HOST", { kind: "broker" }, "host"), secret("RABBITMQ_PORT", { kind: "broker" }, "port"),
          secret("RABBITMQ_VHOST", { kind: "broker" }, "vhost"), secret("RABBITMQ_USERNAME", { kind: "broker" }, "username"),
          secret("RABBITMQ_PASSWORD", { kind: "broker" }, "password"),
          secret("DB_HOST", { kind: "store", store: "Main" }, "host"), secret("DB_PORT", { kind: "store", store: "Main" }, "port"),
          secret("DB_NAME", { kind: "store", store: "Main" }, "dbname"), secret("DB_USERNAME", { kind: "store", store: "Main" }, "username"),
          secret("DB_PASSWORD", { kind: "store", store: "Main" }, "password"),
          secret("REDIS_HOST", { kind: "store", store: "Locks" }, "host"), secret("REDIS_PORT", { kind: "store", store: "Locks" }, "port"),
          secret("REDIS_AUTH_TOKEN", { kind: "store", store: "Locks" }, "authToken"),
        ],
        desiredCount: minimum,
        scaling: {
          minCount: minimum, maxCount: prod ? 20 : 4,
          cpuSteps: [{ thresholdPercent: 80, forMinutes: 15, addTasks: 1 }, { thresholdPercent: 90, forMinutes: 5, addTasks: 2 }],
          queuePressure: { queue: "requests", growingForMinutes: 5, addTasks: 2, emptyForMinutes: 5 },
        },
      }],
    },
  };
}
