/**
 * What each resource type means in a diagram. A type is either a component
 * (a node a reader cares about), a junction (not drawn: traffic passes
 * through it, e.g. a target group between a load balancer and a service), a
 * connector (not drawn: it joins two components, e.g. a subscription) or
 * supporting (not drawn: IAM, routes, keys, parameter groups). A type in no
 * list is unknown and is counted in its layer's "other" node, so a new
 * layer's resources show up, unclassified, until a kind is added here.
 */

/** A drawn resource type: its label, and whether all of one layer and tier fold into a single node. */
export interface ComponentKind {
  readonly label: string;
  readonly fold?: boolean;
  /** Drawn as a cylinder: it holds data. */
  readonly store?: boolean;
}

export const COMPONENTS: Readonly<Record<string, ComponentKind>> = {
  aws_cloudfront_distribution: { label: "CloudFront" },
  aws_wafv2_web_acl: { label: "WAF web ACL" },
  aws_route53_zone: { label: "Route 53 zone" },
  aws_apigatewayv2_api: { label: "API Gateway" },
  aws_api_gateway_rest_api: { label: "API Gateway (REST)" },
  aws_lb: { label: "load balancer" },
  aws_alb: { label: "load balancer" },
  aws_ecs_service: { label: "ECS service" },
  aws_lambda_function: { label: "Lambda" },
  aws_eks_cluster: { label: "EKS cluster" },
  aws_eks_node_group: { label: "EKS node group" },
  aws_autoscaling_group: { label: "Auto Scaling group" },
  aws_instance: { label: "EC2 instance" },
  aws_sfn_state_machine: { label: "Step Functions" },
  aws_sqs_queue: { label: "SQS queue" },
  aws_sns_topic: { label: "SNS topic" },
  aws_cloudwatch_event_bus: { label: "EventBridge bus" },
  aws_pipes_pipe: { label: "EventBridge pipe" },
  aws_sesv2_email_identity: { label: "SES identity" },
  aws_mq_broker: { label: "MQ broker" },
  aws_db_instance: { label: "RDS", store: true },
  aws_rds_cluster: { label: "Aurora", store: true },
  aws_neptune_cluster: { label: "Neptune", store: true },
  aws_elasticache_replication_group: { label: "ElastiCache", store: true },
  aws_dynamodb_table: { label: "DynamoDB", store: true },
  aws_s3_bucket: { label: "S3 bucket", store: true },
  aws_backup_vault: { label: "Backup vault", store: true },
  aws_security_group: { label: "security group" },
  aws_nat_gateway: { label: "NAT gateway", fold: true },
  aws_vpc_endpoint: { label: "VPC endpoint", fold: true },
  aws_budgets_budget: { label: "budget", fold: true },
};

/** Not drawn; an edge into one and an edge out of it become one edge between the components around it. */
// A REST API's stage sits between CloudFront (its origin is the stage's invoke URL) and the API.
export const JUNCTIONS = new Set(["aws_lb_target_group", "aws_cloudwatch_event_rule", "aws_lambda_alias", "aws_api_gateway_stage"]);

/** Not drawn; joins the component(s) in its `from` attribute to those in its `to` attribute. */
export const CONNECTORS: Readonly<Record<string, { readonly from: string; readonly to: string; readonly label?: string }>> = {
  aws_vpc_security_group_ingress_rule: { from: "referenced_security_group_id", to: "security_group_id" },
  aws_security_group_rule: { from: "source_security_group_id", to: "security_group_id" },
  aws_sns_topic_subscription: { from: "topic_arn", to: "endpoint" },
  aws_cloudwatch_event_target: { from: "rule", to: "arn" },
  aws_lambda_event_source_mapping: { from: "event_source_arn", to: "function_name" },
  aws_lb_listener: { from: "load_balancer_arn", to: "default_action" },
  aws_lb_listener_rule: { from: "listener_arn", to: "action" },
  // A REST API calls its integration's function and its authorizer's; a regional web ACL guards the stage it is associated with.
  aws_api_gateway_integration: { from: "rest_api_id", to: "uri" },
  aws_api_gateway_authorizer: { from: "rest_api_id", to: "authorizer_uri" },
  aws_wafv2_web_acl_association: { from: "web_acl_arn", to: "resource_arn" },
};

/** Attributes whose reference points against the traffic (the referenced resource sends to the referrer). */
export const INBOUND_ATTRIBUTES = new Set(["source", "event_bus_name", "load_balancer", "event_source_arn", "web_acl_id"]);

/** Supporting types: known, deliberately not drawn. */
export const SUPPORTING = new Set([
  "aws_vpc", "aws_subnet", "aws_route", "aws_route_table", "aws_route_table_association", "aws_internet_gateway", "aws_eip",
  "aws_default_security_group", "aws_flow_log",
  // Alarms and dashboards watch nearly everything: drawn, they would hide the traffic path behind monitoring edges.
  "aws_cloudwatch_metric_alarm", "aws_cloudwatch_dashboard", "aws_cloudwatch_query_definition", "aws_db_event_subscription", "aws_vpc_security_group_egress_rule",
  "aws_oam_sink", "aws_oam_sink_policy", "aws_oam_link", "aws_xray_sampling_rule",
  "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_policy", "aws_iam_instance_profile", "aws_iam_service_linked_role",
  "aws_kms_key", "aws_kms_alias", "aws_kms_grant", "aws_cloudwatch_log_group", "aws_secretsmanager_secret", "aws_secretsmanager_secret_version",
  "aws_db_subnet_group", "aws_db_parameter_group", "aws_rds_cluster_instance", "aws_rds_cluster_parameter_group",
  "aws_neptune_cluster_instance", "aws_neptune_cluster_parameter_group", "aws_neptune_subnet_group",
  "aws_elasticache_parameter_group", "aws_elasticache_subnet_group", "aws_backup_plan", "aws_backup_selection",
  "aws_s3_bucket_cors_configuration", "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_policy",
  "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
  "aws_sqs_queue_policy", "aws_sqs_queue_redrive_allow_policy", "aws_sns_topic_policy", "aws_sesv2_configuration_set",
  "aws_sesv2_configuration_set_event_destination", "aws_route53_record", "aws_launch_template",
  "aws_ecs_cluster", "aws_ecs_task_definition", "aws_lambda_permission",
  "aws_api_gateway_deployment", "aws_api_gateway_method", "aws_api_gateway_method_settings", "aws_api_gateway_resource", "aws_appautoscaling_target", "aws_appautoscaling_policy",
  "random_password", "terraform_data", "tls_private_key", "tls_cert_request", "tls_locally_signed_cert", "tls_self_signed_cert",
  // Who may use the cluster and what runs in it: settings of the cluster, drawn as the cluster alone.
  "aws_eks_access_entry", "aws_eks_access_policy_association", "aws_eks_addon", "aws_iam_openid_connect_provider",
]);

/** The attribute names that hold a resource's own name, in order of preference. */
export const NAME_ATTRIBUTES = ["name", "identifier", "cluster_identifier", "replication_group_id", "bucket", "function_name", "email_identity", "service_name", "node_group_name"];
