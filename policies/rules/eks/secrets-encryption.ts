import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isSet, list } from "../../engine/values";

/** Kubernetes secrets are envelope-encrypted with KMS. */
export const EksSecretsEncryption: ResourceRule = {
  id: "EKS.SecretsEncryption",
  scope: "resource",
  description: "aws_eks_cluster has encryption_config for resources [\"secrets\"] with provider.key_arn set.",
  why: "Without envelope encryption, Kubernetes secrets sit in etcd protected only by EKS's disk encryption; with a KMS key, reading them also needs kms:Decrypt, which is logged.",
  resourceTypes: ["aws_eks_cluster"],
  check(cluster) {
    const config = block(cluster.attributes.encryption_config);
    if (!config) return fail("no encryption_config");
    const resources = list(config.resources);
    if (resources !== "unknown" && !resources.includes("secrets")) return fail("encryption_config does not cover secrets");
    return isSet(block(config.provider)?.key_arn) ? pass() : fail("encryption_config.provider.key_arn is not set");
  },
};
