import { OrganizationsOrganizationalUnit } from "@cdktf/provider-aws/lib/organizations-organizational-unit";
import { Construct } from "constructs";

/** Props of the organizational unit tree. */
export interface OrganizationalUnitsProps {
  /** Id of the organization's root (`aws_organizations_organization.roots[0].id`). */
  readonly rootId: string;
  /** Units as `name -> parent name`; undefined parent: the root. Parents must be listed in the map. */
  readonly units: Readonly<Record<string, string | undefined>>;
}

/**
 * The organizational units, each under its parent. Units are created
 * parents first whatever the map's order, and each is addressed by its own
 * name, so adding or moving one never renames another.
 */
export class OrganizationalUnits extends Construct {
  /** Unit id and ARN by name. */
  readonly byName = new Map<string, { readonly id: string; readonly arn: string }>();

  constructor(scope: Construct, id: string, props: OrganizationalUnitsProps) {
    super(scope, id);
    const build = (name: string): { id: string; arn: string } => {
      const existing = this.byName.get(name);
      if (existing) return existing;
      const parent = props.units[name];
      const unit = new OrganizationsOrganizationalUnit(this, name, { name, parentId: parent === undefined ? props.rootId : build(parent).id });
      const built = { id: unit.id, arn: unit.arn };
      this.byName.set(name, built);
      return built;
    };
    for (const name of Object.keys(props.units).sort()) build(name);
  }
}
