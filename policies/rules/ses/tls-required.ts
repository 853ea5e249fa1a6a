import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isUnresolved, show } from "../../engine/values";

/** Mail of a configuration set leaves SES only over TLS. */
export const SesTlsRequired: ResourceRule = {
  id: "SES.TlsRequired",
  scope: "resource",
  description: "aws_sesv2_configuration_set sets delivery_options.tls_policy = REQUIRE.",
  why: "With the default (OPTIONAL) SES falls back to clear text when the receiving server offers no TLS, so a downgrade on the path exposes every message; REQUIRE delays and then bounces instead.",
  resourceTypes: ["aws_sesv2_configuration_set"],
  check(set) {
    const policy = block(set.attributes.delivery_options)?.tls_policy;
    if (isUnresolved(policy)) return unknown("delivery_options.tls_policy is computed");
    return policy === "REQUIRE" ? pass() : fail(`delivery_options.tls_policy is ${show(policy)} (SES's default is OPTIONAL); expected REQUIRE`);
  },
};
