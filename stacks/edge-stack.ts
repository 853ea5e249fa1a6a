import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { Aspects, Fn, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import type { ApiFunction } from "../config/layers/edge";
import type { DistributionSettings } from "../config/layers/edge-distributions";
import { AccessLogs } from "../modules/edge/access-logs";
import { AliasRecords } from "../modules/edge/alias-records";
import { DnsValidatedCertificate } from "../modules/edge/certificate";
import { CloudflareOrigin } from "../modules/edge/cloudflare-origin";
import { CloudflareProtection } from "../modules/edge/cloudflare-protection";
import { CloudflareZone } from "../modules/edge/cloudflare-zone";
import { Distribution } from "../modules/edge/distribution";
import { HostedZone } from "../modules/edge/hosted-zone";
import { LogDeliveryPolicy } from "../modules/edge/log-delivery-policy";
import { ProviderScope } from "../modules/edge/provider-scope";
import { RestApi } from "../modules/edge/rest-api";
import { UserPool } from "../modules/edge/user-pool";
import { ViewerAuthFunction } from "../modules/edge/viewer-auth-function";
import { WafLogging } from "../modules/edge/waf-logging";
import { WebAcl } from "../modules/edge/web-acl";
import { serviceKeyUse } from "../modules/kms/key-grants";
import { KmsKey } from "../modules/kms/kms-key";
import { LogGroup } from "../modules/logs/log-group";
import { GeneratedSecret } from "../modules/secrets/generated-secret";
import { PrivateBucket } from "../modules/storage/private-bucket";
import { COMPUTE, type ComputeStack } from "./compute-stack";
import { consume, defineContract, publish } from "./contracts";
import { DATA, type DataStack } from "./data-stack";
import { LayerStack, type LayerStackProps } from "./layer-stack";
import { NETWORK, type NetworkStack } from "./network-stack";

/** Props of the edge layer. */
export interface EdgeStackProps extends LayerStackProps {
  /** Read for the logs key of the REST API's log groups. */
  readonly network: NetworkStack;
  /** Read only for origin secrets (its key encrypts them). */
  readonly data?: DataStack;
  /** Read for the functions the REST API and the Cloudflare endpoint front. */
  readonly compute?: ComputeStack;
}

/** The header CloudFront adds towards custom origins and the REST API, with a generated secret value. */
const ORIGIN_HEADER = "X-Origin-Verify";

/** Where CloudFront reads certificates, web ACLs and its logs' configuration. */
const CLOUDFRONT_REGION = "us-east-1";

/** Why a site bucket of a deployment outside us-east-1 has no server access logs (docs/observability.md, "Left for later"). */
const EDGE_CODE_BUCKET_LOG_EXEMPTION = "S3 delivers server access logs only into a bucket of the source bucket's region, and this account has no us-east-1 access-log bucket (no state stack there); only the release pipeline writes the Lambda@Edge packages, and CloudTrail records its UpdateFunctionCode calls";
const SITE_BUCKET_LOG_EXEMPTION = "S3 delivers server access logs only into a bucket of the source bucket's region, and this account has no us-east-1 access-log bucket (no state stack there); CloudFront, the bucket's only reader, logs every request it serves";

/** What the edge layer publishes for observability; maps are keyed by the distribution's config id. */
export const EDGE = defineContract("edge", {
  distribution_ids: { kind: "map", description: "Id of each CloudFront distribution (DistributionId metric dimension)" },
  distribution_arns: { kind: "map", description: "ARN of each distribution" },
  distribution_domain_names: { kind: "map", description: "*.cloudfront.net name of each distribution" },
  web_acl_arn: { kind: "string", description: "CLOUDFRONT-scope web ACL in front of every distribution (us-east-1); empty without distributions" },
  zone_id: { kind: "string", description: "Route 53 zone of the deployment's domain; empty without one" },
  user_pool_id: { kind: "string", description: "Cognito user pool of the internal frontend; empty without one" },
  user_pool_client_id: { kind: "string", description: "App client of the authorization-code flow; empty without a pool" },
  cloudflare_zone_id: { kind: "string", description: "Cloudflare zone in front of the endpoint; empty without Cloudflare" },
  origin_secret_arns: { kind: "map", description: "Secret {header, value} each custom origin checks, by distribution id (Cloudflare: key Cloudflare)" },
  web_acl_metric_name: { kind: "string", description: "CloudWatch metric name of the CLOUDFRONT-scope web ACL (WebACL dimension of AWS/WAFV2 in us-east-1); empty without distributions" },
  rest_api_ids: { kind: "map", description: "Id of the REST API, keyed by the function it fronts" },
  rest_api_names: { kind: "map", description: "Name of the REST API (ApiName metric dimension), keyed by the function it fronts" },
  rest_api_stage_names: { kind: "map", description: "Stage of the REST API (Stage metric dimension), keyed by the function it fronts" },
  rest_api_stage_arns: { kind: "map", description: "ARN of the REST API's stage, keyed by the function it fronts" },
  web_acl_names: { kind: "map", description: "WAF web ACL names: key CloudFront (CLOUDFRONT scope, us-east-1) and the REST API's key (REGIONAL, its stage)" },
});

/**
 * Edge layer (docs/edge.md): one CLOUDFRONT-scope web ACL, and per
 * distribution a us-east-1 certificate validated in the deployment's zone,
 * the distribution, its alias records and access logs, and its origin (a
 * private bucket read through OAC, a custom origin's secret header, or the
 * REST API); the REST API in front of a compute function; the Cognito pool;
 * the Cloudflare zone with its protection rulesets and the route to the
 * origin function's URL. Everything CloudFront reads lives in us-east-1
 * under one edge key.
 */
export class EdgeStack extends LayerStack {
  constructor(scope: Construct, props: EdgeStackProps) {
    super(scope, "edge", props);
    const d = this.deployment;
    const e = d.edge;
    const secretKeyArn = () => consume(this, DATA, props.data!).get("data_kms_key_arn");
    const originSecret = (id: string, name: string, header: string) => {
      if (!this.node.tryFindChild("random")) new RandomProvider(this, "random");
      const secret = new GeneratedSecret(this, id, {
        name, description: `${header} value only the edge sends; the origin refuses requests without it`,
        kmsKeyArn: secretKeyArn(), recoveryWindowDays: d.deletionProtection ? 30 : 7, preventDestroy: d.deletionProtection, specialCharacters: "-_",
      });
      secret.storeJson("value", { header });
      return secret;
    };
    const apiSecret = e.api && originSecret("ApiOriginSecret", e.api.originSecretName, ORIGIN_HEADER);
    const api = e.api && this.restApi(props, apiSecret!.value);
    const zone = e.zone && new HostedZone(this, "Zone", { name: e.zone.name, existingZoneId: e.zone.existingZoneId, protect: e.protect });
    const distributions = new Map<string, Distribution>();
    const secrets: Record<string, string> = {};
    let webAclArn = "";
    let webAclMetricName = "";
    if (e.waf && e.distributions.length > 0) {
      const global = new Construct(this, "CloudFront");
      const cloudFront = this.providerFor({ region: CLOUDFRONT_REGION });
      // In us-east-1 deployments that is the default provider, which resources name by leaving it unset.
      if (cloudFront !== this.aws) Aspects.of(global).add(new ProviderScope(cloudFront));
      const acl = new WebAcl(global, "WebAcl", { name: e.waf.name, scope: "CLOUDFRONT", managedRuleGroups: e.waf.managedRuleGroups, rateLimit: e.waf.rateLimit, rateWindowSeconds: e.waf.rateWindowSeconds });
      webAclArn = acl.arn;
      webAclMetricName = acl.metricName;
      for (const x of e.distributions) {
        const secret = x.origin.kind === "host" ? originSecret(`${x.id}OriginSecret`, x.origin.originSecretName, ORIGIN_HEADER) : x.origin.kind === "api" ? apiSecret : undefined;
        if (secret) secrets[x.id] = secret.secretArn;
        const certificateArn = x.certificateArn ?? new DnsValidatedCertificate(global, `${x.id}Certificate`, { domainName: x.hostname, zoneId: zone!.zoneId }).arn;
        const viewerAuth = x.viewerAuth && new ViewerAuthFunction(global, `${x.id}ViewerAuth`, {
          ...x.viewerAuth, rolePath: `/${d.name}/`, logRetentionDays: e.logRetentionDays, protect: e.protect,
          codeAccessLogs: this.usEast1AccessLogs(EDGE_CODE_BUCKET_LOG_EXEMPTION),
          accountId: this.accountId, partition: this.partition, hostname: x.hostname,
        });
        const distribution = new Distribution(global, x.id, {
          name: `${d.name}-${x.id}`, hostname: x.hostname, certificateArn, webAclArn: acl.arn, paths: x.paths, cacheByDefault: x.origin.kind !== "api",
          viewerRequestFunctionArn: viewerAuth?.qualifiedArn,
          origin: x.origin.kind === "site"
            ? { kind: "s3", domainName: `${x.origin.bucketName}.s3.${CLOUDFRONT_REGION}.amazonaws.com`, spa: x.origin.spa }
            : {
              kind: "custom", domainName: x.origin.kind === "host" ? x.origin.host : api!.originDomain,
              readTimeoutSeconds: x.origin.readTimeoutSeconds, secretHeader: { name: ORIGIN_HEADER, value: secret!.value },
            },
        });
        distributions.set(x.id, distribution);
        if (zone) new AliasRecords(this, `${x.id}Records`, { zoneId: zone.zoneId, name: x.hostname, target: { dnsName: distribution.domainName, zoneId: distribution.hostedZoneId } });
      }
      this.cloudFrontLogsAndSites(global, acl.arn, distributions);
    }
    const pool = e.userPool && new UserPool(this, "UserPool", e.userPool);
    let cloudflareZoneId = "";
    if (e.cloudflare) {
      const c = e.cloudflare;
      this.cloudflare();
      const accountId = c.zone.zoneId || c.zone.accountId ? c.zone.accountId : new TerraformVariable(this, "cloudflare_account_id", {
        type: "string", description: "Cloudflare account the zone is created in (TF_VAR_cloudflare_account_id from the delivery workflow)",
      }).stringValue;
      const cfZone = new CloudflareZone(this, "CloudflareZone", { name: c.zone.name, zoneId: c.zone.zoneId, accountId, protect: e.protect });
      cloudflareZoneId = cfZone.zoneId;
      // Config validation guarantees the origin function, its URL and its secret in the compute layer.
      const compute = consume(this, COMPUTE, props.compute!);
      new CloudflareOrigin(this, "CloudflareOrigin", { zoneId: cfZone.zoneId, hostname: c.endpoint, originHost: compute.entry("function_url_hosts", c.origin.function) });
      // One secret for both sides: the receiver's (compute-owned, generated) value, read here for the header rule.
      // Cloudflare keeps rule values in its state anyway; the edge state holds it too, encrypted like every state.
      secrets.Cloudflare = compute.entry("function_secret_arns", c.origin.secret);
      const secretValue = new DataAwsSecretsmanagerSecretVersion(this, "CloudflareOriginSecret", { secretId: secrets.Cloudflare });
      new CloudflareProtection(this, "CloudflareProtection", {
        zoneId: cfZone.zoneId, hostname: c.endpoint, allowedMethods: c.allowedMethods, rateLimit: c.rateLimit,
        managedRuleset: c.managedRuleset, originHeader: { name: c.origin.header, value: Fn.lookup(Fn.jsondecode(secretValue.secretString), "value") },
      });
    }
    const byId = (value: (x: Distribution) => string) => Object.fromEntries([...distributions].map(([id, x]) => [id, value(x)]));
    const byApi = (value: (x: RestApi) => string) => (api ? { [e.api!.function.name]: value(api) } : {});
    publish(this, EDGE, {
      rest_api_ids: byApi((x) => x.id), rest_api_names: byApi((x) => x.name), rest_api_stage_names: byApi((x) => x.stageName), rest_api_stage_arns: byApi((x) => x.stageArn),
      web_acl_names: { ...(e.waf ? { CloudFront: e.waf.name } : {}), ...byApi((x) => x.webAclName) },
      distribution_ids: byId((x) => x.id), distribution_arns: byId((x) => x.arn), distribution_domain_names: byId((x) => x.domainName),
      web_acl_arn: webAclArn, zone_id: zone?.zoneId ?? "",
      user_pool_id: pool?.userPoolId ?? "", user_pool_client_id: pool?.clientId ?? "",
      cloudflare_zone_id: cloudflareZoneId, origin_secret_arns: secrets, web_acl_metric_name: webAclMetricName,
    });
  }

  /**
   * The REST API in front of its compute function (through the alias when
   * it has one), with the authorizer function where configured; its logs
   * use the deployment's logs key, its web ACL requires CloudFront's header.
   */
  /**
   * Server access logs of a bucket the edge keeps in us-east-1: S3 logs only into a bucket of the source's own region, and
   * the account has an access-log bucket there only where a deployment runs there; elsewhere the bucket carries `exemption`.
   */
  private usEast1AccessLogs(exemption: string): { readonly bucket: string } | { readonly exemption: string } {
    return this.deployment.region === CLOUDFRONT_REGION ? { bucket: this.accessLogBucket } : { exemption };
  }

  private restApi(props: EdgeStackProps, originSecretValue: string): RestApi {
    const e = this.deployment.edge;
    const a = e.api!;
    // Config validation guarantees the compute functions named here, and a distribution (with the web ACL settings) in front.
    const compute = consume(this, COMPUTE, props.compute!);
    const target = (f: ApiFunction) => ({
      invokeArn: compute.entry(f.alias ? "function_alias_invoke_arns" : "function_invoke_arns", f.name),
      functionName: compute.entry("function_names", f.name), functionQualifier: f.alias,
    });
    const fn = target(a.function);
    const logsKeyArn = consume(this, NETWORK, props.network).get("logs_kms_key_arn");
    const api = new RestApi(this, "RestApi", {
      name: a.name, stageName: a.stageName, invokeArn: fn.invokeArn, functionName: fn.functionName, functionQualifier: fn.functionQualifier,
      integrationTimeoutMs: a.integrationTimeoutMs, throttling: a.throttling,
      kmsKeyArn: logsKeyArn, logRetentionDays: e.logRetentionDays, protect: e.protect,
      originHeader: { name: ORIGIN_HEADER, value: originSecretValue },
      waf: { name: a.webAclName, managedRuleGroups: e.waf!.managedRuleGroups, rateLimit: e.waf!.rateLimit },
      authorizer: a.authorizer && { ...target(a.authorizer.function), resultTtlSeconds: a.authorizer.resultTtlSeconds },
    });
    // The regional web ACL logs like the CloudFront one, in the deployment's region under its logs key.
    const wafLogs = new LogGroup(this, "ApiWafLogs", { name: a.wafLogGroupName, retentionDays: e.logRetentionDays, kmsKeyArn: logsKeyArn, deletionProtection: e.protect }).logGroup.arn;
    const delivery = new LogDeliveryPolicy(this, "ApiLogDelivery", {
      name: `${a.name}-log-delivery`, logGroupArns: [wafLogs], accountId: this.accountId, region: this.deployment.region, partition: this.partition,
    }).policy;
    new WafLogging(this, "ApiWafLogging", { webAclArn: api.webAclArn, logGroupName: a.wafLogGroupName, logGroupArn: wafLogs, deliveryPolicy: delivery });
    return api;
  }

  /**
   * The us-east-1 parts created after the distributions they name: the edge
   * key (CloudWatch Logs there, and CloudFront reading each site bucket for
   * exactly its distribution), the WAF and access log groups with one
   * delivery policy, and the site buckets.
   */
  private cloudFrontLogsAndSites(global: Construct, webAclArn: string, distributions: ReadonlyMap<string, Distribution>): void {
    const d = this.deployment;
    const e = d.edge;
    const sites = e.distributions.filter((x): x is DistributionSettings & { origin: { kind: "site" } } => x.origin.kind === "site");
    const logsArn = `arn:${this.partition}:logs:${CLOUDFRONT_REGION}:${this.accountId}:log-group:*`;
    const key = new KmsKey(global, "EdgeKey", {
      alias: `${d.name}/edge`, description: `${d.name}: CloudFront-side logs and site buckets (${CLOUDFRONT_REGION})`,
      accountId: this.accountId, partition: this.partition, preventDestroy: e.protect,
      grants: [
        serviceKeyUse({ sid: "CloudFrontSideLogsUse", service: `logs.${CLOUDFRONT_REGION}.amazonaws.com`, encryptionContext: { key: "aws:logs:arn", arnLike: logsArn } }),
        ...(sites.length === 0 ? [] : [{
          Sid: "CloudFrontReadsSites", Effect: "Allow" as const, Principal: { Service: "cloudfront.amazonaws.com" }, Action: ["kms:Decrypt"], Resource: "*",
          Condition: { StringEquals: { "aws:SourceArn": sites.map((x) => distributions.get(x.id)!.arn) } },
        }]),
      ],
    });
    const group = (id: string, name: string) => new LogGroup(global, id, { name, retentionDays: e.logRetentionDays, kmsKeyArn: key.arn, deletionProtection: e.protect }).logGroup.arn;
    const wafLogs = group("WafLogs", e.waf!.logGroupName);
    const accessLogs = new Map(e.distributions.map((x) => [x.id, group(`${x.id}AccessLogs`, x.logGroupName)]));
    const policy = new LogDeliveryPolicy(global, "LogDelivery", {
      name: `${d.name}-edge-log-delivery`, logGroupArns: [wafLogs, ...accessLogs.values()],
      accountId: this.accountId, region: CLOUDFRONT_REGION, partition: this.partition,
    }).policy;
    new WafLogging(global, "WafLogging", { webAclArn, logGroupName: e.waf!.logGroupName, logGroupArn: wafLogs, deliveryPolicy: policy });
    for (const x of e.distributions) {
      new AccessLogs(global, `${x.id}Logs`, { name: `${d.name}-${x.id}`, distributionArn: distributions.get(x.id)!.arn, logGroupArn: accessLogs.get(x.id)!, deliveryPolicy: policy });
    }
    for (const x of sites) {
      new PrivateBucket(global, `${x.id}Site`, {
        bucketName: x.origin.bucketName, kmsKeyArn: key.arn, preventDestroy: e.protect,
        accessLogs: this.usEast1AccessLogs(SITE_BUCKET_LOG_EXEMPTION),
        policyStatements: [{
          Sid: "CloudFrontReads", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject",
          Resource: `arn:${this.partition}:s3:::${x.origin.bucketName}/*`,
          Condition: { StringEquals: { "aws:SourceArn": distributions.get(x.id)!.arn } },
        }],
      });
    }
  }
}
