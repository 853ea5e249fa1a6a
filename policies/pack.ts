import { definePack, type Pack } from "./engine/pack";
import type { Severity } from "./engine/types";
import { ALL_RULES } from "./rules";

/**
 * Severity per rule. Every unsuppressed finding fails the check whatever its
 * severity; severity orders the report and tells a reviewer how hard to
 * look at a suppression.
 */
const HIGH = [
  /^S3\./, /^KMS\./, /^IAM\./, /^Terraform\./, /^Cloudflare\./, /^CloudTrail\./,
  /\.(NotPublic|StorageEncryptedCmk|CmkEncryption|MasterPasswordSource|NoLiteralSecretValue|NoSecretLiteralsInEnvironment)$/,
  /^ElastiCache\.(AtRestEncryption|TransitEncryption|AuthRequired)$/, /^(SQS|SNS)\.Encryption$/, /^(SNS\.TlsOnly|SES\.TlsRequired)$/, /^Logs\.KmsEncryption$/,
  /^EC2\.(NoWorldIngress|NoAdminPortsFromWorld|Imdsv2Required|NoPublicIp|EbsEncrypted|NoKeyPair)$/,
  /^EKS\.(EndpointAccess|SecretsEncryption)$/, /^ECS\.(NoPrivilegedContainers|ServiceNoPublicIp)$/, /^CloudFront\.(ViewerHttps|OriginHttps|MinimumTlsVersion)$/,
  /^ELB\.(TlsPolicy|HttpRedirectsToHttps)$/,
  /^EC2\.ImdsHopLimit$/, /^EKS\.NodeGroupLaunchTemplate$/,
];
const LOW = [/^EC2\.SecurityGroupDescriptions$/, /^(Lambda|APIGateway)\.(ActiveTracing|XRayTracing)$/, /^ECS\.ContainerInsights$/];

function severityOf(id: string): Severity {
  if (HIGH.some((p) => p.test(id))) return "high";
  if (LOW.some((p) => p.test(id))) return "low";
  return "medium";
}

/** The pack every stack of every deployment must pass (`npm run check`, and the test suite). */
export const PLATFORM_PACK: Pack = definePack(
  "platform",
  "Security and durability rules for the AWS and Cloudflare resources this repository emits.",
  ALL_RULES.map((rule) => ({ rule, severity: severityOf(rule.id) })),
);
