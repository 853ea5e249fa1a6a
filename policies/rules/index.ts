/**
 * Every rule of the repository, one import per file. The pack
 * (`policies/pack.ts`) assigns severities; `docs/policy-rules.md` is
 * generated from this list (`npm run check -- --rules-doc`).
 */
import type { Rule } from "../engine/types";
import { ApiGatewayAccessLogs } from "./apigateway/access-logs";
import { ApiGatewayXRayTracing } from "./apigateway/xray-tracing";
import { AutoScalingLaunchTemplate } from "./autoscaling/launch-template";
import { CloudflareAlwaysHttps } from "./cloudflare/zone-setting";
import { CloudflareMinTls12 } from "./cloudflare/zone-setting";
import { CloudflareStrictSsl } from "./cloudflare/zone-setting";
import { CloudflareTls13 } from "./cloudflare/zone-setting";
import { CognitoDeletionProtectionInProd } from "./cognito/deletion-protection-in-prod";
import { CloudFrontMinimumTlsVersion } from "./cloudfront/minimum-tls-version";
import { CloudFrontOriginHttps } from "./cloudfront/origin-https";
import { CloudFrontS3OriginAccessControl } from "./cloudfront/s3-origin-access-control";
import { CloudFrontViewerHttps } from "./cloudfront/viewer-https";
import { CloudFrontWafAttached } from "./cloudfront/waf-attached";
import { CloudTrailKmsEncryption } from "./cloudtrail/trail-requirement";
import { CloudTrailLogFileValidation } from "./cloudtrail/trail-requirement";
import { CloudTrailMultiRegion } from "./cloudtrail/trail-requirement";
import { CloudWatchAlarmRouted } from "./cloudwatch/alarm-routed";
import { DynamoDbCmkEncryption } from "./dynamodb/cmk-encryption";
import { DynamoDbDeletionProtectionInProd } from "./dynamodb/deletion-protection-in-prod";
import { DynamoDbPointInTimeRecovery } from "./dynamodb/point-in-time-recovery";
import { Ec2DefaultSecurityGroupClosed } from "./ec2/default-security-group-closed";
import { Ec2EbsEncrypted } from "./ec2/ebs-encrypted";
import { Ec2Imdsv2Required } from "./ec2/imdsv2-required";
import { Ec2NoAdminPortsFromWorld } from "./ec2/no-admin-ports-from-world";
import { Ec2NoKeyPair } from "./ec2/no-key-pair";
import { Ec2NoPublicIp } from "./ec2/no-public-ip";
import { Ec2NoWorldIngress } from "./ec2/no-world-ingress";
import { Ec2SecurityGroupDescriptions } from "./ec2/security-group-descriptions";
import { EcrImmutableTags } from "./ecr/immutable-tags";
import { EcrScanOnPush } from "./ecr/scan-on-push";
import { EcsAwsLogsDriver } from "./ecs/awslogs-driver";
import { EcsContainerInsights } from "./ecs/container-insights";
import { EcsNoPrivilegedContainers } from "./ecs/no-privileged-containers";
import { EcsServiceCircuitBreaker } from "./ecs/service-circuit-breaker";
import { EcsServiceNoPublicIp } from "./ecs/service-no-public-ip";
import { EksControlPlaneLogs } from "./eks/control-plane-logs";
import { EksEndpointAccess } from "./eks/endpoint-access";
import { EksSecretsEncryption } from "./eks/secrets-encryption";
import { EksNodeGroupLaunchTemplate } from "./eks/node-group-launch-template";
import { EksStandardSupport } from "./eks/standard-support";
import { Ec2ImdsHopLimit } from "./ec2/imds-hop-limit";
import { IamIrsaTrustPinned } from "./iam/irsa-trust-pinned";
import { EventBridgeCmkEncryption } from "./eventbridge/cmk-encryption";
import { ElastiCacheAtRestEncryption } from "./elasticache/at-rest-encryption";
import { ElastiCacheAuthRequired } from "./elasticache/auth-required";
import { ElastiCacheAutomaticFailoverInProd } from "./elasticache/automatic-failover-in-prod";
import { ElastiCacheTransitEncryption } from "./elasticache/transit-encryption";
import { ElbDropInvalidHeaders } from "./elb/drop-invalid-headers";
import { ElbHttpRedirectsToHttps } from "./elb/http-redirects-to-https";
import { ElbTlsPolicy } from "./elb/tls-policy";
import { IamGithubOidcApplyEnvironment } from "./iam/github-oidc-apply-environment";
import { IamGithubOidcTrustPinned } from "./iam/github-oidc-trust-pinned";
import { IamNoPassRoleOnStar } from "./iam/no-pass-role-on-star";
import { IamPassRoleToOneService } from "./iam/pass-role-to-one-service";
import { IamNoStarOnStar } from "./iam/no-star-on-star";
import { KmsKeyRotation } from "./kms/key-rotation";
import { KmsNoPublicKeyPolicy } from "./kms/no-public-key-policy";
import { LambdaActiveTracing } from "./lambda/active-tracing";
import { LambdaLogRetention } from "./lambda/log-retention";
import { LambdaNoSecretLiteralsInEnvironment } from "./lambda/no-secret-literals-in-environment";
import { LambdaPublicInvokeOnlyViaUrl } from "./lambda/public-invoke-only-via-url";
import { LogsKmsEncryption } from "./logs/kms-encryption";
import { LogsRetention } from "./logs/retention";
import { MqAutoMinorVersionUpgrade } from "./mq/auto-minor-version-upgrade";
import { MqMultiAzInProd } from "./mq/multi-az-in-prod";
import { MqNotPublic } from "./mq/not-public";
import { NeptuneAuditLogExport } from "./neptune/audit-log-export";
import { NeptuneBackupRetention } from "./neptune/backup-retention";
import { NeptuneDeletionProtectionInProd } from "./neptune/deletion-protection-in-prod";
import { NeptuneFinalSnapshotInProd } from "./neptune/final-snapshot-in-prod";
import { NeptuneIamAuthentication } from "./neptune/iam-authentication";
import { NeptuneNotPublic } from "./neptune/not-public";
import { NeptuneStorageEncryptedCmk } from "./neptune/storage-encrypted-cmk";
import { PipesBoundedRetries } from "./pipes/bounded-retries";
import { PipesDeadLetterQueue } from "./pipes/dead-letter-queue";
import { RdsBackupRetention } from "./rds/backup-retention";
import { RdsDeletionProtectionInProd } from "./rds/deletion-protection-in-prod";
import { RdsFinalSnapshotInProd } from "./rds/final-snapshot-in-prod";
import { OrganizationsPolicySize } from "./organizations/policy-size";
import { RdsIamAuthentication } from "./rds/iam-authentication";
import { RdsLogExports } from "./rds/log-exports";
import { RdsMasterPasswordSource } from "./rds/master-password-source";
import { RdsNotPublic } from "./rds/not-public";
import { RdsPerformanceInsights } from "./rds/performance-insights";
import { RdsStorageEncryptedCmk } from "./rds/storage-encrypted-cmk";
import { S3AccessLogging } from "./s3/access-logging";
import { S3KmsEncryption } from "./s3/kms-encryption";
import { S3NoPublicAcl } from "./s3/no-public-acl";
import { S3ObjectOwnershipEnforced } from "./s3/object-ownership-enforced";
import { S3PublicAccessBlock } from "./s3/public-access-block";
import { S3StateBucketVersioning } from "./s3/state-bucket-versioning";
import { S3TlsOnly } from "./s3/tls-only";
import { SecretsManagerCmkEncryption } from "./secretsmanager/cmk-encryption";
import { SecretsManagerNoLiteralSecretValue } from "./secretsmanager/no-literal-secret-value";
import { SecretsManagerRecoveryWindowInProd } from "./secretsmanager/recovery-window-in-prod";
import { SecretsManagerRotationInvokePermission } from "./secretsmanager/rotation-invoke-permission";
import { SesDkimKeyLength } from "./ses/dkim-key-length";
import { SesTlsRequired } from "./ses/tls-required";
import { SnsEncryption } from "./sns/encryption";
import { SnsSubscriptionDeadLetterQueue } from "./sns/subscription-dead-letter-queue";
import { SnsTlsOnly } from "./sns/tls-only";
import { SqsDeadLetterQueue } from "./sqs/dead-letter-queue";
import { SqsEncryption } from "./sqs/encryption";
import { TerraformPreventDestroyInProd } from "./terraform/prevent-destroy-in-prod";
import { TerraformReferencesResolve } from "./terraform/references-resolve";
import { TerraformS3Backend } from "./terraform/s3-backend";
import { VpcFlowLogs } from "./vpc/flow-logs";
import { WafLoggingRedactsAuthorization } from "./waf/logging-redacts-authorization";
import { WafManagedRuleGroups } from "./waf/managed-rule-groups";
import { WafRateBasedRule } from "./waf/rate-based-rule";

