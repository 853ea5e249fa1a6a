import { DbEventSubscription } from "@cdktf/provider-aws/lib/db-event-subscription";
import { Construct } from "constructs";

/** Props of the RDS event subscriptions of a deployment. */
export interface DatabaseEventsProps {
  /** Prefix of the subscription names (`<deployment>`). */
  readonly namePrefix: string;
  readonly topicArn: string;
  /** Aurora cluster identifiers (config). */
  readonly clusterIds: readonly string[];
  /** RDS instance identifiers (config). */
  readonly instanceIds: readonly string[];
  /** RDS event categories, e.g. failover, failure. */
  readonly categories: readonly string[];
}

/**
 * RDS events of the deployment's databases to the alarm topic (the commerce
 * runbook's "Aurora primary failure | RDS Events -> SNS"): one subscription
 * for the Aurora clusters, one for the RDS instances, each naming exactly
 * its sources.
 */
export class DatabaseEvents extends Construct {
  constructor(scope: Construct, id: string, props: DatabaseEventsProps) {
    super(scope, id);
    const subscription = (sid: string, suffix: string, sourceType: string, ids: readonly string[]) => {
      if (ids.length === 0) return;
      new DbEventSubscription(this, sid, {
        name: `${props.namePrefix}-${suffix}`, snsTopic: props.topicArn, sourceType, sourceIds: [...ids],
        eventCategories: [...props.categories], enabled: true,
      });
    };
    subscription("Clusters", "db-clusters", "db-cluster", props.clusterIds);
    subscription("Instances", "db-instances", "db-instance", props.instanceIds);
  }
}
