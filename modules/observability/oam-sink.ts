import { OamSink } from "@cdktf/provider-aws/lib/oam-sink";
import { OamSinkPolicy } from "@cdktf/provider-aws/lib/oam-sink-policy";
import { Construct } from "constructs";

/** Props of the monitoring account's sink. */
export interface ObservabilitySinkProps {
  readonly name: string;
  /** Id of the organization (`o-…`): only its accounts may link. */
  readonly organizationId: string;
  /** What a link may share; a link asking for any other type is refused. */
  readonly resourceTypes: readonly string[];
}

/**
 * The CloudWatch cross-account observability sink (OAM) of a monitoring
 * account and its policy: any account of the organization, and no other, may
 * create or update a link sharing only the listed resource types. The
 * organization condition stands in for account ids, which config does not
 * know yet; it also admits accounts added later without a policy change.
 */
export class ObservabilitySink extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: ObservabilitySinkProps) {
    super(scope, id);
    const sink = new OamSink(this, "Sink", { name: props.name });
    new OamSinkPolicy(this, "Policy", {
      sinkIdentifier: sink.arn,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
          Sid: "OrganizationAccountsLink",
          Effect: "Allow",
          Principal: "*",
          Action: ["oam:CreateLink", "oam:UpdateLink"],
          // A sink policy's resource is the sink itself; OAM accepts only "*" here.
          Resource: "*",
          Condition: {
            StringEquals: { "aws:PrincipalOrgID": props.organizationId },
            "ForAllValues:StringEquals": { "oam:ResourceTypes": [...props.resourceTypes] },
          },
        }],
      }),
    });
    this.arn = sink.arn;
  }
}
