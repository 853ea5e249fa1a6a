import { policyDocument, type PolicyStatement } from "../../modules/iam/policy-document";
import type { SynthesizedStack } from "../../policies/engine/stack-json";

/** One block of a fixture stack: `[type, name, attributes]`; a `data.` prefix makes a data source. */
export type Block = readonly [string, string, Record<string, unknown>];

/**
 * A minimal production layer stack holding `blocks`: the provider carries
 * default tags (environment prod, layer data) and the backend is S3,
 * encrypted and locked, as every real layer stack is.
 */
export function fixtureStack(blocks: readonly Block[], overrides: { name?: string; backend?: Record<string, Record<string, unknown>>; environment?: string } = {}): SynthesizedStack {
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};
  const data: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [type, name, attributes] of blocks) {
    const target = type.startsWith("data.") ? data : resource;
    const key = type.replace(/^data\./, "");
    target[key] = { ...(target[key] ?? {}), [name]: attributes };
  }
  return {
    name: overrides.name ?? "fixture-prod-data",
    json: {
      terraform: { backend: overrides.backend ?? { s3: { bucket: "b", key: "fixture/prod/data.tfstate", encrypt: true, use_lockfile: true } } },
      provider: { aws: [{ region: "us-east-1", default_tags: [{ tags: { environment: overrides.environment ?? "prod", layer: "data" } }] }] },
      resource,
      data,
    },
  };
}

