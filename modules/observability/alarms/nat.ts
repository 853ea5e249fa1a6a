import type { Thresholds } from "../../../config/layers/observability";
import { type AlarmSpec, type AlarmTiming, GIB, onFirstDatapoint } from "../alarm-spec";

/** A NAT gateway: its index (config order of AZs) and id (network contract `nat_gateway_ids`). */
export interface NatComponent {
  readonly kind: "nat";
  readonly index: number;
  readonly natGatewayId: string;
}

/**
 * NAT alarms (dimension NatGatewayId): port allocation errors at once (AWS's
 * recommended alarm), dropped packets, active connections near the
 * per-destination limit and bandwidth out (the webhooks seed's "bandwidth
 * and connection limits").
 */
export function natAlarms(c: NatComponent, t: Thresholds, timing: AlarmTiming): AlarmSpec[] {
  const base = { namespace: "AWS/NATGateway", dimensions: { NatGatewayId: c.natGatewayId }, statistic: "Sum" as const, comparison: "GreaterThanThreshold" as const, treatMissingData: "notBreaching" as const };
  const n = `NAT gateway ${c.index}`;
  return [
    { ...base, ...onFirstDatapoint(timing), key: "port-allocation", metricName: "ErrorPortAllocation", threshold: 0,
      description: `${n} could not allocate a source port: connections to one destination exceed 55,000. First: find the client opening many connections to the same host (flow logs) and pool them; or add a secondary IP to the gateway.` },
    { ...base, ...timing, key: "packets-dropped", metricName: "PacketsDropCount", threshold: t.natPacketsDropped,
      description: `${n} dropped over ${t.natPacketsDropped} packets in a period. First: check the AWS Health dashboard for a NAT issue in the AZ, then traffic peaks (BytesOutToDestination).` },
    { ...base, ...timing, key: "connections", metricName: "ActiveConnectionCount", statistic: "Maximum", threshold: t.natActiveConnections,
      description: `${n} holds over ${t.natActiveConnections} active connections, near its limit. First: find the workload that opened them (flow logs); long-lived idle connections time out after 350 s.` },
    { ...base, ...timing, key: "bandwidth", metricName: "BytesOutToDestination", threshold: t.natBytesOutGib * GIB,
      description: `${n} sent over ${t.natBytesOutGib} GiB to the internet in a period: a cost and bandwidth spike. First: flow logs for the top destination; traffic to AWS services should use the VPC endpoints instead.` },
  ];
}
