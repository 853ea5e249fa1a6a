import { Cidr, cidrSubnet, formatCidr } from "./cidr";

/** The three subnet tiers every VPC carries. */
export type SubnetTier = "public" | "compute" | "data";

/** Subnet CIDRs per tier, one per availability zone, in AZ order. */
export type SubnetPlan = Readonly<Record<SubnetTier, readonly string[]>>;

/** Largest VPC prefix the plan supports: a /22 leaves /27 data and public subnets. */
export const MAX_VPC_PREFIX = 22;
/** Smallest VPC prefix AWS allows. */
export const MIN_VPC_PREFIX = 16;

/**
 * Carves a VPC into tiers, sized for where addresses are spent:
 * - compute: the first three quarters, one quarter (`/p+2`) per AZ, because
 *   ENIs of Lambda, Fargate tasks and EKS pods consume most addresses;
 * - public and data: the last quarter split into eighths (`/p+5`), public at
 *   slots 0-2 and data at slots 4-6, leaving slots 3 and 7 free for growth.
 * The layout depends only on the VPC CIDR and AZ index, so adding a third AZ
 * later adds subnets without moving existing ones.
 */
export function planSubnets(vpc: Cidr, azCount: number): SubnetPlan {
  const lastQuarter = cidrSubnet(vpc, 2, 3);
  const azs = Array.from({ length: azCount }, (_, az) => az);
  return {
    compute: azs.map((az) => formatCidr(cidrSubnet(vpc, 2, az))),
    public: azs.map((az) => formatCidr(cidrSubnet(lastQuarter, 3, az))),
    data: azs.map((az) => formatCidr(cidrSubnet(lastQuarter, 3, 4 + az))),
  };
}
