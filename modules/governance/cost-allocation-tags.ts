import { CeCostAllocationTag } from "@cdktf/provider-aws/lib/ce-cost-allocation-tag";
import { Construct } from "constructs";

/**
 * Tag keys activated as cost allocation tags in the management account, so
 * Cost Explorer and the budgets can split spend by system, environment and
 * layer. A key can be activated only after AWS has seen it on a resource
 * (up to 24 hours after the first apply that tags one).
 */
export class CostAllocationTags extends Construct {
  constructor(scope: Construct, id: string, props: { readonly keys: readonly string[] }) {
    super(scope, id);
    for (const key of props.keys) new CeCostAllocationTag(this, key, { tagKey: key, status: "Active" });
  }
}
