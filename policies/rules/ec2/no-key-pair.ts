import { fail, pass, unknown } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { isSet, isUnresolved, show } from "../../engine/values";

/** Hosts are reached through Session Manager, never with an SSH key pair. */
export const Ec2NoKeyPair: ResourceRule = {
  id: "EC2.NoKeyPair",
  scope: "resource",
  description: "aws_instance and aws_launch_template do not set key_name.",
  why: "A key pair is a long-lived credential copied to laptops and never rotated, and it needs port 22 open; Session Manager needs no inbound port and every session is authorized by IAM and logged.",
  resourceTypes: ["aws_instance", "aws_launch_template"],
  check(host) {
    const key = host.attributes.key_name;
    if (!isSet(key)) return pass();
    return isUnresolved(key) ? unknown(`key_name is ${show(key)}`) : fail(`key_name is ${show(key)}`);
  },
};
