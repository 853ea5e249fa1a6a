import { combine, fail, pass, unknown } from "../../engine/outcome";
import type { Outcome, ResourceRule } from "../../engine/types";
import { block, blocks, flag, UNKNOWN } from "../../engine/values";

function encrypted(value: unknown, where: string): Outcome {
  const f = flag(value);
  if (f === true) return pass();
  if (f === UNKNOWN) return unknown(`${where}.encrypted is computed`);
  return fail(`${where}.encrypted is ${f ?? "unset"}`);
}

/** Every EBS volume is encrypted. */
export const Ec2EbsEncrypted: ResourceRule = {
  id: "EC2.EbsEncrypted",
  scope: "resource",
  description: "aws_ebs_volume, every aws_instance block device and every aws_launch_template block device mapping set encrypted = true; a launch template declares its block devices (or the stack enables aws_ebs_encryption_by_default).",
  why: "Unencrypted volumes and their snapshots can be copied and read outside our key policy; encryption cannot be added to an existing volume.",
  resourceTypes: ["aws_ebs_volume", "aws_instance", "aws_launch_template"],
  check(resource, stack) {
    const a = resource.attributes;
    const accountDefault = stack.resources("aws_ebs_encryption_by_default").some((r) => flag(r.attributes.enabled ?? true) === true);
    switch (resource.type) {
      case "aws_ebs_volume":
        return encrypted(a.encrypted, "volume");
      case "aws_instance":
        return combine([
          accountDefault && !block(a.root_block_device) ? pass() : encrypted(block(a.root_block_device)?.encrypted, "root_block_device"),
          ...blocks(a.ebs_block_device).map((d, i) => encrypted(d.encrypted, `ebs_block_device[${i}]`)),
        ]);
      default: {
        const mappings = blocks(a.block_device_mappings).filter((m) => block(m.ebs));
        if (mappings.length === 0) return accountDefault ? pass() : fail("no block_device_mappings with encrypted = true (the AMI's unencrypted default applies)");
        return combine(mappings.map((m, i) => encrypted(block(m.ebs)?.encrypted, `block_device_mappings[${i}].ebs`)));
      }
    }
  },
};
