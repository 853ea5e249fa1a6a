import { ControltowerControl } from "@cdktf/provider-aws/lib/controltower-control";
import { Construct } from "constructs";

/** Props of the Control Tower controls enabled on organizational units. */
export interface ControlTowerControlsProps {
  /** Control Tower's home region (the landing zone's). */
  readonly region: string;
  readonly partition: string;
  /** Control identifiers (e.g. `AWS-GR_ENCRYPTED_VOLUMES`) by unit, with each unit's ARN. */
  readonly byUnit: readonly { readonly unit: string; readonly unitArn: string; readonly controls: readonly string[] }[];
}

/**
 * Control Tower controls ("guard rails" in seed 003) enabled on units. The
 * landing zone itself is set up by hand (docs/governance.md); enabling a
 * control needs it, and fails at apply until it exists.
 */
export class ControlTowerControls extends Construct {
  constructor(scope: Construct, id: string, props: ControlTowerControlsProps) {
    super(scope, id);
    for (const { unit, unitArn, controls } of props.byUnit) {
      for (const control of controls) {
        new ControltowerControl(this, `${unit}-${control}`, {
          controlIdentifier: `arn:${props.partition}:controltower:${props.region}::control/${control}`,
          targetIdentifier: unitArn,
        });
      }
    }
  }
}
