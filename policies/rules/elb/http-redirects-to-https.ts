import { fail, pass, skip } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, blocks, literal } from "../../engine/values";

/** Plain HTTP listeners only redirect to HTTPS. */
export const ElbHttpRedirectsToHttps: ResourceRule = {
  id: "ELB.HttpRedirectsToHttps",
  scope: "resource",
  description: "HTTP listeners have a default action that redirects to HTTPS and nothing else.",
  why: "An HTTP listener that forwards serves the application (and its cookies) in clear text; a redirect keeps port 80 useful without that.",
  resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
  check(listener) {
    if (literal(listener.attributes.protocol) !== "HTTP") return skip("not an HTTP listener");
    const actions = blocks(listener.attributes.default_action);
    const redirect = actions.find((a) => a.type === "redirect");
    if (actions.length === 1 && redirect && block(redirect.redirect)?.protocol === "HTTPS") return pass();
    return fail(`default_action is ${actions.map((a) => String(a.type)).join(", ") || "unset"}, not a redirect to HTTPS`);
  },
};
