import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import { Construct } from "constructs";
import { accepted, check, matches, maxLength, validateProps } from "../validate";

/** AWS's limit on a service control policy's document, in characters (whitespace counts; ours is minified). */
export const SCP_MAX_CHARACTERS = 5120;

/** Props of one organization policy and its attachments. */
export interface OrganizationPolicyProps {
  /** Policy name (1-128 characters). */
  readonly name: string;
  readonly description: string;
  /** `SERVICE_CONTROL_POLICY` or `TAG_POLICY`. */
  readonly type: "SERVICE_CONTROL_POLICY" | "TAG_POLICY";
  /** The policy document; written minified. */
  readonly content: object;
  /** Targets (OU, root or account ids) by construct id, so removing one never replaces another's attachment. */
  readonly targets: Readonly<Record<string, string>>;
}

/** AWS's document size limit of each policy type (SCP 5,120; tag policy 10,000). */
const SIZE_LIMIT = { SERVICE_CONTROL_POLICY: SCP_MAX_CHARACTERS, TAG_POLICY: 10000 } as const;

/**
 * A service control or tag policy of the organization and where it
 * attaches. The document's size is checked at synth: AWS refuses one over
 * its type's limit only at apply.
 */
export class OrganizationPolicy extends Construct {
  readonly id: string;

  constructor(scope: Construct, id: string, props: OrganizationPolicyProps) {
    super(scope, id);
    const content = JSON.stringify(props.content);
    validateProps(this, [
      check("name", props.name, matches(/^[\w+=,.@-]{1,128}$/, "must be 1-128 letters, digits and +=,.@_- (Organizations policy names)")),
      check("description", props.description, maxLength(512, "Organizations policy descriptions")),
      check("content", content, accepted(content, (c) => (c.length > SIZE_LIMIT[props.type]
        ? `is ${c.length} characters; AWS allows at most ${SIZE_LIMIT[props.type]} in a ${props.type === "TAG_POLICY" ? "tag policy" : "service control policy"}`
        : undefined))),
    ]);
    const policy = new OrganizationsPolicy(this, "Policy", { name: props.name, description: props.description, type: props.type, content });
    for (const [targetId, target] of Object.entries(props.targets)) {
      new OrganizationsPolicyAttachment(this, targetId, { policyId: policy.id, targetId: target });
    }
    this.id = policy.id;
  }
}
