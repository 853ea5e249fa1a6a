import type { TerraformResourceLifecycle } from "cdktf";
import { between, matches, maxLength, type Rule } from "../validate";

/** Security group descriptions: at most 255 of the characters EC2 accepts in a VPC (anything else fails at apply). */
export const securityGroupDescription: Rule<string> = matches(
  /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{0,255}$/,
  "must be at most 255 letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* (EC2 security group descriptions)",
);

/** Security group names: the same character set, at most 255, and never the `sg-` prefix EC2 reserves for ids. */
export const securityGroupName: Rule<string> = matches(
  /^(?!sg-)[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/,
  "must be 1-255 letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg- (EC2 security group names)",
);

/** A TCP port. */
export const port = between(1, 65535, "TCP ports");

/** EC2 tag values: at most 256 characters (EC2, unlike most services, accepts any character). */
export const ec2TagValue = maxLength(256, "EC2 tag values");

/**
 * Lifecycle of every security group. EC2 cannot change a group's description,
 * so Terraform replaces the group instead, and a replacement fails while
 * anything uses the group (DependencyViolation), after the plan has already
 * removed its rules. Descriptions are therefore fixed per kind of group, facts
 * that change (ports, a workload's purpose) live in tags, and the description
 * is ignored after creation. That also makes the one-time move to fixed
 * descriptions a no-op for existing groups: they keep their earlier text
 * instead of being replaced; only new groups get the fixed one.
 */
export const securityGroupLifecycle: TerraformResourceLifecycle = { ignoreChanges: ["description"] };
