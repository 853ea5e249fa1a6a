import type { PolicyStatement } from "../iam/policy-document";

/**
 * Role Control Tower (and account creation) uses to manage member accounts.
 * The guardrails exempt it so Control Tower can still set up CloudTrail,
 * Config and GuardDuty in a new account.
 */
export const CONTROL_TOWER_ROLE = "arn:aws:iam::*:role/AWSControlTowerExecution";

/** A statement of a service control policy: a Deny by action, or by `NotAction` ("everything but"), on resources. */
export type GuardrailStatement = Omit<PolicyStatement, "Action" | "Principal"> & ({ readonly Action: string | readonly string[] } | { readonly NotAction: readonly string[] });

const exceptControlTower = { ArnNotLike: { "aws:PrincipalARN": CONTROL_TOWER_ROLE } };

/**
 * Global services and the calls that only exist in us-east-1, which the
 * region guardrail must let through wherever they are made from (the list
 * AWS's own region-deny example uses, less services this platform does not use).
 */
export const GLOBAL_ACTIONS = [
  "account:*", "budgets:*", "ce:*", "cloudfront:*", "cur:*", "globalaccelerator:*", "health:*", "iam:*", "kms:*",
  "organizations:*", "route53:*", "route53domains:*", "s3:GetAccountPublicAccessBlock", "s3:ListAllMyBuckets",
  "shield:*", "sts:*", "support:*", "tag:*", "trustedadvisor:*", "waf:*", "wafv2:*",
];

/** Statements of each guardrail (service control policy), by name. */
export const GUARDRAIL_STATEMENTS = {
  "deny-leave-organization": (): GuardrailStatement[] => [
    { Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" },
  ],
  "protect-security-services": (): GuardrailStatement[] => [{
    Sid: "ProtectAuditAndDetection", Effect: "Deny",
    Action: [
      "cloudtrail:DeleteTrail", "cloudtrail:PutEventSelectors", "cloudtrail:StopLogging", "cloudtrail:UpdateTrail",
      "guardduty:DeleteDetector", "guardduty:DeleteMembers", "guardduty:DisassociateFromAdministratorAccount", "guardduty:DisassociateFromMasterAccount",
      "guardduty:DisassociateMembers", "guardduty:StopMonitoringMembers", "guardduty:UpdateDetector",
      "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel", "config:DeleteRetentionConfiguration", "config:PutConfigurationRecorder",
      "config:PutDeliveryChannel", "config:StopConfigurationRecorder",
    ],
    Resource: "*",
    Condition: exceptControlTower,
  }],
  "deny-root-user": (): GuardrailStatement[] => [
    { Sid: "DenyRootUser", Effect: "Deny", Action: "*", Resource: "*", Condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } } },
  ],
  "restrict-regions": (allowedRegions: readonly string[]): GuardrailStatement[] => [{
    Sid: "DenyOtherRegions", Effect: "Deny", NotAction: GLOBAL_ACTIONS, Resource: "*",
    Condition: { StringNotEquals: { "aws:RequestedRegion": [...allowedRegions] }, ...exceptControlTower },
  }],
  "require-imdsv2": (): GuardrailStatement[] => [
    { Sid: "RequireImdsv2", Effect: "Deny", Action: "ec2:RunInstances", Resource: "arn:aws:ec2:*:*:instance/*", Condition: { StringNotEquals: { "ec2:MetadataHttpTokens": "required" } } },
    { Sid: "KeepImdsv2", Effect: "Deny", Action: "ec2:ModifyInstanceMetadataOptions", Resource: "*", Condition: { StringNotEquals: { "ec2:MetadataHttpTokens": "required" } } },
  ],
  "protect-ebs-encryption": (): GuardrailStatement[] => [
    { Sid: "KeepEbsDefaultEncryption", Effect: "Deny", Action: ["ec2:DisableEbsEncryptionByDefault", "ec2:ResetEbsDefaultKmsKeyId"], Resource: "*", Condition: exceptControlTower },
  ],
} as const;