/** A policy JSON string of `statements`, as the IAM module writes it. */
/** An EKS cluster's issuer host, as IRSA condition keys start with it. */
const OIDC = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
/** A trust policy for one IRSA role with the given conditions. */
export const irsaTrust = (condition: Record<string, unknown>) => doc([{
  Effect: "Allow", Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${OIDC}` }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition,
}]);
export { OIDC as IRSA_ISSUER };

export const doc = (statements: readonly Record<string, unknown>[]) => policyDocument(statements as unknown as PolicyStatement[]);
const kms = "arn:aws:kms:us-east-1:111122223333:key/0b1f2e3d-aaaa-bbbb-cccc-0123456789ab";
/** A bucket with a literal name, for the S3 rules. */
export const bucket: Block = ["aws_s3_bucket", "B", { bucket: "media-bucket" }];
/** A companion resource (`C`) of {@link bucket}. */
export const onBucket = (type: string, attributes: Record<string, unknown>): Block => [type, "C", { bucket: "${aws_s3_bucket.B.id}", ...attributes }];
const containers = (definition: Record<string, unknown>) => JSON.stringify([{ name: "app", image: "app:1", essential: true, ...definition }]);
const ingress = (cidr: string, port: number): Block => ["aws_vpc_security_group_ingress_rule", "R", {
  security_group_id: "sg-0123", description: "test rule", ip_protocol: "tcp", from_port: port, to_port: port, cidr_ipv4: cidr,
}];
const githubTrust = (conditions: Record<string, unknown>) => doc([{
  Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity",
  Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, Condition: conditions,
}]);
const zoneSetting = (id: string, value: string): Block[] => [
  ["cloudflare_zone", "Z", { name: "example.com", account: { id: "acc" } }],
  ["cloudflare_zone_setting", `S${id.replace(/_/g, "")}`, { zone_id: "${cloudflare_zone.Z.id}", setting_id: id, value }],
];
const trail = { name: "org", s3_bucket_name: "trail-bucket" };
const streamPipe = (stream: Record<string, unknown>): Block => ["aws_pipes_pipe", "X", {
  name: "changes", role_arn: "arn:aws:iam::111122223333:role/pipe", target: "arn:aws:events:us-east-1:111122223333:event-bus/domain",
  source: "arn:aws:dynamodb:us-east-1:111122223333:table/app/stream/2026-11-25T00:00:00.000", source_parameters: { dynamodb_stream_parameters: { starting_position: "LATEST", ...stream } },
}];
const topic: Block = ["aws_sns_topic", "X", { name: "t", kms_master_key_id: kms }];

/** Per rule: blocks that comply and blocks that break it (the failing element is named `X` or the resource of the rule's type). */
export const FIXTURES: Record<string, { readonly pass: readonly Block[]; readonly fail: readonly Block[]; readonly failBackend?: Record<string, Record<string, unknown>> }> = {
  "APIGateway.AccessLogs": {
    pass: [["aws_api_gateway_stage", "X", { stage_name: "prod", access_log_settings: { destination_arn: "arn:aws:logs:us-east-1:1:log-group:api", format: "$context.requestId" } }]],
    fail: [["aws_api_gateway_stage", "X", { stage_name: "prod" }]],
  },
  "APIGateway.XRayTracing": {
    pass: [["aws_api_gateway_stage", "X", { stage_name: "prod", xray_tracing_enabled: true }]],
    fail: [["aws_api_gateway_stage", "X", { stage_name: "prod" }]],
  },
  "AutoScaling.LaunchTemplate": {
    pass: [["aws_autoscaling_group", "X", { min_size: 1, max_size: 1, launch_template: { id: "lt-0123", version: "3" } }]],
    fail: [["aws_autoscaling_group", "X", { min_size: 1, max_size: 1, launch_configuration: "legacy-config" }]],
  },
  "CloudFront.MinimumTlsVersion": {
    pass: [["aws_cloudfront_distribution", "X", { viewer_certificate: { acm_certificate_arn: "arn:aws:acm:us-east-1:1:certificate/c", ssl_support_method: "sni-only", minimum_protocol_version: "TLSv1.2_2021" } }]],
    fail: [["aws_cloudfront_distribution", "X", { viewer_certificate: { cloudfront_default_certificate: true } }]],
  },
  "CloudFront.OriginHttps": {
    pass: [["aws_cloudfront_distribution", "X", { origin: [{ domain_name: "api.example.com", origin_id: "api", custom_origin_config: { http_port: 80, https_port: 443, origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"] } }] }]],
    fail: [["aws_cloudfront_distribution", "X", { origin: [{ domain_name: "api.example.com", origin_id: "api", custom_origin_config: { http_port: 80, https_port: 443, origin_protocol_policy: "http-only", origin_ssl_protocols: ["TLSv1.2"] } }] }]],
  },
  "CloudFront.S3OriginAccessControl": {
    pass: [["aws_cloudfront_distribution", "X", { origin: [{ domain_name: "site.s3.us-east-1.amazonaws.com", origin_id: "s3", origin_access_control_id: "oac-123" }] }]],
    fail: [["aws_cloudfront_distribution", "X", { origin: [{ domain_name: "site.s3.us-east-1.amazonaws.com", origin_id: "s3" }] }]],
  },
  "CloudFront.ViewerHttps": {
    pass: [["aws_cloudfront_distribution", "X", { default_cache_behavior: { target_origin_id: "s3", viewer_protocol_policy: "redirect-to-https" } }]],
    fail: [["aws_cloudfront_distribution", "X", { default_cache_behavior: { target_origin_id: "s3", viewer_protocol_policy: "allow-all" } }]],
  },
  "CloudFront.WafAttached": {
    pass: [["aws_cloudfront_distribution", "X", { web_acl_id: "arn:aws:wafv2:us-east-1:1:global/webacl/edge/1" }]],
    fail: [["aws_cloudfront_distribution", "X", {}]],
  },
  "CloudTrail.KmsEncryption": { pass: [["aws_cloudtrail", "X", { ...trail, kms_key_id: kms }]], fail: [["aws_cloudtrail", "X", trail]] },
  "CloudTrail.LogFileValidation": { pass: [["aws_cloudtrail", "X", { ...trail, enable_log_file_validation: true }]], fail: [["aws_cloudtrail", "X", trail]] },
  "CloudTrail.MultiRegion": { pass: [["aws_cloudtrail", "X", { ...trail, is_multi_region_trail: true }]], fail: [["aws_cloudtrail", "X", trail]] },
  "Cloudflare.StrictSsl": { pass: zoneSetting("ssl", "strict"), fail: zoneSetting("ssl", "flexible") },
  "Cloudflare.MinTls12": { pass: zoneSetting("min_tls_version", "1.2"), fail: zoneSetting("min_tls_version", "1.0") },
  "Cloudflare.AlwaysHttps": { pass: zoneSetting("always_use_https", "on"), fail: zoneSetting("always_use_https", "off") },
  "Cloudflare.Tls13": { pass: zoneSetting("tls_1_3", "on"), fail: zoneSetting("tls_1_3", "off") },
  "Cognito.DeletionProtectionInProd": {
    pass: [["aws_cognito_user_pool", "X", { name: "users", deletion_protection: "ACTIVE" }]],
    fail: [["aws_cognito_user_pool", "X", { name: "users" }]],
  },
  "DynamoDB.CmkEncryption": {
    pass: [["aws_dynamodb_table", "X", { name: "t", server_side_encryption: { enabled: true, kms_key_arn: kms } }]],
    fail: [["aws_dynamodb_table", "X", { name: "t" }]],
  },
  "DynamoDB.DeletionProtectionInProd": {
    pass: [["aws_dynamodb_table", "X", { name: "t", deletion_protection_enabled: true }]],
    fail: [["aws_dynamodb_table", "X", { name: "t" }]],
  },
  "DynamoDB.PointInTimeRecovery": {
    pass: [["aws_dynamodb_table", "X", { name: "t", point_in_time_recovery: { enabled: true } }]],
    fail: [["aws_dynamodb_table", "X", { name: "t" }]],
  },
  "EC2.DefaultSecurityGroupClosed": {
    pass: [["aws_vpc", "X", { cidr_block: "10.0.0.0/16" }], ["aws_default_security_group", "D", { vpc_id: "${aws_vpc.X.id}", ingress: [], egress: [] }]],
    fail: [["aws_vpc", "X", { cidr_block: "10.0.0.0/16" }]],
  },
  "EC2.EbsEncrypted": { pass: [["aws_ebs_volume", "X", { size: 10, encrypted: true }]], fail: [["aws_ebs_volume", "X", { size: 10 }]] },
  "EC2.Imdsv2Required": {
    pass: [["aws_instance", "X", { ami: "ami-1", metadata_options: { http_tokens: "required" } }]],
    fail: [["aws_instance", "X", { ami: "ami-1", metadata_options: { http_tokens: "optional" } }]],
  },
  "EC2.NoAdminPortsFromWorld": { pass: [ingress("10.0.0.0/16", 22)], fail: [ingress("0.0.0.0/0", 22)] },
  "EC2.NoKeyPair": {
    pass: [["aws_launch_template", "X", { name: "host", instance_type: "t4g.small" }]],
    fail: [["aws_launch_template", "X", { name: "host", instance_type: "t4g.small", key_name: "ops-laptop" }]],
  },
  "EC2.NoPublicIp": {
    pass: [["aws_subnet", "X", { cidr_block: "10.0.0.0/24", map_public_ip_on_launch: false }]],
    fail: [["aws_subnet", "X", { cidr_block: "10.0.0.0/24", map_public_ip_on_launch: true }]],
  },
  "EC2.NoWorldIngress": { pass: [ingress("10.0.0.0/8", 5432)], fail: [ingress("0.0.0.0/0", 5432)] },
  "EC2.SecurityGroupDescriptions": {
    pass: [["aws_security_group", "X", { name: "app", description: "Application servers behind the ALB" }]],
    fail: [["aws_security_group", "X", { name: "app", description: "Managed by Terraform" }]],
  },
  "ECR.ImmutableTags": { pass: [["aws_ecr_repository", "X", { name: "api", image_tag_mutability: "IMMUTABLE" }]], fail: [["aws_ecr_repository", "X", { name: "api", image_tag_mutability: "MUTABLE" }]] },
  "ECR.ScanOnPush": {
    pass: [["aws_ecr_repository", "X", { name: "api", image_scanning_configuration: { scan_on_push: true } }]],
    fail: [["aws_ecr_repository", "X", { name: "api" }]],
  },
  "ECS.AwsLogsDriver": {
    pass: [["aws_ecs_task_definition", "X", { family: "app", container_definitions: containers({ logConfiguration: { logDriver: "awslogs", options: {} } }) }]],
    fail: [["aws_ecs_task_definition", "X", { family: "app", container_definitions: containers({}) }]],
  },
  "ECS.ContainerInsights": {
    pass: [["aws_ecs_cluster", "X", { name: "c", setting: [{ name: "containerInsights", value: "enabled" }] }]],
    fail: [["aws_ecs_cluster", "X", { name: "c" }]],
  },
  "ECS.NoPrivilegedContainers": {
    pass: [["aws_ecs_task_definition", "X", { family: "app", container_definitions: containers({ privileged: false }) }]],
    fail: [["aws_ecs_task_definition", "X", { family: "app", container_definitions: containers({ privileged: true }) }]],
  },
  "ECS.ServiceCircuitBreaker": {
    pass: [["aws_ecs_service", "X", { name: "s", deployment_circuit_breaker: { enable: true, rollback: true } }]],
    fail: [["aws_ecs_service", "X", { name: "s", deployment_circuit_breaker: { enable: true, rollback: false } }]],
  },
  "ECS.ServiceNoPublicIp": {
    pass: [["aws_ecs_service", "X", { name: "s", network_configuration: { subnets: ["a"], assign_public_ip: false } }]],
    fail: [["aws_ecs_service", "X", { name: "s", network_configuration: { subnets: ["a"], assign_public_ip: true } }]],
  },
  "EKS.ControlPlaneLogs": {
    pass: [["aws_eks_cluster", "X", { name: "k", enabled_cluster_log_types: ["api", "audit", "authenticator", "controllerManager", "scheduler"] }]],
    fail: [["aws_eks_cluster", "X", { name: "k" }]],
  },
  "EKS.EndpointAccess": {
    pass: [["aws_eks_cluster", "X", { name: "k", vpc_config: { endpoint_private_access: true, endpoint_public_access: false, subnet_ids: ["s"] } }]],
    fail: [["aws_eks_cluster", "X", { name: "k", vpc_config: { endpoint_public_access: true, subnet_ids: ["s"] } }]],
  },
  "EKS.NodeGroupLaunchTemplate": {
    pass: [["aws_eks_node_group", "X", { cluster_name: "k", launch_template: { id: "${aws_launch_template.L.id}", version: "${aws_launch_template.L.latest_version}" } }]],
    fail: [["aws_eks_node_group", "X", { cluster_name: "k", instance_types: ["m7i.large"] }]],
  },
  "EKS.StandardSupport": {
    pass: [["aws_eks_cluster", "X", { name: "k", upgrade_policy: { support_type: "STANDARD" } }]],
    fail: [["aws_eks_cluster", "X", { name: "k" }]],
  },
  "EC2.ImdsHopLimit": {
    pass: [["aws_launch_template", "X", { name: "nodes", metadata_options: { http_tokens: "required", http_put_response_hop_limit: 1 } }]],
    fail: [["aws_launch_template", "X", { name: "nodes", metadata_options: { http_tokens: "required", http_put_response_hop_limit: 2 } }]],
  },
  "IAM.IrsaTrustPinned": {
    pass: [["aws_iam_role", "X", { name: "api", assume_role_policy: irsaTrust({ StringEquals: { [`${OIDC}:sub`]: "system:serviceaccount:shop:api", [`${OIDC}:aud`]: "sts.amazonaws.com" } }) }]],
    fail: [["aws_iam_role", "X", { name: "api", assume_role_policy: irsaTrust({ StringEquals: { [`${OIDC}:aud`]: "sts.amazonaws.com" } }) }]],
  },
  "EKS.SecretsEncryption": {
    pass: [["aws_eks_cluster", "X", { name: "k", encryption_config: { resources: ["secrets"], provider: { key_arn: kms } } }]],
    fail: [["aws_eks_cluster", "X", { name: "k" }]],
  },
  "EventBridge.CmkEncryption": {
    pass: [["aws_cloudwatch_event_bus", "X", { name: "domain", kms_key_identifier: kms }]],
    fail: [["aws_cloudwatch_event_bus", "X", { name: "domain" }]],
  },
  "ELB.DropInvalidHeaders": {
    pass: [["aws_lb", "X", { load_balancer_type: "application", drop_invalid_header_fields: true }]],
    fail: [["aws_lb", "X", { load_balancer_type: "application" }]],
  },
  "ELB.HttpRedirectsToHttps": {
    pass: [["aws_lb_listener", "X", { protocol: "HTTP", port: 80, default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }] }]],
    fail: [["aws_lb_listener", "X", { protocol: "HTTP", port: 80, default_action: [{ type: "forward", target_group_arn: "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1" }] }]],
  },
  "ELB.TlsPolicy": {
    pass: [["aws_lb_listener", "X", { protocol: "HTTPS", port: 443, ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }]],
    fail: [["aws_lb_listener", "X", { protocol: "HTTPS", port: 443, ssl_policy: "ELBSecurityPolicy-2016-08" }]],
  },
  "ElastiCache.AtRestEncryption": {
    pass: [["aws_elasticache_replication_group", "X", { replication_group_id: "r", at_rest_encryption_enabled: "true", kms_key_id: kms }]],
    fail: [["aws_elasticache_replication_group", "X", { replication_group_id: "r" }]],
  },
  "ElastiCache.AuthRequired": {
    pass: [["random_password", "T", { length: 64 }], ["aws_elasticache_replication_group", "X", { replication_group_id: "r", engine: "redis", auth_token: "${random_password.T.result}" }]],
    fail: [["aws_elasticache_replication_group", "X", { replication_group_id: "r", engine: "redis" }]],
  },
  "ElastiCache.AutomaticFailoverInProd": {
    pass: [["aws_elasticache_replication_group", "X", { replication_group_id: "r", engine: "redis", automatic_failover_enabled: true, multi_az_enabled: true }]],
    fail: [["aws_elasticache_replication_group", "X", { replication_group_id: "r", engine: "redis" }]],
  },
  "ElastiCache.TransitEncryption": {
    pass: [["aws_elasticache_replication_group", "X", { replication_group_id: "r", transit_encryption_enabled: true }]],
    fail: [["aws_elasticache_replication_group", "X", { replication_group_id: "r", transit_encryption_enabled: true, transit_encryption_mode: "preferred" }]],
  },
  "IAM.GithubOidcApplyEnvironment": {
    pass: [["aws_iam_role", "X", { name: "github-apply-app-prod", assume_role_policy: githubTrust({
      StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:platform-team/platform-infrastructure:environment:app-prod" },
    }) }]],
    fail: [["aws_iam_role", "X", { name: "github-apply-app-prod", assume_role_policy: githubTrust({
      StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
      StringLike: { "token.actions.githubusercontent.com:sub": "repo:platform-team/platform-infrastructure:ref:refs/heads/*" },
    }) }]],
  },
  "IAM.GithubOidcTrustPinned": {
    pass: [["aws_iam_role", "X", { name: "deploy", assume_role_policy: githubTrust({
      StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
      StringLike: { "token.actions.githubusercontent.com:sub": "repo:platform-team/platform-infrastructure:environment:prod" },
    }) }]],
    fail: [["aws_iam_role", "X", { name: "deploy", assume_role_policy: githubTrust({
      StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
      StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" },
    }) }]],
  },
  "Organizations.PolicySize": {
    pass: [["aws_organizations_policy", "X", { name: "g", type: "SERVICE_CONTROL_POLICY", content: doc([{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }]) }]],
    fail: [["aws_organizations_policy", "X", { name: "g", type: "SERVICE_CONTROL_POLICY", content: doc([{ Sid: "x".repeat(5100), Effect: "Deny", Action: "*", Resource: "*" }]) }]],
  },
  "IAM.NoPassRoleOnStar": {
    pass: [["aws_iam_role_policy", "X", { role: "r", policy: doc([{ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/app-task" }]) }]],
    fail: [["aws_iam_role_policy", "X", { role: "r", policy: doc([{ Effect: "Allow", Action: "iam:*", Resource: "*" }]) }]],
  },
  "IAM.PassRoleToOneService": {
    pass: [["aws_iam_role_policy", "X", { role: "r", policy: doc([{
      Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/media", Condition: { StringEquals: { "iam:PassedToService": "mediaconvert.amazonaws.com" } },
    }]) }]],
    fail: [["aws_iam_role_policy", "X", { role: "r", policy: doc([{ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/media" }]) }]],
  },
  "IAM.NoStarOnStar": {
    pass: [["aws_iam_policy", "X", { policy: doc([{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*" }]) }]],
    fail: [["aws_iam_policy", "X", { policy: doc([{ Effect: "Allow", Action: "*", Resource: "*" }]) }]],
  },
  "KMS.KeyRotation": { pass: [["aws_kms_key", "X", { enable_key_rotation: true }]], fail: [["aws_kms_key", "X", { enable_key_rotation: false }]] },
  "KMS.NoPublicKeyPolicy": {
    pass: [["aws_kms_key", "X", { policy: doc([{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }]) }]],
    fail: [["aws_kms_key", "X", { policy: doc([{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }]) }]],
  },
  "Lambda.ActiveTracing": {
    pass: [["aws_lambda_function", "X", { function_name: "fn", tracing_config: { mode: "Active" } }]],
    fail: [["aws_lambda_function", "X", { function_name: "fn", tracing_config: { mode: "PassThrough" } }]],
  },
  "Lambda.LogRetention": {
    pass: [["aws_lambda_function", "X", { function_name: "fn" }], ["aws_cloudwatch_log_group", "L", { name: "/aws/lambda/fn", retention_in_days: 30 }]],
    fail: [["aws_lambda_function", "X", { function_name: "fn" }]],
  },
  "Lambda.NoSecretLiteralsInEnvironment": {
    pass: [["aws_lambda_function", "X", { function_name: "fn", environment: { variables: { LOG_LEVEL: "info" } } }]],
    fail: [["aws_lambda_function", "X", { function_name: "fn", environment: { variables: { API_KEY: "sk_live_51HcQ2kLmN0pQrStUv" } } }]],
  },
  "Lambda.PublicInvokeOnlyViaUrl": {
    pass: [
      ["aws_lambda_permission", "U", { function_name: "fn", action: "lambda:InvokeFunctionUrl", principal: "*", function_url_auth_type: "NONE" }],
      ["aws_cloudcontrolapi_resource", "P", { type_name: "AWS::Lambda::Permission", desired_state: JSON.stringify({ FunctionName: "fn", Action: "lambda:InvokeFunction", Principal: "*", InvokedViaFunctionUrl: true }) }],
    ],
    fail: [["aws_cloudcontrolapi_resource", "P", { type_name: "AWS::Lambda::Permission", desired_state: JSON.stringify({ FunctionName: "fn", Action: "lambda:InvokeFunction", Principal: "*" }) }]],
  },
  "Logs.KmsEncryption": { pass: [["aws_cloudwatch_log_group", "X", { name: "/app", kms_key_id: kms }]], fail: [["aws_cloudwatch_log_group", "X", { name: "/app" }]] },
  "Logs.Retention": { pass: [["aws_cloudwatch_log_group", "X", { name: "/app", retention_in_days: 30 }]], fail: [["aws_cloudwatch_log_group", "X", { name: "/app" }]] },
  "MQ.AutoMinorVersionUpgrade": {
    pass: [["aws_mq_broker", "X", { broker_name: "b", engine_type: "RabbitMQ", engine_version: "4.2", host_instance_type: "mq.m7g.large", auto_minor_version_upgrade: true }]],
    fail: [["aws_mq_broker", "X", { broker_name: "b", engine_type: "RabbitMQ", engine_version: "4.2", host_instance_type: "mq.m7g.large", auto_minor_version_upgrade: false }]],
  },
  "MQ.MultiAzInProd": {
    pass: [["aws_mq_broker", "X", { broker_name: "b", engine_type: "RabbitMQ", engine_version: "4.2", host_instance_type: "mq.m7g.large", deployment_mode: "CLUSTER_MULTI_AZ" }]],
    fail: [["aws_mq_broker", "X", { broker_name: "b", engine_type: "RabbitMQ", engine_version: "4.2", host_instance_type: "mq.m7g.large", deployment_mode: "SINGLE_INSTANCE" }]],
  },
  "MQ.NotPublic": {
    pass: [["aws_mq_broker", "X", { broker_name: "b", engine_type: "RabbitMQ", engine_version: "4.2", host_instance_type: "mq.m7g.large", publicly_accessible: false }]],
    fail: [["aws_mq_broker", "X", { broker_name: "b", engine_type: "RabbitMQ", engine_version: "4.2", host_instance_type: "mq.m7g.large", publicly_accessible: true }]],
  },
  "Neptune.AuditLogExport": {
    pass: [["aws_neptune_cluster_parameter_group", "G", { name: "graph-params", family: "neptune1.4", parameter: [{ name: "neptune_enable_audit_log", value: "1" }] }],
      ["aws_neptune_cluster", "X", { enable_cloudwatch_logs_exports: ["audit"], neptune_cluster_parameter_group_name: "${aws_neptune_cluster_parameter_group.G.name}" }]],
    fail: [["aws_neptune_cluster", "X", { enable_cloudwatch_logs_exports: ["slowquery"] }]],
  },
  "Neptune.BackupRetention": { pass: [["aws_neptune_cluster", "X", { backup_retention_period: 7 }]], fail: [["aws_neptune_cluster", "X", { backup_retention_period: 1 }]] },
  "Neptune.DeletionProtectionInProd": { pass: [["aws_neptune_cluster", "X", { deletion_protection: true }]], fail: [["aws_neptune_cluster", "X", { deletion_protection: false }]] },
  "Neptune.FinalSnapshotInProd": {
    pass: [["aws_neptune_cluster", "X", { skip_final_snapshot: false, final_snapshot_identifier: "graph-final" }]],
    fail: [["aws_neptune_cluster", "X", { skip_final_snapshot: true }]],
  },
  "Neptune.IamAuthentication": { pass: [["aws_neptune_cluster", "X", { iam_database_authentication_enabled: true }]], fail: [["aws_neptune_cluster", "X", {}]] },
  "Neptune.NotPublic": {
    pass: [["aws_neptune_cluster_instance", "X", { instance_class: "db.serverless", publicly_accessible: false }]],
    fail: [["aws_neptune_cluster_instance", "X", { instance_class: "db.serverless", publicly_accessible: true }]],
  },
  "Neptune.StorageEncryptedCmk": {
    pass: [["aws_neptune_cluster", "X", { storage_encrypted: true, kms_key_arn: kms }]],
    fail: [["aws_neptune_cluster", "X", { storage_encrypted: true }]],
  },
  "Pipes.BoundedRetries": {
    pass: [streamPipe({ maximum_retry_attempts: 3, maximum_record_age_in_seconds: 3600 })],
    fail: [streamPipe({ maximum_retry_attempts: -1, maximum_record_age_in_seconds: 3600 })],
  },
  "Pipes.DeadLetterQueue": {
    pass: [streamPipe({ dead_letter_config: { arn: "arn:aws:sqs:us-east-1:111122223333:changes-dlq" } })],
    fail: [streamPipe({})],
  },
  "RDS.BackupRetention": { pass: [["aws_db_instance", "X", { engine: "postgres", backup_retention_period: 7 }]], fail: [["aws_db_instance", "X", { engine: "postgres", backup_retention_period: 1 }]] },
  "RDS.DeletionProtectionInProd": { pass: [["aws_db_instance", "X", { engine: "postgres", deletion_protection: true }]], fail: [["aws_db_instance", "X", { engine: "postgres" }]] },
  "RDS.FinalSnapshotInProd": {
    pass: [["aws_rds_cluster", "X", { engine: "aurora-postgresql", skip_final_snapshot: false, final_snapshot_identifier: "db-final" }]],
    fail: [["aws_rds_cluster", "X", { engine: "aurora-postgresql", skip_final_snapshot: true }]],
  },
  "RDS.IamAuthentication": {
    pass: [["aws_db_instance", "X", { engine: "mysql", iam_database_authentication_enabled: true }]],
    fail: [["aws_db_instance", "X", { engine: "mysql" }]],
  },
  "RDS.LogExports": {
    pass: [["aws_db_instance", "X", { engine: "postgres", enabled_cloudwatch_logs_exports: ["postgresql"] }]],
    fail: [["aws_db_instance", "X", { engine: "postgres" }]],
  },
  "RDS.MasterPasswordSource": {
    pass: [["random_password", "P", { length: 32 }], ["aws_db_instance", "X", { engine: "postgres", password_wo: "${random_password.P.result}", password_wo_version: 1 }]],
    fail: [["aws_db_instance", "X", { engine: "postgres", password: "correct-horse-battery" }]],
  },
  "RDS.NotPublic": {
    pass: [["aws_db_instance", "X", { engine: "postgres", publicly_accessible: false }]],
    fail: [["aws_db_instance", "X", { engine: "postgres", publicly_accessible: true }]],
  },
  "RDS.PerformanceInsights": {
    pass: [["aws_db_instance", "X", { engine: "postgres", performance_insights_enabled: true }]],
    fail: [["aws_db_instance", "X", { engine: "postgres" }]],
  },
  "RDS.StorageEncryptedCmk": {
    pass: [["aws_db_instance", "X", { engine: "postgres", storage_encrypted: true, kms_key_id: kms }]],
    fail: [["aws_db_instance", "X", { engine: "postgres", storage_encrypted: true }]],
  },
  "S3.AccessLogging": {
    pass: [bucket, onBucket("aws_s3_bucket_logging", { target_bucket: "acct-us-east-1-access-logs", target_prefix: "b/" }), ["aws_s3_bucket", "L", { bucket: "acct-us-east-1-access-logs", tags: { "log-destination": "s3-server-access-logs" } }]],
    fail: [bucket, ["aws_s3_bucket", "L", { bucket: "acct-us-east-1-access-logs", tags: { "log-destination": "other" } }]],
  },
  "S3.KmsEncryption": {
    pass: [bucket, onBucket("aws_s3_bucket_server_side_encryption_configuration", { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: kms } }] })],
    fail: [bucket, onBucket("aws_s3_bucket_server_side_encryption_configuration", { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] })],
  },
  "S3.NoPublicAcl": { pass: [bucket, onBucket("aws_s3_bucket_acl", { acl: "private" })], fail: [bucket, onBucket("aws_s3_bucket_acl", { acl: "public-read" })] },
  "S3.ObjectOwnershipEnforced": {
    pass: [bucket, onBucket("aws_s3_bucket_ownership_controls", { rule: { object_ownership: "BucketOwnerEnforced" } })],
    fail: [bucket, onBucket("aws_s3_bucket_ownership_controls", { rule: { object_ownership: "ObjectWriter" } })],
  },
  "S3.PublicAccessBlock": {
    pass: [bucket, onBucket("aws_s3_bucket_public_access_block", { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true })],
    fail: [bucket, onBucket("aws_s3_bucket_public_access_block", { block_public_acls: true, block_public_policy: false, ignore_public_acls: true, restrict_public_buckets: true })],
  },
  "S3.StateBucketVersioning": {
    pass: [["aws_s3_bucket", "B", { bucket: "acct-us-east-1-tfstate" }], onBucket("aws_s3_bucket_versioning", { versioning_configuration: { status: "Enabled" } })],
    fail: [["aws_s3_bucket", "B", { bucket: "acct-us-east-1-tfstate" }], onBucket("aws_s3_bucket_versioning", { versioning_configuration: { status: "Suspended" } })],
  },
  "S3.TlsOnly": {
    pass: [bucket, onBucket("aws_s3_bucket_policy", { policy: doc([{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["${aws_s3_bucket.B.arn}", "${aws_s3_bucket.B.arn}/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }]) })],
    fail: [bucket],
  },
  "CloudWatch.AlarmRouted": {
    pass: [["aws_cloudwatch_metric_alarm", "X", { alarm_name: "a", alarm_description: "Queue depth. First: check consumers.", alarm_actions: ["${aws_sns_topic.T.arn}"], ok_actions: ["${aws_sns_topic.T.arn}"] }]],
    fail: [["aws_cloudwatch_metric_alarm", "X", { alarm_name: "a", alarm_description: "Queue depth. First: check consumers.", alarm_actions: ["${aws_sns_topic.T.arn}"] }]],
  },
  "SNS.Encryption": { pass: [["aws_sns_topic", "X", { name: "t", kms_master_key_id: kms }]], fail: [["aws_sns_topic", "X", { name: "t" }]] },
  "SNS.SubscriptionDeadLetterQueue": {
    pass: [["aws_sns_topic_subscription", "X", { topic_arn: "arn:t", protocol: "sqs", endpoint: "arn:q", redrive_policy: JSON.stringify({ deadLetterTargetArn: "arn:dlq" }) }]],
    fail: [["aws_sns_topic_subscription", "X", { topic_arn: "arn:t", protocol: "sqs", endpoint: "arn:q" }]],
  },
  "SNS.TlsOnly": {
    pass: [topic, ["aws_sns_topic_policy", "P", { arn: "${aws_sns_topic.X.arn}", policy: doc([{ Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: "${aws_sns_topic.X.arn}", Condition: { Bool: { "aws:SecureTransport": "false" } } }]) }]],
    fail: [topic, ["aws_sns_topic_policy", "P", { arn: "${aws_sns_topic.X.arn}", policy: doc([{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: "${aws_sns_topic.X.arn}" }]) }]],
  },
  "SQS.DeadLetterQueue": {
    pass: [["aws_sqs_queue", "D", { name: "work-dlq" }], ["aws_sqs_queue", "X", { name: "work", redrive_policy: JSON.stringify({ deadLetterTargetArn: "${aws_sqs_queue.D.arn}", maxReceiveCount: 5 }) }]],
    fail: [["aws_sqs_queue", "X", { name: "work" }]],
  },
  "SQS.Encryption": { pass: [["aws_sqs_queue", "X", { name: "q", sqs_managed_sse_enabled: true }]], fail: [["aws_sqs_queue", "X", { name: "q", sqs_managed_sse_enabled: false }]] },
  "SecretsManager.CmkEncryption": { pass: [["aws_secretsmanager_secret", "X", { name: "s", kms_key_id: kms }]], fail: [["aws_secretsmanager_secret", "X", { name: "s" }]] },
  "SecretsManager.NoLiteralSecretValue": {
    pass: [["random_password", "P", { length: 32 }], ["aws_secretsmanager_secret_version", "X", { secret_id: "s", secret_string: "${random_password.P.result}" }]],
    fail: [
      ["aws_secretsmanager_secret_version", "X", { secret_id: "s", secret_string: "hunter2-but-longer" }],
      ["aws_secretsmanager_secret_version", "Y", { secret_id: "s", secret_string_wo: "write-only is no excuse", secret_string_wo_version: 1 }],
    ],
  },
  "SecretsManager.RotationInvokePermission": {
    pass: [
      ["aws_lambda_function", "F", { function_name: "rotator" }],
      ["aws_lambda_permission", "P", { function_name: "${aws_lambda_function.F.function_name}", action: "lambda:InvokeFunction", principal: "secretsmanager.amazonaws.com", source_arn: "${aws_secretsmanager_secret.S.arn}" }],
      ["aws_secretsmanager_secret_rotation", "R", { secret_id: "${aws_secretsmanager_secret.S.arn}", rotation_lambda_arn: "${aws_lambda_function.F.arn}", depends_on: ["aws_lambda_permission.P"] }],
    ],
    fail: [
      ["aws_lambda_function", "F", { function_name: "rotator" }],
      ["aws_lambda_permission", "P", { function_name: "${aws_lambda_function.F.function_name}", action: "lambda:InvokeFunction", principal: "secretsmanager.amazonaws.com" }],
      ["aws_secretsmanager_secret_rotation", "R", { secret_id: "${aws_secretsmanager_secret.S.arn}", rotation_lambda_arn: "${aws_lambda_function.F.arn}" }],
    ],
  },
  "SecretsManager.RecoveryWindowInProd": {
    pass: [["aws_secretsmanager_secret", "X", { name: "s", recovery_window_in_days: 30 }]],
    fail: [["aws_secretsmanager_secret", "X", { name: "s", recovery_window_in_days: 0 }]],
  },
  "SES.DkimKeyLength": {
    pass: [["aws_sesv2_email_identity", "X", { email_identity: "example.com", dkim_signing_attributes: { next_signing_key_length: "RSA_2048_BIT" } }]],
    fail: [["aws_sesv2_email_identity", "X", { email_identity: "example.com" }]],
  },
  "SES.TlsRequired": {
    pass: [["aws_sesv2_configuration_set", "X", { configuration_set_name: "mail", delivery_options: { tls_policy: "REQUIRE" } }]],
    fail: [["aws_sesv2_configuration_set", "X", { configuration_set_name: "mail", delivery_options: { tls_policy: "OPTIONAL" } }]],
  },
  "Terraform.PreventDestroyInProd": {
    pass: [["aws_secretsmanager_secret", "X", { name: "s", lifecycle: { prevent_destroy: true } }]],
    fail: [["aws_secretsmanager_secret", "X", { name: "s", lifecycle: { prevent_destroy: false } }]],
  },
  "Terraform.ReferencesResolve": {
    pass: [["aws_kms_key", "K", {}], ["aws_kms_alias", "X", { name: "alias/k", target_key_id: "${aws_kms_key.K.key_id}" }]],
    fail: [["aws_kms_alias", "X", { name: "alias/k", target_key_id: "${aws_kms_key.Missing.key_id}" }]],
  },
  "Terraform.S3Backend": { pass: [["aws_kms_key", "K", {}]], fail: [["aws_kms_key", "K", {}]], failBackend: { s3: { bucket: "b", key: "k", encrypt: false } } },
  "VPC.FlowLogs": {
    pass: [["aws_vpc", "X", { cidr_block: "10.0.0.0/16" }], ["aws_flow_log", "F", { vpc_id: "${aws_vpc.X.id}", traffic_type: "ALL" }]],
    fail: [["aws_vpc", "X", { cidr_block: "10.0.0.0/16" }]],
  },
  "WAF.ManagedRuleGroups": {
    pass: [["aws_wafv2_web_acl", "X", { name: "edge", scope: "CLOUDFRONT", rule: [{ name: "common", priority: 1, statement: { managed_rule_group_statement: { name: "AWSManagedRulesCommonRuleSet", vendor_name: "AWS" } } }] }]],
    fail: [["aws_wafv2_web_acl", "X", { name: "edge", scope: "CLOUDFRONT", rule: [] }]],
  },
  "WAF.LoggingRedactsAuthorization": {
    pass: [["aws_wafv2_web_acl", "X", { name: "acl", scope: "REGIONAL" }], ["aws_wafv2_web_acl_logging_configuration", "L", {
      resource_arn: "${aws_wafv2_web_acl.X.arn}", log_destination_configs: ["arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-x"], redacted_fields: [{ single_header: { name: "authorization" } }],
    }]],
    fail: [["aws_wafv2_web_acl", "X", { name: "acl", scope: "REGIONAL" }], ["aws_wafv2_web_acl_logging_configuration", "L", {
      resource_arn: "${aws_wafv2_web_acl.X.arn}", log_destination_configs: ["arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-x"], redacted_fields: [{ single_header: { name: "cookie" } }],
    }]],
  },
  "WAF.RateBasedRule": {
    pass: [["aws_wafv2_web_acl", "X", { name: "edge", scope: "CLOUDFRONT", rule: [{ name: "rate", priority: 1, statement: { rate_based_statement: { limit: 1000, aggregate_key_type: "IP" } } }] }]],
    fail: [["aws_wafv2_web_acl", "X", { name: "edge", scope: "CLOUDFRONT", rule: [] }]],
  },
};
