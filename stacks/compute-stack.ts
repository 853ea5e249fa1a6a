import type { Construct } from "constructs";
import { CONTAINERS_OUTPUTS, buildContainers } from "./compute-containers";
import { FUNCTIONS_OUTPUTS, buildFunctions } from "./compute-functions";
import { defineContract, publish } from "./contracts";
import type { DataStack } from "./data-stack";
import { LayerStack, type LayerStackProps } from "./layer-stack";
import type { MessagingStack } from "./messaging-stack";
import type { NetworkStack } from "./network-stack";

/** Props of the compute layer: the earlier layers it may read (a consumer reads only what its workloads use). */
export interface ComputeStackProps extends LayerStackProps {
  readonly network: NetworkStack;
  readonly data?: DataStack;
  readonly messaging?: MessagingStack;
}

/** What the compute layer publishes for edge and observability. */
export const COMPUTE = defineContract("compute", { ...FUNCTIONS_OUTPUTS, ...CONTAINERS_OUTPUTS });

/**
 * Compute layer: functions (./compute-functions.ts) and containers
 * (./compute-containers.ts), each half building its resources and returning
 * its share of the contract.
 */
export class ComputeStack extends LayerStack {
  constructor(scope: Construct, props: ComputeStackProps) {
    super(scope, "compute", props);
    publish(this, COMPUTE, { ...buildFunctions(this, props), ...buildContainers(this, props) });
    // Applied after the deployment's last earlier layer even when it reads nothing from it (ECR repositories alone), so
    // compute never lands in an earlier apply wave than the layers it follows.
    this.addDependency(props.messaging ?? props.data ?? props.network);
  }
}
