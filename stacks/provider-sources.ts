import { IAspect, TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/** Public registry host that every provider source is qualified with. */
export const REGISTRY_HOST = "registry.terraform.io";

/**
 * Rewrites `required_providers.<name>.source` to a fully qualified address.
 * The prebuilt bindings write `aws`, which Terraform expands to
 * hashicorp/aws but OpenTofu resolves against its own registry; a fully
 * qualified source means the same provider to both tools.
 * An aspect (not a per-stack call) so any provider added later is covered.
 */
export class FullyQualifiedProviderSources implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof TerraformProvider) || !node.terraformProviderSource) return;
    const source = node.terraformProviderSource;
    const qualified = source.split("/").length === 3 ? source
      : `${REGISTRY_HOST}/${source.includes("/") ? source : `hashicorp/${source}`}`;
    TerraformStack.of(node).addOverride(`terraform.required_providers.${node.terraformResourceType}.source`, qualified);
  }
}
