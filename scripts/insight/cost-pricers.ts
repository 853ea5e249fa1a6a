/**
 * How each resource type is priced: one function per type returning its
 * monthly charges, each with the basis it was computed on (units, unit
 * price, and any usage assumed from config/cost-assumptions.ts). Types
 * listed in FREE cost nothing by themselves (or are priced through another
 * resource, e.g. a task definition through its service); any other type is
 * reported as not priced.
 */
import type { CostAssumptions } from "../../config/cost-assumptions";
import type { PriceTable } from "./prices";
import type { Located, SynthModel } from "./synth-model";

/** One monthly charge of one resource. */
export interface Charge {
  readonly monthly: number;
  /** How it was computed: `730 h × $0.045/h`, with assumed volumes marked `(assumed)`. */
  readonly basis: string;
}

/** Everything a pricer may read. */
export interface PricingContext {
  readonly model: SynthModel;
  readonly prices: PriceTable;
  readonly usage: CostAssumptions;
}

/** A pricer; `undefined` when the resource's shape is one the table has no price for (reported as not priced). */
export type Pricer = (item: Located, ctx: PricingContext) => Charge[] | undefined;

/** Types with no charge of their own. */
export const FREE = new Set([
  // RDS event notifications cost nothing beyond the SNS deliveries, priced on the topic.
  "aws_db_event_subscription",
  // Lambda aliases, URLs and rotation schedules are free (invocations are priced on the function);
  // the bootstrap code object is a few KB; an on-demand MediaConvert queue bills per job minute, not per queue;
  // Cloud Control itself is free (the permission it manages is too).
  // Capacity providers, CA activation and permissions, ECR lifecycle rules: settings, not billed things.
  "aws_ecs_cluster_capacity_providers", "aws_acmpca_certificate", "aws_acmpca_certificate_authority_certificate", "aws_acmpca_permission", "aws_ecr_lifecycle_policy",
  // Edge settings and wiring (certificate validation, cache and origin-access policies, log delivery and its policy, WAF logging:
  // the logs themselves are priced on their log group); Cognito's first 10,000 monthly active users are free (Essentials).
  "aws_acm_certificate_validation", "aws_cloudfront_cache_policy", "aws_cloudfront_origin_access_control",
  "aws_cloudwatch_log_delivery", "aws_cloudwatch_log_delivery_destination", "aws_cloudwatch_log_delivery_source", "aws_cloudwatch_log_resource_policy",
  "aws_wafv2_web_acl_logging_configuration", "aws_cognito_user_pool", "aws_cognito_user_pool_client", "aws_cognito_user_pool_domain",
  // A saved Logs Insights query is free; running it bills the data it scans.
  "aws_cloudwatch_query_definition",
  // REST API parts: requests are priced on aws_api_gateway_rest_api, the authorizer's calls on its function; a stage
  // costs nothing without a cache cluster (none is enabled); associating a web ACL is free (the ACL is priced).
  "aws_api_gateway_authorizer", "aws_api_gateway_deployment", "aws_api_gateway_integration", "aws_api_gateway_method",
  "aws_api_gateway_method_settings", "aws_api_gateway_resource", "aws_api_gateway_stage", "aws_wafv2_web_acl_association",
  // Cloudflare bills its plan per zone outside AWS; this estimate is AWS-only (docs/insight.md).
  "cloudflare_zone", "cloudflare_zone_setting", "cloudflare_ruleset", "cloudflare_dns_record",
  "aws_lambda_alias", "aws_lambda_function_url", "aws_secretsmanager_secret_rotation", "aws_s3_object", "aws_media_convert_queue", "aws_cloudcontrolapi_resource",
  "aws_vpc", "aws_subnet", "aws_route", "aws_route_table", "aws_route_table_association", "aws_internet_gateway",
  "aws_default_security_group", "aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
  "aws_security_group_rule", "aws_flow_log", "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_policy",
  "aws_iam_instance_profile", "aws_iam_service_linked_role", "aws_kms_alias", "aws_kms_grant", "aws_secretsmanager_secret_version",
  "aws_db_subnet_group", "aws_db_parameter_group", "aws_rds_cluster_parameter_group", "aws_neptune_cluster_parameter_group",
  "aws_neptune_subnet_group", "aws_elasticache_parameter_group", "aws_elasticache_subnet_group", "aws_backup_plan", "aws_backup_selection",
  "aws_s3_bucket_cors_configuration", "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_policy",
  "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
  // S3 charges nothing for server access logging; the log objects are storage of the access-log bucket, priced as aws_s3_bucket.
  "aws_s3_bucket_logging",
  "aws_sqs_queue_policy", "aws_sqs_queue_redrive_allow_policy", "aws_sns_topic_policy", "aws_sesv2_configuration_set",
  "aws_sesv2_configuration_set_event_destination", "aws_route53_record", "aws_launch_template", "aws_ecs_cluster", "aws_ecs_task_definition",
  "aws_lb_listener", "aws_lb_listener_rule", "aws_lb_target_group", "aws_lambda_permission", "aws_cloudwatch_event_rule",
  "aws_cloudwatch_event_target", "aws_appautoscaling_target", "aws_appautoscaling_policy", "aws_sns_topic_subscription",
  "aws_lambda_event_source_mapping", "random_password", "terraform_data", "tls_private_key", "tls_cert_request", "tls_locally_signed_cert",
  "tls_self_signed_cert",
  // EKS access entries, add-ons (their pods run on the nodes) and the IRSA provider: no charge of their own.
  "aws_eks_access_entry", "aws_eks_access_policy_association", "aws_eks_addon", "aws_iam_openid_connect_provider",
  // Cross-account observability: sharing metrics, logs and traces through OAM costs nothing beyond the data's own charges.
  "aws_oam_sink", "aws_oam_sink_policy", "aws_oam_link",
  // A sampling rule is free; X-Ray bills the traces it records (usage, not estimated here).
  "aws_xray_sampling_rule",
]);

