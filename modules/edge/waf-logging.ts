import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { check, matches, validateProps } from "../validate";

/** Props of a web ACL's logging. */
export interface WafLoggingProps {
  readonly webAclArn: string;
  /** Name of the destination log group; WAF only delivers to names starting with `aws-waf-logs-`. */
  readonly logGroupName: string;
  readonly logGroupArn: string;
  /** The log resource policy letting the delivery service write to the group (./log-delivery-policy.ts). */
  readonly deliveryPolicy: ITerraformDependable;
}

/**
 * Full request logs of a web ACL into a CloudWatch log group, with the
 * Authorization header redacted: bearer tokens never land in logs.
 */
export class WafLogging extends Construct {
  constructor(scope: Construct, id: string, props: WafLoggingProps) {
    super(scope, id);
    validateProps(this, [
      check("logGroupName", props.logGroupName, matches(/^aws-waf-logs-[A-Za-z0-9_./#-]{1,499}$/, "must start with aws-waf-logs- (WAF refuses other destinations)")),
    ]);
    new Wafv2WebAclLoggingConfiguration(this, "Logging", {
      resourceArn: props.webAclArn,
      logDestinationConfigs: [props.logGroupArn],
      redactedFields: [{ singleHeader: { name: "authorization" } }],
      dependsOn: [props.deliveryPolicy],
    });
  }
}
