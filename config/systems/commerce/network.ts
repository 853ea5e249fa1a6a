import type { Environment } from "../../presets";
import type { NetworkInput } from "../types";

/**
 * 3-AZ VPC 10.0.0.0/16 in production with a NAT gateway per AZ ("no
 * cross-AZ NAT traffic during an AZ failure"; the preset), EKS nodes in
 * private subnets. The seed: "security group allows only EKS node SG".
 */
export function network(env: Environment): NetworkInput {
  return {
    cidr: { prod: "10.0.0.0/16", staging: "10.1.0.0/16", dev: "10.2.0.0/20" }[env],
    interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sts"],
    workloads: [{ name: "eks-nodes", description: "EKS managed node groups (API and web pods)" }],
  };
}