const money = (n: number): string => `$${Number(n.toPrecision(6))}`;
const num = (v: unknown, fallback: number): number => (typeof v === "number" ? v : typeof v === "string" && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : fallback);
const first = (v: unknown): Record<string, unknown> | undefined => (Array.isArray(v) ? (v[0] as Record<string, unknown>) : (v as Record<string, unknown> | undefined));
const hours = (ctx: PricingContext): number => ctx.prices.hoursPerMonth;

/** `count × 730 h × $price/h`. */
function hourly(ctx: PricingContext, count: number, price: number, what: string): Charge {
  return { monthly: count * hours(ctx) * price, basis: `${count} ${what} × ${hours(ctx)} h × ${money(price)}/h` };
}
/** `amount unit × $price/unit`, the amount assumed. */
function usage(amount: number, unit: string, price: number, per: string): Charge {
  return { monthly: amount * price, basis: `${amount} ${unit} (assumed) × ${money(price)}/${per}` };
}
const flat = (price: number, what: string): Charge => ({ monthly: price, basis: `${money(price)}/month per ${what}` });
const millions = (n: number): number => n / 1_000_000;

/** Resources of `type` that a value of `item` refers to (across stacks). */
function referenced(ctx: PricingContext, item: Located, value: unknown, type: string): Located[] {
  return ctx.model.resolve(item.stack, value).filter((t) => t.resource.type === type);
}

/** Minimum serverless capacity of a cluster instance's cluster (`db.serverless`), or undefined. */
function serverlessMinimum(ctx: PricingContext, item: Located, clusterType: string, block: string): number | undefined {
  const cluster = referenced(ctx, item, item.resource.attributes.cluster_identifier, clusterType)[0];
  return cluster ? num(first(cluster.resource.attributes[block])?.min_capacity, NaN) : undefined;
}

