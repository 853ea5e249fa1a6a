import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, num, show, UNKNOWN } from "../../engine/values";

/** Instance metadata answers the host only, not the containers on it. */
export const Ec2ImdsHopLimit: ResourceRule = {
  id: "EC2.ImdsHopLimit",
  scope: "resource",
  description: "aws_instance and aws_launch_template set metadata_options.http_put_response_hop_limit = 1 (or disable the metadata endpoint).",
  why: "With a hop limit of 2 or more (AL2023 AMIs default to 2), any container on the host reaches IMDS and takes the instance role's credentials; 1 keeps them to the host, and pods use IRSA instead.",
  resourceTypes: ["aws_instance", "aws_launch_template"],
  check(resource) {
    const options = block(resource.attributes.metadata_options);
    if (options?.http_endpoint === "disabled") return pass();
    const hops = num(options?.http_put_response_hop_limit);
    if (hops === UNKNOWN) return unknown("http_put_response_hop_limit is computed");
    if (hops === 1) return pass();
    return fail(hops === undefined ? "metadata_options.http_put_response_hop_limit is unset (the AMI's default, 2 on AL2023)" : `metadata_options.http_put_response_hop_limit is ${show(hops)}`);
  },
};
