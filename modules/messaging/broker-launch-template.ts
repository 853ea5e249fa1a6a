import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import type { Architecture } from "../../lib/instance-types";

/** Where AL2023 publishes its current AMI per architecture (the kernel-default line). */
export const al2023AmiParameter = (architecture: Architecture): string =>
  `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${architecture}`;

/** Device names in the template; AL2023's root is /dev/xvda. */
export const ROOT_DEVICE = "/dev/xvda";
export const DATA_DEVICE = "/dev/xvdb";
/** Root holds the OS and the RabbitMQ image; messages live on the data volume. */
const ROOT_VOLUME_GIB = 20;

/** Props of a broker host's launch template. */
export interface BrokerLaunchTemplateProps {
  readonly name: string;
  readonly instanceType: string;
  readonly architecture: Architecture;
  readonly instanceProfileArn: string;
  readonly securityGroupId: string;
  /** Key encrypting both volumes. */
  readonly kmsKeyArn: string;
  readonly dataVolumeGib: number;
  /** Keep the data volume when its host is terminated (staging and prod): queued messages outlive a replaced host. */
  readonly keepDataVolume: boolean;
  /** Base64 cloud-init (brokerUserData). */
  readonly userData: string;
}

/**
 * The launch template of a broker host: the current AL2023 AMI for the
 * instance's architecture (read from AWS's public SSM parameter at plan
 * time), IMDSv2 only with a hop limit of 1 (nothing in a container can
 * borrow the host's role), no public address and no key pair (operators
 * use Session Manager), and encrypted gp3 root and data volumes under the
 * data key.
 *
 * AMI updates: a newer AMI shows in the plan as a new template version and
 * the Auto Scaling group moves to it, but no instance refresh is configured,
 * so the running host is never replaced by it; the next host (after a
 * failure, or an operator's refresh) starts from it. Patching the running
 * host is done in place through SSM.
 */
export class BrokerLaunchTemplate extends Construct {
  readonly id: string;
  readonly latestVersion: number;

  constructor(scope: Construct, id: string, props: BrokerLaunchTemplateProps) {
    super(scope, id);
    const ami = new DataAwsSsmParameter(this, "Ami", { name: al2023AmiParameter(props.architecture) });
    const ebs = (volumeSize: number, deleteOnTermination: boolean) => ({
      volumeType: "gp3", volumeSize, encrypted: "true", kmsKeyId: props.kmsKeyArn, deleteOnTermination: String(deleteOnTermination),
    });
    const template = new LaunchTemplate(this, "Template", {
      name: props.name,
      description: `RabbitMQ host of ${props.name}`,
      // insecure_value: an AMI id is public, and a sensitive one would hide the change from the plan's reviewer.
      imageId: ami.insecureValue,
      instanceType: props.instanceType,
      iamInstanceProfile: { arn: props.instanceProfileArn },
      metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
      networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", securityGroups: [props.securityGroupId], deleteOnTermination: "true" }],
      blockDeviceMappings: [
        { deviceName: ROOT_DEVICE, ebs: ebs(ROOT_VOLUME_GIB, true) },
        { deviceName: DATA_DEVICE, ebs: ebs(props.dataVolumeGib, !props.keepDataVolume) },
      ],
      userData: props.userData,
      updateDefaultVersion: true,
      tagSpecifications: ["instance", "volume"].map((resourceType) => ({ resourceType, tags: { Name: props.name } })),
      tags: { Name: props.name },
    });
    this.id = template.id;
    this.latestVersion = template.latestVersion;
  }
}
