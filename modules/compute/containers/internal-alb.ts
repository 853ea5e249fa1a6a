import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { between, check, matches, validateProps } from "../../validate";
import { ACCESS_LOG_PREFIX } from "./access-log-bucket";

/** AWS's recommended policy (ELB guide, describe-ssl-policies, 2025-09): TLS 1.3 with TLS 1.2 fallback and hybrid post-quantum key exchange. */
export const ALB_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09";

const ELB_NAME = /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
const ELB_NAME_RULE = "must be 1-32 letters, digits and hyphens, not starting or ending with a hyphen nor starting with internal- (ELB names)";

/** Props of an internal application load balancer in front of one service. */
export interface InternalAlbProps {
  readonly name: string;
  readonly targetGroupName: string;
  readonly vpcId: string;
  /** Private subnets, one per AZ. */
  readonly subnetIds: readonly string[];
  /** The balancer's workload group (network layer); its listener ports are opened here. */
  readonly securityGroupId: string;
  /** Sources allowed to the listeners. */
  readonly ingressCidrs: readonly string[];
  readonly certificateArn: string;
  /** Port the targets (task addresses) listen on. */
  readonly targetPort: number;
  /** Access-log bucket, and what makes it writable (ELB tests its write access when logging is enabled). */
  readonly accessLogs: { readonly bucket: string; readonly writable: ITerraformDependable };
  /** @default 60 */
  readonly idleTimeoutSeconds?: number;
  /** @default 300 */
  readonly deregistrationDelaySeconds?: number;
  /** @default false */
  readonly deletionProtection?: boolean;
  /** @default "/health" */
  readonly healthCheckPath?: string;
  /** @default 30 */
  readonly healthCheckIntervalSeconds?: number;
}

/**
 * An internal ALB after aws-ecs-patterns' load-balanced service, in small
 * parts: HTTPS on 443 with {@link ALB_TLS_POLICY} forwarding to an `ip`
 * target group (Fargate tasks register by address), HTTP on 80 only
 * redirecting to HTTPS, HTTP/2, cross-zone, invalid headers dropped, access
 * logs to their bucket. The service registers with the target group and
 * depends on {@link listeners}: ECS refuses a target group no listener uses.
 */
export class InternalAlb extends Construct {
  readonly arn: string;
  readonly arnSuffix: string;
  readonly dnsName: string;
  readonly targetGroupArn: string;
  readonly targetGroupArnSuffix: string;
  /** What a service registering in the target group must wait for. */
  readonly listeners: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: InternalAlbProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(ELB_NAME, ELB_NAME_RULE)),
      check("targetGroupName", props.targetGroupName, matches(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/, "must be 1-32 letters, digits and hyphens, not starting or ending with a hyphen (target group names)")),
      check("idleTimeoutSeconds", props.idleTimeoutSeconds, between(1, 4000, "ALB idle timeout")),
      check("deregistrationDelaySeconds", props.deregistrationDelaySeconds, between(0, 3600, "target group deregistration delay")),
      check("healthCheckIntervalSeconds", props.healthCheckIntervalSeconds, between(5, 300, "target group health check interval")),
      check("targetPort", props.targetPort, between(1, 65535, "ports")),
    ]);
    props.ingressCidrs.forEach((cidr, i) => {
      for (const port of [443, 80]) {
        new VpcSecurityGroupIngressRule(this, `Ingress${port}From${i}`, {
          securityGroupId: props.securityGroupId,
          description: port === 443 ? `HTTPS to ${props.name}` : `HTTP to ${props.name} (redirected to HTTPS)`,
          ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4: cidr,
        });
      }
    });
    const lb = new Lb(this, "LoadBalancer", {
      name: props.name,
      loadBalancerType: "application",
      internal: true,
      subnets: [...props.subnetIds],
      securityGroups: [props.securityGroupId],
      idleTimeout: props.idleTimeoutSeconds ?? 60,
      enableHttp2: true,
      enableCrossZoneLoadBalancing: true,
      enableDeletionProtection: props.deletionProtection ?? false,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "strictest",
      accessLogs: { bucket: props.accessLogs.bucket, prefix: ACCESS_LOG_PREFIX, enabled: true },
      dependsOn: [props.accessLogs.writable],
    });
    const targets = new LbTargetGroup(this, "TargetGroup", {
      name: props.targetGroupName,
      targetType: "ip",
      protocol: "HTTP",
      protocolVersion: "HTTP1",
      port: props.targetPort,
      vpcId: props.vpcId,
      deregistrationDelay: String(props.deregistrationDelaySeconds ?? 300),
      loadBalancingCrossZoneEnabled: "use_load_balancer_configuration",
      healthCheck: {
        enabled: true, protocol: "HTTP", port: "traffic-port", path: props.healthCheckPath ?? "/health", matcher: "200",
        interval: props.healthCheckIntervalSeconds ?? 30, timeout: 5, healthyThreshold: 3, unhealthyThreshold: 3,
      },
    });
    const https = new LbListener(this, "Https", {
      loadBalancerArn: lb.arn, port: 443, protocol: "HTTPS", sslPolicy: ALB_TLS_POLICY, certificateArn: props.certificateArn,
      defaultAction: [{ type: "forward", targetGroupArn: targets.arn }],
    });
    const http = new LbListener(this, "Http", {
      loadBalancerArn: lb.arn, port: 80, protocol: "HTTP",
      defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
    this.arn = lb.arn;
    this.arnSuffix = lb.arnSuffix;
    this.dnsName = lb.dnsName;
    this.targetGroupArn = targets.arn;
    this.targetGroupArnSuffix = targets.arnSuffix;
    this.listeners = [https, http];
  }
}
