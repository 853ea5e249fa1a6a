import { CloudwatchLogDelivery } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery";
import { CloudwatchLogDeliveryDestination } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-destination";
import { CloudwatchLogDeliverySource } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-source";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

/** Props of a distribution's access logs. */
export interface AccessLogsProps {
  /** Base of the delivery source and destination names (1-60 letters, digits, hyphens, underscores). */
  readonly name: string;
  readonly distributionArn: string;
  readonly logGroupArn: string;
  readonly deliveryPolicy: ITerraformDependable;
}

/**
 * CloudFront standard logging (v2): access logs delivered into a CloudWatch
 * log group through CloudWatch Logs delivery (in us-east-1, like the
 * distribution's other regional parts). The legacy S3 logging needs bucket
 * ACLs, which every bucket here disables.
 */
export class AccessLogs extends Construct {
  constructor(scope: Construct, id: string, props: AccessLogsProps) {
    super(scope, id);
    const source = new CloudwatchLogDeliverySource(this, "Source", { name: `${props.name}-access`, logType: "ACCESS_LOGS", resourceArn: props.distributionArn });
    const destination = new CloudwatchLogDeliveryDestination(this, "Destination", {
      name: `${props.name}-access`,
      deliveryDestinationConfiguration: [{ destinationResourceArn: props.logGroupArn }],
    });
    new CloudwatchLogDelivery(this, "Delivery", {
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.arn,
      dependsOn: [props.deliveryPolicy],
    });
  }
}
