import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { KmsGrant } from "@cdktf/provider-aws/lib/kms-grant";
import { type ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";

/**
 * What the Auto Scaling service-linked role needs on a customer-managed key
 * to launch instances with volumes encrypted by it (EC2 Auto Scaling user
 * guide, "Required AWS KMS key policy for use with encrypted volumes").
 */
export const AUTOSCALING_KEY_OPERATIONS = [
  "Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant",
];

/** Props of the group that keeps one broker host running. */
export interface BrokerHostGroupProps {
  readonly name: string;
  /** Subnets the host may start in (the private compute subnets, every AZ). */
  readonly subnetIds: readonly string[];
  readonly launchTemplateId: string;
  readonly launchTemplateVersion: number;
  /** Key of the host's volumes. */
  readonly kmsKeyArn: string;
  /** What must exist before a host boots (its DNS record, its log group). */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * An Auto Scaling group of exactly one host: not for scale (a second host
 * would be a second, unclustered broker) but so a failed host is replaced,
 * in any AZ of the compute subnets. Its own service-linked role (a custom
 * suffix, so no account-wide role is assumed to exist) gets a KMS grant on
 * the data key; without it the group cannot launch hosts whose volumes that
 * key encrypts, and the data key's policy stays the data layer's.
 */
export class BrokerHostGroup extends Construct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: BrokerHostGroupProps) {
    super(scope, id);
    const serviceRole = new IamServiceLinkedRole(this, "ServiceRole", {
      awsServiceName: "autoscaling.amazonaws.com",
      customSuffix: props.name,
      description: `Launches the RabbitMQ host of ${props.name}`,
      tags: { Name: `AWSServiceRoleForAutoScaling_${props.name}` },
    });
    const grant = new KmsGrant(this, "KeyGrant", {
      name: `${props.name}-volumes`,
      keyId: props.kmsKeyArn,
      granteePrincipal: serviceRole.arn,
      operations: AUTOSCALING_KEY_OPERATIONS,
    });
    const group = new AutoscalingGroup(this, "Group", {
      name: props.name,
      minSize: 1,
      maxSize: 1,
      desiredCapacity: 1,
      vpcZoneIdentifier: [...props.subnetIds],
      launchTemplate: { id: props.launchTemplateId, version: Token.asString(props.launchTemplateVersion) },
      healthCheckType: "EC2",
      healthCheckGracePeriod: 300,
      serviceLinkedRoleArn: serviceRole.arn,
      tag: [{ key: "Name", value: props.name, propagateAtLaunch: true }],
      dependsOn: [grant, ...props.dependsOn],
    });
    this.name = group.name;
  }
}