export const PRICERS: Readonly<Record<string, Pricer>> = {
  aws_acmpca_certificate_authority: (_i, ctx) => [flat(ctx.prices.unit.privateCaGeneralMonth, "private CA (general-purpose mode)")],
  // Public certificates are free; one issued by a private CA is billed each month it is issued or renewed (counted monthly here).
  aws_acm_certificate: (i, ctx) => (i.resource.attributes.certificate_authority_arn ? [flat(ctx.prices.unit.privateCertificateMonth, "private certificate")] : []),
  aws_ecr_repository: (_i, ctx) => [usage(ctx.usage.ecrGbPerRepository, "GB-month", ctx.prices.unit.ecrStorageGbMonth, "GB-month")],
  aws_service_discovery_private_dns_namespace: (_i, ctx) => [flat(ctx.prices.unit.route53ZoneMonth, "hosted zone (the namespace's)")],
  aws_service_discovery_service: (_i, ctx) => [flat(ctx.prices.unit.cloudMapInstanceMonth, "registered instance (one assumed)")],
  aws_nat_gateway: (_i, ctx) => [hourly(ctx, 1, ctx.prices.unit.natGatewayHour, "gateway"), usage(ctx.usage.natGbPerGateway, "GB", ctx.prices.unit.natGatewayGb, "GB")],
  aws_eip: (_i, ctx) => [hourly(ctx, 1, ctx.prices.unit.publicIpv4Hour, "public IPv4 address")],
  aws_vpc_endpoint: ({ resource: { attributes: a } }, ctx) => {
    if (a.vpc_endpoint_type !== "Interface") return [{ monthly: 0, basis: "gateway endpoint: no charge" }];
    const azs = Array.isArray(a.subnet_ids) ? a.subnet_ids.length : 1;
    return [hourly(ctx, azs, ctx.prices.unit.interfaceEndpointAzHour, "AZ"), usage(ctx.usage.interfaceEndpointGb, "GB", ctx.prices.unit.interfaceEndpointGb, "GB")];
  },
  aws_db_instance: ({ resource: { attributes: a } }, ctx) => {
    const price = ctx.prices.rdsInstanceHour[String(a.instance_class)];
    if (price === undefined) return undefined;
    const copies = a.multi_az === true ? 2 : 1;
    const storage = num(a.allocated_storage, 0);
    return [
      hourly(ctx, copies, price, `${String(a.instance_class)}${copies === 2 ? " (Multi-AZ)" : ""}`),
      { monthly: copies * storage * ctx.prices.unit.rdsGp3GbMonth, basis: `${copies} × ${storage} GB × ${money(ctx.prices.unit.rdsGp3GbMonth)}/GB-month` },
    ];
  },
  aws_rds_cluster: (_i, ctx) => [
    usage(ctx.usage.clusterStorageGb, "GB-month", ctx.prices.unit.auroraStorageGbMonth, "GB-month"),
    usage(ctx.usage.clusterIoMillions, "million I/O", ctx.prices.unit.auroraIoMillion, "million"),
  ],
  aws_rds_cluster_instance: (item, ctx) => {
    const cls = String(item.resource.attributes.instance_class);
    if (cls === "db.serverless") {
      const acu = serverlessMinimum(ctx, item, "aws_rds_cluster", "serverlessv2_scaling_configuration");
      return acu === undefined || Number.isNaN(acu) ? undefined : [hourly(ctx, acu, ctx.prices.unit.auroraAcuHour, "ACU (minimum capacity)")];
    }
    const price = ctx.prices.auroraInstanceHour[cls];
    return price === undefined ? undefined : [hourly(ctx, 1, price, cls)];
  },
  aws_neptune_cluster: (_i, ctx) => [
    usage(ctx.usage.clusterStorageGb, "GB-month", ctx.prices.unit.neptuneStorageGbMonth, "GB-month"),
    usage(ctx.usage.clusterIoMillions, "million I/O", ctx.prices.unit.neptuneIoMillion, "million"),
  ],
  aws_neptune_cluster_instance: (item, ctx) => {
    const cls = String(item.resource.attributes.instance_class);
    if (cls === "db.serverless") {
      const ncu = serverlessMinimum(ctx, item, "aws_neptune_cluster", "serverless_v2_scaling_configuration");
      return ncu === undefined || Number.isNaN(ncu) ? undefined : [hourly(ctx, ncu, ctx.prices.unit.neptuneNcuHour, "NCU (minimum capacity)")];
    }
    const price = ctx.prices.neptuneInstanceHour[cls];
    return price === undefined ? undefined : [hourly(ctx, 1, price, cls)];
  },
  aws_elasticache_replication_group: ({ resource: { attributes: a } }, ctx) => {
    const price = ctx.prices.elasticacheNodeHour[String(a.node_type)];
    if (price === undefined) return undefined;
    const nodes = a.num_cache_clusters !== undefined ? num(a.num_cache_clusters, 1) : num(a.num_node_groups, 1) * (num(a.replicas_per_node_group, 0) + 1);
    return [hourly(ctx, nodes, price, `${String(a.node_type)} node${nodes === 1 ? "" : "s"}`)];
  },
  aws_autoscaling_group: (item, ctx) => {
    const template = referenced(ctx, item, item.resource.attributes.launch_template, "aws_launch_template")[0];
    const type = String(template?.resource.attributes.instance_type ?? item.resource.attributes.instance_type);
    const price = ctx.prices.ec2InstanceHour[type];
    const count = num(item.resource.attributes.desired_capacity, num(item.resource.attributes.min_size, 0));
    return price === undefined ? undefined : [hourly(ctx, count, price, `${type} instance${count === 1 ? "" : "s"}`)];
  },
  aws_instance: ({ resource: { attributes: a } }, ctx) => {
    const price = ctx.prices.ec2InstanceHour[String(a.instance_type)];
    return price === undefined ? undefined : [hourly(ctx, 1, price, String(a.instance_type))];
  },
  aws_ecs_service: (item, ctx) => {
    const task = referenced(ctx, item, item.resource.attributes.task_definition, "aws_ecs_task_definition")[0];
    if (!task) return undefined;
    const t = task.resource.attributes;
    const arch = String(first(t.runtime_platform)?.cpu_architecture ?? "X86_64") === "ARM64" ? "arm64" : "x86_64";
    const vcpu = num(t.cpu, NaN) / 1024;
    const gb = num(t.memory, NaN) / 1024;
    const count = num(item.resource.attributes.desired_count, 1);
    if (Number.isNaN(vcpu) || Number.isNaN(gb)) return undefined;
    return [
      hourly(ctx, count * vcpu, ctx.prices.unit.fargateVcpuHour[arch], `vCPU (${count} tasks × ${vcpu}, ${arch})`),
      hourly(ctx, count * gb, ctx.prices.unit.fargateGbHour[arch], `GB (${count} tasks × ${gb})`),
    ];
  },
  aws_lambda_function: ({ resource: { attributes: a } }, ctx) => {
    const arch = Array.isArray(a.architectures) && a.architectures[0] === "arm64" ? "arm64" : "x86_64";
    const gbSeconds = (num(a.memory_size, 128) / 1024) * (ctx.usage.lambdaDurationMs / 1000) * ctx.usage.lambdaRequests;
    return [
      usage(millions(ctx.usage.lambdaRequests), "million requests", ctx.prices.unit.lambdaRequestMillion, "million"),
      { monthly: gbSeconds * ctx.prices.unit.lambdaGbSecond[arch], basis: `${gbSeconds} GB-s (${num(a.memory_size, 128)} MB × ${ctx.usage.lambdaDurationMs} ms × ${ctx.usage.lambdaRequests} requests, assumed) × ${money(ctx.prices.unit.lambdaGbSecond[arch])}/GB-s (${arch})` },
    ];
  },
  aws_lb: ({ resource: { attributes: a } }, ctx) => {
    const network = a.load_balancer_type === "network";
    const u = ctx.prices.unit;
    return [hourly(ctx, 1, network ? u.nlbHour : u.albHour, network ? "NLB" : "ALB"), hourly(ctx, ctx.usage.loadBalancerLcu, network ? u.nlbLcuHour : u.albLcuHour, "LCU (assumed)")];
  },
  aws_cloudfront_distribution: (_i, ctx) => [
    usage(ctx.usage.cloudfrontGb, "GB out", ctx.prices.unit.cloudfrontGb, "GB"),
    usage(ctx.usage.cloudfrontRequests / 10_000, "×10k HTTPS requests", ctx.prices.unit.cloudfrontHttpsRequests10k, "10k"),
  ],
  aws_apigatewayv2_api: (_i, ctx) => [usage(millions(ctx.usage.apiRequests), "million requests", ctx.prices.unit.httpApiRequestMillion, "million")],
  aws_api_gateway_rest_api: (_i, ctx) => [usage(millions(ctx.usage.apiRequests), "million requests", ctx.prices.unit.restApiRequestMillion, "million")],
  aws_eks_cluster: (_i, ctx) => [hourly(ctx, 1, ctx.prices.unit.eksClusterHour, "cluster")],
  aws_eks_node_group: ({ resource: { attributes: a } }, ctx) => {
    const type = String((a.instance_types as unknown[] | undefined)?.[0]);
    const price = ctx.prices.ec2InstanceHour[type];
    const count = num(first(a.scaling_config)?.desired_size, 1);
    return price === undefined ? undefined : [hourly(ctx, count, price, `${type} node${count === 1 ? "" : "s"}`)];
  },
  aws_kms_key: (_i, ctx) => [flat(ctx.prices.unit.kmsKeyMonth, "key")],
  aws_cloudwatch_log_group: (_i, ctx) => [
    usage(ctx.usage.logGbPerGroup, "GB ingested", ctx.prices.unit.logsIngestGb, "GB"),
    usage(ctx.usage.logGbPerGroup, "GB stored", ctx.prices.unit.logsStoreGbMonth, "GB-month"),
  ],
  // CloudWatch bills an alarm per metric it evaluates: a metric-math alarm (running vs desired tasks) counts each of its metrics.
  aws_cloudwatch_metric_alarm: ({ resource: { attributes: a } }, ctx) => {
    const metrics = Array.isArray(a.metric_query) ? (a.metric_query as { metric?: unknown }[]).filter((q) => q.metric !== undefined).length : 1;
    return [{ monthly: metrics * ctx.prices.unit.alarmMonth, basis: `${money(ctx.prices.unit.alarmMonth)}/month per standard alarm metric × ${metrics}` }];
  },
  aws_cloudwatch_dashboard: (_i, ctx) => [flat(ctx.prices.unit.dashboardMonth, "dashboard")],
  aws_secretsmanager_secret: (_i, ctx) => [flat(ctx.prices.unit.secretMonth, "secret")],
  aws_dynamodb_table: ({ resource: { attributes: a } }, ctx) => {
    const u = ctx.prices.unit;
    const storage = usage(ctx.usage.dynamodbStorageGb, "GB-month", u.dynamodbStorageGbMonth, "GB-month");
    if (a.billing_mode === "PROVISIONED") return [hourly(ctx, num(a.write_capacity, 0), u.dynamodbWcuHour, "WCU"), hourly(ctx, num(a.read_capacity, 0), u.dynamodbRcuHour, "RCU"), storage];
    return [usage(millions(ctx.usage.dynamodbWrites), "million writes", u.dynamodbWriteMillion, "million"), usage(millions(ctx.usage.dynamodbReads), "million reads", u.dynamodbReadMillion, "million"), storage];
  },
  aws_sqs_queue: ({ resource: { attributes: a } }, ctx) => [
    usage(millions(ctx.usage.queueRequests), "million requests", a.fifo_queue === true ? ctx.prices.unit.sqsFifoMillion : ctx.prices.unit.sqsStandardMillion, `million${a.fifo_queue === true ? " (FIFO)" : ""}`),
  ],
  aws_sns_topic: (_i, ctx) => [usage(millions(ctx.usage.topicPublishes), "million publishes", ctx.prices.unit.snsPublishMillion, "million")],
  aws_cloudwatch_event_bus: (_i, ctx) => [usage(millions(ctx.usage.busEvents), "million events", ctx.prices.unit.eventBusEventMillion, "million")],
  aws_pipes_pipe: (_i, ctx) => [usage(millions(ctx.usage.pipeRequests), "million requests", ctx.prices.unit.pipesRequestMillion, "million")],
  aws_sesv2_email_identity: (_i, ctx) => [usage(ctx.usage.emails / 1000, "thousand emails", ctx.prices.unit.sesEmailThousand, "thousand")],
  aws_s3_bucket: (_i, ctx) => [usage(ctx.usage.bucketGb, "GB-month", ctx.prices.unit.s3StandardGbMonth, "GB-month")],
  aws_backup_vault: (_i, ctx) => [usage(ctx.usage.backupGb, "GB-month", ctx.prices.unit.backupWarmGbMonth, "GB-month")],
  aws_route53_zone: (_i, ctx) => [flat(ctx.prices.unit.route53ZoneMonth, "hosted zone")],
  aws_wafv2_web_acl: ({ resource: { attributes: a } }, ctx) => {
    const rules = Array.isArray(a.rule) ? a.rule.length : 0;
    const u = ctx.prices.unit;
    return [flat(u.wafAclMonth, "web ACL"), { monthly: rules * u.wafRuleMonth, basis: `${rules} rules × ${money(u.wafRuleMonth)}/month` }, usage(millions(ctx.usage.wafRequests), "million requests", u.wafRequestMillion, "million")];
  },
};
