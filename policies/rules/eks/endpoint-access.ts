import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, flag, list, UNKNOWN } from "../../engine/values";
import { WORLD } from "../ec2/ingress";

/** The Kubernetes API is private, or public only to known networks. */
export const EksEndpointAccess: ResourceRule = {
  id: "EKS.EndpointAccess",
  scope: "resource",
  description: "aws_eks_cluster either disables the public endpoint, or restricts public_access_cidrs to specific ranges (not 0.0.0.0/0, the default).",
  why: "A public, unrestricted Kubernetes API is one leaked kubeconfig or one API server CVE away from cluster takeover; CI and operators reach it from known ranges or through the VPC.",
  resourceTypes: ["aws_eks_cluster"],
  check(cluster) {
    const vpc = block(cluster.attributes.vpc_config) ?? {};
    const isPublic = flag(vpc.endpoint_public_access);
    if (isPublic === false) return pass();
    if (isPublic === UNKNOWN) return unknown("endpoint_public_access is computed");
    const cidrs = list(vpc.public_access_cidrs);
    if (cidrs === "unknown") return unknown("public_access_cidrs is computed");
    if (cidrs.length === 0) return fail("public endpoint open to 0.0.0.0/0 (public_access_cidrs unset)");
    const open = cidrs.filter((c) => WORLD.includes(String(c)));
    return open.length === 0 ? pass() : fail(`public_access_cidrs includes ${open.join(", ")}`);
  },
};
