import { IAspect, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";
import { STATEFUL_RESOURCE_TYPES } from "../policies/stateful-types";
import { suppress } from "../policies/suppress";

/** The policy rule a production deployment without deletion protection breaks on every stateful resource. */
const PREVENT_DESTROY_RULE = "Terraform.PreventDestroyInProd";

/**
 * Carries a risk a production deployment accepted in config
 * (`acceptedRisks.unprotectedProduction`) to the policy checks: each stateful
 * resource of the stack suppresses `Terraform.PreventDestroyInProd` with the
 * config's reason, so the exemption is explicit once, in config, and shows
 * in the check report beside every resource it unprotects.
 */
export class AcceptedUnprotectedProduction implements IAspect {
  constructor(private readonly reason: string) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !(STATEFUL_RESOURCE_TYPES as readonly string[]).includes(node.terraformResourceType)) return;
    suppress(node, PREVENT_DESTROY_RULE, `accepted in config (acceptedRisks.unprotectedProduction): ${this.reason}`);
  }
}
