import { EksNodeGroup as AwsEksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { accepted, between, check, matches, validateProps } from "../../validate";

/** Props of a managed node group. */
export interface EksNodeGroupProps {
  readonly clusterName: string;
  readonly name: string;
  readonly launchTemplateName: string;
  readonly nodeRoleArn: string;
  /** Private subnets the nodes start in. */
  readonly subnetIds: readonly string[];
  /** The cluster's own group (a launch template with groups replaces it, so it is named again) and the workload's. */
  readonly securityGroupIds: readonly string[];
  readonly capacityType: "ON_DEMAND" | "SPOT";
  readonly instanceTypes: readonly string[];
  /** AL2023 or Bottlerocket AMI type, e.g. AL2023_x86_64_STANDARD. */
  readonly amiType: string;
  readonly minSize: number;
  readonly maxSize: number;
  /** Nodes at creation; the cluster autoscaler owns the count afterwards. */
  readonly desiredSize: number;
  /** gp3 volume size in GiB (root on AL2023, data on Bottlerocket). */
  readonly diskGib: number;
  /** @default none */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default none */
  readonly taints?: readonly { readonly key: string; readonly value?: string; readonly effect: "NO_SCHEDULE" | "NO_EXECUTE" | "PREFER_NO_SCHEDULE" }[];
  /** @default 33 */
  readonly maxUnavailablePercent?: number;
  /** The node role's permissions, so nodes never boot before they may join. @default none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A managed node group started from its own launch template: IMDSv2 only
 * with a hop limit of 1 (seed 004: "blocks SSRF-based metadata theft"; pods
 * on the pod network cannot reach the node's credentials, so they use IRSA)
 * and an encrypted gp3 volume under the account's default EBS key
 * (governance makes it a customer key; naming a key here would need grants
 * to the Auto Scaling service-linked role). The cluster autoscaler owns the
 * desired size once the group exists (`ignore_changes`).
 */
export class EksNodeGroup extends Construct {
  readonly name: string;
  readonly arn: string;
  readonly nodeGroup: AwsEksNodeGroup;

  constructor(scope: Construct, id: string, props: EksNodeGroupProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[0-9A-Za-z][A-Za-z0-9_-]{0,62}$/, "must be 1-63 letters, digits, hyphens and underscores, starting with a letter or digit (node group names)")),
      check("maxSize", props.maxSize, between(1, 450, "nodes per managed node group")),
      check("minSize", props.minSize, accepted(props.minSize, (v) => v > props.maxSize ? `must be at most maxSize (${props.maxSize})` : undefined)),
      check("desiredSize", props.desiredSize, accepted(props.desiredSize, (v) => props.minSize <= props.maxSize && (v < props.minSize || v > props.maxSize) ? `must be between minSize and maxSize (${props.minSize}-${props.maxSize})` : undefined)),
      check("diskGib", props.diskGib, between(1, 16384, "gp3 volume size in GiB")),
      check("instanceTypes", props.instanceTypes, accepted(props.instanceTypes, (t) => t.length === 0 ? "must list at least one instance type" : undefined)),
    ]);
    const bottlerocket = props.amiType.startsWith("BOTTLEROCKET");
    const template = new LaunchTemplate(this, "LaunchTemplate", {
      name: props.launchTemplateName,
      description: `Nodes of ${props.name}`,
      updateDefaultVersion: true,
      vpcSecurityGroupIds: [...props.securityGroupIds],
      metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
      blockDeviceMappings: [{
        // AL2023 boots from /dev/xvda; Bottlerocket keeps images and pods on its data volume, /dev/xvdb.
        deviceName: bottlerocket ? "/dev/xvdb" : "/dev/xvda",
        ebs: { volumeSize: props.diskGib, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
      }],
      monitoring: { enabled: true },
      tagSpecifications: [{ resourceType: "instance", tags: { Name: props.name } }, { resourceType: "volume", tags: { Name: props.name } }],
    });
    this.nodeGroup = new AwsEksNodeGroup(this, "NodeGroup", {
      clusterName: props.clusterName,
      nodeGroupName: props.name,
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: [...props.subnetIds],
      capacityType: props.capacityType,
      instanceTypes: [...props.instanceTypes],
      amiType: props.amiType,
      launchTemplate: { id: template.id, version: template.latestVersion.toString() },
      scalingConfig: { minSize: props.minSize, maxSize: props.maxSize, desiredSize: props.desiredSize },
      updateConfig: { maxUnavailablePercentage: props.maxUnavailablePercent ?? 33 },
      labels: props.labels && Object.keys(props.labels).length > 0 ? { ...props.labels } : undefined,
      taint: props.taints && props.taints.length > 0 ? props.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })) : undefined,
      dependsOn: props.dependsOn,
      lifecycle: { ignoreChanges: ["scaling_config[0].desired_size"] },
    });
    this.name = this.nodeGroup.nodeGroupName;
    this.arn = this.nodeGroup.arn;
  }
}
