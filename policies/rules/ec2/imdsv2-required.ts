import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isUnresolved, show } from "../../engine/values";

/** Instances accept only session-token (v2) metadata requests. */
export const Ec2Imdsv2Required: ResourceRule = {
  id: "EC2.Imdsv2Required",
  scope: "resource",
  description: "aws_instance and aws_launch_template set metadata_options.http_tokens = \"required\" (IMDSv2).",
  why: "IMDSv1 answers any GET, so a server-side request forgery in any app on the host hands out the instance role's credentials; IMDSv2's session token stops that.",
  resourceTypes: ["aws_instance", "aws_launch_template"],
  check(resource) {
    const options = block(resource.attributes.metadata_options);
    if (options?.http_endpoint === "disabled") return pass();
    const tokens = options?.http_tokens;
    if (tokens === "required") return pass();
    if (isUnresolved(tokens)) return unknown(`http_tokens is ${show(tokens)}`);
    return fail(`metadata_options.http_tokens is ${show(tokens)}; IMDSv1 stays enabled`);
  },
};
