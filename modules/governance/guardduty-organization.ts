import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyOrganizationAdminAccount } from "@cdktf/provider-aws/lib/guardduty-organization-admin-account";
import { GuarddutyOrganizationConfiguration } from "@cdktf/provider-aws/lib/guardduty-organization-configuration";
import { GuarddutyOrganizationConfigurationFeature } from "@cdktf/provider-aws/lib/guardduty-organization-configuration-feature";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";

/** Props of GuardDuty across the organization. */
export interface GuarddutyOrganizationProps {
  /** The delegated administrator account. */
  readonly adminAccountId: string;
  /** Provider into the delegated administrator. */
  readonly adminProvider: TerraformProvider;
  readonly findingFrequency: "FIFTEEN_MINUTES" | "ONE_HOUR" | "SIX_HOURS";
  /** Protection plans turned on for every member (detector feature names). */
  readonly features: readonly string[];
}

/** Agents GuardDuty manages itself when runtime monitoring is on, so no workload installs one. */
const RUNTIME_AGENTS = ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"];

/**
 * GuardDuty for the whole organization: a detector in the delegated
 * administrator (created before the delegation, which would otherwise
 * enable one Terraform does not know), the delegation from the management
 * account, and the organization configuration that enables GuardDuty and
 * each protection plan in every member, present and future (`ALL`).
 */
export class GuarddutyOrganization extends Construct {
  constructor(scope: Construct, id: string, props: GuarddutyOrganizationProps) {
    super(scope, id);
    const detector = new GuarddutyDetector(this, "AdminDetector", { provider: props.adminProvider, enable: true, findingPublishingFrequency: props.findingFrequency });
    const admin = new GuarddutyOrganizationAdminAccount(this, "Delegation", { adminAccountId: props.adminAccountId, dependsOn: [detector] });
    new GuarddutyOrganizationConfiguration(this, "Members", {
      provider: props.adminProvider, detectorId: detector.id, autoEnableOrganizationMembers: "ALL", dependsOn: [admin],
    });
    for (const name of props.features) {
      new GuarddutyOrganizationConfigurationFeature(this, name, {
        provider: props.adminProvider, detectorId: detector.id, name, autoEnable: "ALL", dependsOn: [admin],
        additionalConfiguration: name === "RUNTIME_MONITORING" ? RUNTIME_AGENTS.map((agent) => ({ name: agent, autoEnable: "ALL" })) : undefined,
      });
    }
  }
}
