import { fail, pass, skip, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, isSet, isUnresolved, literal } from "../../engine/values";

/** Domains sign with 2048-bit DKIM keys. */
export const SesDkimKeyLength: ResourceRule = {
  id: "SES.DkimKeyLength",
  scope: "resource",
  description: "aws_sesv2_email_identity for a domain sets dkim_signing_attributes.next_signing_key_length = RSA_2048_BIT, or brings its own key (domain_signing_private_key).",
  why: "RFC 8301 tells signers to use RSA keys of at least 2048 bits; a 1024-bit key is within reach of a well-funded attacker, who could then sign mail as the domain.",
  resourceTypes: ["aws_sesv2_email_identity"],
  check(identity) {
    const name = identity.attributes.email_identity;
    if (isUnresolved(name)) return unknown("email_identity is computed");
    if (literal(name)?.includes("@")) return skip("address identities sign with their domain's key");
    const dkim = block(identity.attributes.dkim_signing_attributes);
    if (isSet(dkim?.domain_signing_private_key)) return pass();
    const length = dkim?.next_signing_key_length;
    if (isUnresolved(length)) return unknown("next_signing_key_length is computed");
    return length === "RSA_2048_BIT" ? pass() : fail(`dkim_signing_attributes.next_signing_key_length is ${length === undefined ? "unset" : JSON.stringify(length)}; expected RSA_2048_BIT`);
  },
};
