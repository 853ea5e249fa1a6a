import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { pascalCase } from "../../../lib/naming";
import { accepted, check, matches, validateProps } from "../../validate";

/** Add-ons that run as pods on nodes: created after the node groups, or they wait degraded until EKS times out. */
const NEED_NODES = ["coredns", "aws-ebs-csi-driver", "amazon-cloudwatch-observability"];

/** Props of a cluster's EKS-managed add-ons. */
export interface EksAddonsProps {
  readonly clusterName: string;
  /** Version of each add-on, by add-on name (e.g. `vpc-cni` -> `v1.21.1-eksbuild.3`). */
  readonly versions: Readonly<Record<string, string>>;
  /** IRSA role of the add-ons that call AWS, by add-on name. @default none */
  readonly serviceAccountRoleArns?: Readonly<Record<string, string>>;
  /** Add-on settings (`configuration_values` JSON), by add-on name. @default the add-on's defaults */
  readonly configurationValues?: Readonly<Record<string, string>>;
  /** The node groups, which coredns, the EBS CSI driver and the CloudWatch agent wait for. */
  readonly nodeGroups: ITerraformDependable[];
  /** What else an add-on waits for (e.g. the log group its agent writes to), by add-on name. @default nothing */
  readonly dependsOn?: Readonly<Record<string, ITerraformDependable[]>>;
}

/**
 * EKS-managed add-ons pinned to exact versions (never "latest": an upgrade
 * is a reviewed config change). They take over the self-managed copies EKS
 * installs (`OVERWRITE` on create) and keep settings changed in the cluster
 * on update (`PRESERVE`). Networking add-ons (vpc-cni, kube-proxy, the pod
 * identity agent) come before any node, the pods' add-ons after them.
 */
export class EksAddons extends Construct {
  constructor(scope: Construct, id: string, props: EksAddonsProps) {
    super(scope, id);
    const version = matches(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/, "must be v<major>.<minor>.<patch>-eksbuild.<build> (an EKS add-on version)");
    validateProps(this, [
      ...Object.entries(props.versions).map(([name, v]) => check(`versions.${name}`, v, version)),
      ...(["serviceAccountRoleArns", "configurationValues", "dependsOn"] as const).flatMap((prop) => Object.keys(props[prop] ?? {}).map((name) =>
        check(`${prop}.${name}`, name, accepted(name, (n) => n in props.versions ? undefined : "must name one of the add-ons in versions")))),
    ]);
    for (const [name, addonVersion] of Object.entries(props.versions)) {
      const waits = [...(NEED_NODES.includes(name) ? props.nodeGroups : []), ...(props.dependsOn?.[name] ?? [])];
      new EksAddon(this, pascalCase(name), {
        clusterName: props.clusterName,
        addonName: name,
        addonVersion,
        serviceAccountRoleArn: props.serviceAccountRoleArns?.[name],
        configurationValues: props.configurationValues?.[name],
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "PRESERVE",
        dependsOn: waits.length > 0 ? waits : undefined,
      });
    }
  }
}
