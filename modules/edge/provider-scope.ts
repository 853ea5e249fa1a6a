import { type IAspect, TerraformDataSource, TerraformResource, type TerraformProvider } from "cdktf";
import type { IConstruct } from "constructs";

/**
 * Puts every resource and data source under a construct on one provider
 * (the `us-east-1` alias for what CloudFront reads: its certificates, web
 * ACL, log groups, site buckets and their key), unless one was set
 * explicitly. Building blocks stay provider-free; the stack decides where
 * they land.
 */
export class ProviderScope implements IAspect {
  constructor(private readonly provider: TerraformProvider) {}

  visit(node: IConstruct): void {
    if ((node instanceof TerraformResource || node instanceof TerraformDataSource) && !node.provider) node.provider = this.provider;
  }
}
