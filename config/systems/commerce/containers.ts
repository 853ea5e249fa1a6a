import type { Environment } from "../../presets";
import type { ContainersInput } from "../types";

/**
 * Node counts per environment: the API group spans every AZ in staging and prod (3 AZs), spot capacity grows on demand.
 * `apiPods`: running pods namespace `commerce` keeps at least (alarmed): one per API node in prod, two in staging, one in dev.
 */
const SIZES = {
  dev: { api: { minSize: 1, desiredSize: 1, maxSize: 3 }, spot: { minSize: 1, desiredSize: 1, maxSize: 4 }, apiPods: 1 },
  staging: { api: { minSize: 3, desiredSize: 3, maxSize: 6 }, spot: { minSize: 1, desiredSize: 2, maxSize: 6 }, apiPods: 2 },
  prod: { api: { minSize: 3, desiredSize: 3, maxSize: 12 }, spot: { minSize: 2, desiredSize: 3, maxSize: 20 }, apiPods: 3 },
} as const;

/**
 * Seed 004: "EKS 1.30 (managed node groups)" (1.30 can no longer be created:
 * 1.35, docs/versions.md), nodes in the private subnets with IMDSv2 and a hop
 * limit of 1; "API pods run exclusively on on-demand nodes" (labelled and
 * tainted `workload=api`), "Spot instances for non-critical node groups ...
 * batch/observability workloads" (several instance types); pods reach AWS
 * through IRSA; "ECR with image scanning" for the Go API and the React web
 * front end (nginx). The seed gives no instance types, sizes or add-on
 * versions: they are chosen here (docs/containers.md). Admins come in through
 * the Organizations access role of the account; CI (the deployment's GitHub
 * apply role) deploys the application into its namespace only.
 */
export function containers(env: Environment): ContainersInput {
  const size = SIZES[env];
  return {
    repositories: [{ id: "Api" }, { id: "Web" }],
    eks: {
      version: "1.35",
      nodeWorkload: "eks-nodes",
      accessEntries: [
        { id: "Admin", roleName: "OrganizationAccountAccessRole", access: "clusterAdmin" },
        { id: "Ci", roleName: `github-apply-commerce-${env}`, access: "edit", namespaces: ["commerce"] },
      ],
      nodeGroups: [
        {
          id: "Api", capacityType: "ON_DEMAND", instanceTypes: ["m7i.large"], ...size.api,
          labels: { workload: "api" }, taints: [{ key: "workload", value: "api", effect: "NO_SCHEDULE" }],
        },
        {
          id: "Spot", capacityType: "SPOT", instanceTypes: ["m7i.large", "m6i.large", "m7a.large", "m6a.large"], ...size.spot,
          labels: { workload: "batch-observability" },
        },
      ],
      addons: {
        "vpc-cni": "v1.21.1-eksbuild.3",
        coredns: "v1.13.1-eksbuild.1",
        "kube-proxy": "v1.35.0-eksbuild.2",
        "aws-ebs-csi-driver": "v1.55.0-eksbuild.1",
        "eks-pod-identity-agent": "v1.3.10-eksbuild.2",
        "amazon-cloudwatch-observability": "v4.7.0-eksbuild.1",
      },
      apiServiceAccount: { namespace: "commerce", name: "api", stores: ["Main", "Sessions"], minPods: size.apiPods },
    },
  };
}
