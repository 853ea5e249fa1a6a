import { CloudwatchQueryDefinition } from "@cdktf/provider-aws/lib/cloudwatch-query-definition";
import { Construct } from "constructs";

/** Props of one saved query. */
export interface LogQueryProps {
  /** `<deployment>/<name>`: the console lists it in the deployment's folder. */
  readonly name: string;
  readonly logGroupNames: readonly string[];
  readonly query: string;
}

/** A CloudWatch Logs Insights query saved with the log groups it runs on. */
export class LogQuery extends Construct {
  constructor(scope: Construct, id: string, props: LogQueryProps) {
    super(scope, id);
    new CloudwatchQueryDefinition(this, "Query", { name: props.name, queryString: props.query, logGroupNames: [...props.logGroupNames] });
  }
}
