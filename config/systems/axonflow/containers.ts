import type { Environment } from "../../presets";
import type { ContainersInput } from "../types";

/**
 * AWS Marketplace's ECR registry (us-east-1) and the AxonFlow images pulled
 * from it (seed 002: "AWS Marketplace ECR image"). The seed names neither
 * the repository nor a tag: these are the subscription's, pinned here so a
 * new release is a reviewed change.
 */
const MARKETPLACE_IMAGE = (component: "agent" | "orchestrator") => `709825985650.dkr.ecr.us-east-1.amazonaws.com/axonflow/${component}:1.0.0`;

/**
 * Requests per minute each licence tier allows the agent (seed 002's
 * MAX_REQUESTS, "Tier-based request limit"; the seed gives no numbers, so
 * these follow the licence's ratio Pilot < Growth < Enterprise).
 */
const MAX_REQUESTS = { Pilot: 1000, Growth: 10000, Enterprise: 100000 } as const;

/** Both task definitions: 1 vCPU, 2 GiB (seed 002), a container health check on /health. */
const TASK = { cpu: 1024, memoryMib: 2048, healthCheckPath: "/health" } as const;

/**
 * The agent (8080, behind the internal ALB) and the orchestrator (8081,
 * reached through Cloud Map), as seed 002 sizes them in production: 5 and
 * 10 tasks, CPU target tracking at 70% up to 50 tasks. Dev runs one task
 * of each. DATABASE_URL comes from the database secret's `url` key, by
 * reference. The seed's `.internal` certificate name needs a private CA
 * (docs/containers.md); the deployment creates its own.
 */
export function containers(env: Environment): ContainersInput {
  const prod = env === "prod";
  const tier = prod ? "Growth" : "Pilot";
  const scaling = { maxCount: prod ? 50 : 4, cpuTarget: { targetPercent: 70, scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 300 } };
  const database = { name: "DATABASE_URL", from: { kind: "store", store: "Main" }, key: "url" } as const;
  return {
    pricingTier: tier,
    ecs: {
      executeCommand: true,
      services: [
        {
          id: "Agent", workload: "agent", image: MARKETPLACE_IMAGE("agent"), ...TASK, port: 8080,
          environment: { PORT: "8080", TIER: tier, MAX_REQUESTS: String(MAX_REQUESTS[tier]) },
          serviceUrls: { ORCHESTRATOR_URL: "Orchestrator" },
          secrets: [database],
          desiredCount: prod ? 5 : 1, scaling,
        },
        {
          id: "Orchestrator", workload: "orchestrator", image: MARKETPLACE_IMAGE("orchestrator"), ...TASK, port: 8081, discoverable: true,
          environment: { PORT: "8081" },
          secrets: [database],
          desiredCount: prod ? 10 : 1, scaling,
        },
      ],
      loadBalancers: [{
        id: "AgentAlb", workload: "alb", service: "Agent",
        certificate: { source: "privateCa", domainName: `axonflow-${env}.us-east-1.axonflow.internal` },
      }],
    },
    stackOutputs: {
      ClusterName: { source: "clusterName", id: "Main" },
      AgentEndpoint: { source: "loadBalancerUrl", id: "AgentAlb" },
      DatabaseEndpoint: { source: "storeEndpoint", id: "Main" },
      PricingTierDeployed: { source: "pricingTier" },
      AgentServiceName: { source: "serviceName", id: "Agent" },
      OrchestratorServiceName: { source: "serviceName", id: "Orchestrator" },
    },
  };
}