export const ALL_RULES: readonly Rule[] = [
  ApiGatewayAccessLogs,
  ApiGatewayXRayTracing,
  AutoScalingLaunchTemplate,
  CloudflareAlwaysHttps,
  CloudflareMinTls12,
  CloudflareStrictSsl,
  CloudflareTls13,
  CognitoDeletionProtectionInProd,
  CloudFrontMinimumTlsVersion,
  CloudFrontOriginHttps,
  CloudFrontS3OriginAccessControl,
  CloudFrontViewerHttps,
  CloudFrontWafAttached,
  CloudTrailKmsEncryption,
  CloudTrailLogFileValidation,
  CloudTrailMultiRegion,
  CloudWatchAlarmRouted,
  DynamoDbCmkEncryption,
  DynamoDbDeletionProtectionInProd,
  DynamoDbPointInTimeRecovery,
  Ec2DefaultSecurityGroupClosed,
  Ec2EbsEncrypted,
  Ec2Imdsv2Required,
  Ec2NoAdminPortsFromWorld,
  Ec2NoKeyPair,
  Ec2NoPublicIp,
  Ec2NoWorldIngress,
  Ec2SecurityGroupDescriptions,
  EcrImmutableTags,
  EcrScanOnPush,
  EcsAwsLogsDriver,
  EcsContainerInsights,
  EcsNoPrivilegedContainers,
  EcsServiceCircuitBreaker,
  EcsServiceNoPublicIp,
  EksControlPlaneLogs,
  EksEndpointAccess,
  EksSecretsEncryption,
  EksNodeGroupLaunchTemplate,
  EksStandardSupport,
  Ec2ImdsHopLimit,
  IamIrsaTrustPinned,
  EventBridgeCmkEncryption,
  ElastiCacheAtRestEncryption,
  ElastiCacheAuthRequired,
  ElastiCacheAutomaticFailoverInProd,
  ElastiCacheTransitEncryption,
  ElbDropInvalidHeaders,
  ElbHttpRedirectsToHttps,
  ElbTlsPolicy,
  IamGithubOidcApplyEnvironment,
  IamGithubOidcTrustPinned,
  IamNoPassRoleOnStar,
  IamPassRoleToOneService,
  IamNoStarOnStar,
  KmsKeyRotation,
  KmsNoPublicKeyPolicy,
  LambdaActiveTracing,
  LambdaLogRetention,
  LambdaNoSecretLiteralsInEnvironment,
  LambdaPublicInvokeOnlyViaUrl,
  LogsKmsEncryption,
  LogsRetention,
  MqAutoMinorVersionUpgrade,
  MqMultiAzInProd,
  MqNotPublic,
  NeptuneAuditLogExport,
  NeptuneBackupRetention,
  NeptuneDeletionProtectionInProd,
  NeptuneFinalSnapshotInProd,
  NeptuneIamAuthentication,
  NeptuneNotPublic,
  NeptuneStorageEncryptedCmk,
  PipesBoundedRetries,
  PipesDeadLetterQueue,
  RdsBackupRetention,
  RdsDeletionProtectionInProd,
  RdsFinalSnapshotInProd,
  OrganizationsPolicySize,
  RdsIamAuthentication,
  RdsLogExports,
  RdsMasterPasswordSource,
  RdsNotPublic,
  RdsPerformanceInsights,
  RdsStorageEncryptedCmk,
  S3AccessLogging,
  S3KmsEncryption,
  S3NoPublicAcl,
  S3ObjectOwnershipEnforced,
  S3PublicAccessBlock,
  S3StateBucketVersioning,
  S3TlsOnly,
  SecretsManagerCmkEncryption,
  SecretsManagerNoLiteralSecretValue,
  SecretsManagerRecoveryWindowInProd,
  SecretsManagerRotationInvokePermission,
  SesDkimKeyLength,
  SesTlsRequired,
  SnsEncryption,
  SnsSubscriptionDeadLetterQueue,
  SnsTlsOnly,
  SqsDeadLetterQueue,
  SqsEncryption,
  TerraformPreventDestroyInProd,
  TerraformReferencesResolve,
  TerraformS3Backend,
  VpcFlowLogs,
  WafLoggingRedactsAuthorization,
  WafManagedRuleGroups,
  WafRateBasedRule,
];
