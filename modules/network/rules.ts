import { between, matches, type Rule } from "../validate";

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
