import { anyToHclTerraform, anyToTerraform, hashMapper, hashMapperHcl, TerraformResource } from "cdktf";
import { Construct } from "constructs";

/** Props of a `terraform_data` resource. */
export interface TerraformDataProps {
  /** Kept in state; a change replaces the resource (and whatever names it in `replace_triggered_by`). */
  readonly input: Readonly<Record<string, string | number>>;
}

/**
 * Terraform's built-in `terraform_data` (Terraform >= 1.4; this repository
 * requires >= 1.11), synthesized exactly as cdktf's `DataResource`. cdktf's
 * class registers a validation that shells out to `terraform version` on
 * every synth, once per instance: about 85 ms each, and no Terraform binary
 * exists where we synthesize. The version constraint is the stacks'
 * `required_version`, checked by Terraform itself.
 */
export class TerraformData extends TerraformResource {
  private readonly input: Readonly<Record<string, string | number>>;

  constructor(scope: Construct, id: string, props: TerraformDataProps) {
    super(scope, id, { terraformResourceType: "terraform_data", terraformGeneratorMetadata: { providerName: "terraform" } });
    this.input = props.input;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { input: hashMapper(anyToTerraform)(this.input), triggers_replace: hashMapper(anyToTerraform)(undefined) };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return { input: hashMapperHcl(anyToHclTerraform)(this.input), triggers_replace: hashMapperHcl(anyToHclTerraform)(undefined) };
  }
}
