/**
 * The price table `npm run cost` uses: AWS on-demand list prices in USD for
 * us-east-1, for the resource types the platform emits. Dated, with its
 * source: a test fails once `date` is more than a year old, so the table is
 * re-read (from the AWS Price List API or the pricing pages below) at least
 * yearly. Prices of other regions differ (Europe is typically 5-20% higher);
 * the estimate prints which region's rates it used.
 */
export const PRICE_TABLE = {
  date: "2026-11-25",
  region: "us-east-1",
  currency: "USD",
  source:
    "AWS public pricing pages (aws.amazon.com/<service>/pricing/: vpc, fargate, rds, rds/aurora, neptune, elasticache, " +
    "lambda, elasticloadbalancing, cloudfront, eks, ec2, kms, cloudwatch, secrets-manager, dynamodb, sqs, sns, eventbridge, " +
    "s3, api-gateway, route53, waf, backup, ses), on-demand, Linux, us-east-1; NAT and Fargate rates cross-checked on " +
    "2026 third-party summaries of the Price List API",
  hoursPerMonth: 730,
  unit: {
    natGatewayHour: 0.045,
    natGatewayGb: 0.045,
    publicIpv4Hour: 0.005,
    interfaceEndpointAzHour: 0.01,
    interfaceEndpointGb: 0.01,
    fargateVcpuHour: { x86_64: 0.04048, arm64: 0.03238 },
    fargateGbHour: { x86_64: 0.004445, arm64: 0.00356 },
    lambdaRequestMillion: 0.2,
    lambdaGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
    albHour: 0.0225,
    albLcuHour: 0.008,
    nlbHour: 0.0225,
    nlbLcuHour: 0.006,
    cloudfrontGb: 0.085,
    cloudfrontHttpsRequests10k: 0.01,
    httpApiRequestMillion: 1.0,
    restApiRequestMillion: 3.5,
    eksClusterHour: 0.1,
    rdsGp3GbMonth: 0.115,
    auroraStorageGbMonth: 0.1,
    auroraIoMillion: 0.2,
    auroraAcuHour: 0.12,
    neptuneStorageGbMonth: 0.1,
    neptuneIoMillion: 0.2,
    neptuneNcuHour: 0.1608,
    kmsKeyMonth: 1.0,
    logsIngestGb: 0.5,
    logsStoreGbMonth: 0.03,
    alarmMonth: 0.1,
    dashboardMonth: 3.0,
    secretMonth: 0.4,
    dynamodbWriteMillion: 0.625,
    dynamodbReadMillion: 0.125,
    dynamodbStorageGbMonth: 0.25,
    dynamodbWcuHour: 0.00065,
    dynamodbRcuHour: 0.00013,
    sqsStandardMillion: 0.4,
    sqsFifoMillion: 0.5,
    snsPublishMillion: 0.5,
    eventBusEventMillion: 1.0,
    pipesRequestMillion: 0.4,
    s3StandardGbMonth: 0.023,
    route53ZoneMonth: 0.5,
    wafAclMonth: 5.0,
    wafRuleMonth: 1.0,
    wafRequestMillion: 0.6,
    backupWarmGbMonth: 0.05,
    sesEmailThousand: 0.1,
    privateCaGeneralMonth: 400,
    privateCertificateMonth: 0.75,
    ecrStorageGbMonth: 0.1,
    cloudMapInstanceMonth: 0.1,
  },
  /** Hourly price per instance class, single-AZ (RDS Multi-AZ doubles it). */
  rdsInstanceHour: {
    "db.t3.micro": 0.018, "db.t3.small": 0.036, "db.t3.medium": 0.072, "db.t3.large": 0.145,
    "db.t4g.micro": 0.016, "db.t4g.small": 0.032, "db.t4g.medium": 0.065, "db.t4g.large": 0.129,
    "db.m7g.large": 0.168, "db.m6g.large": 0.152, "db.r6g.large": 0.225, "db.r7g.large": 0.239,
  } as Record<string, number>,
  auroraInstanceHour: {
    "db.t3.medium": 0.082, "db.t4g.medium": 0.073, "db.t4g.large": 0.146, "db.r6g.large": 0.26, "db.r7g.large": 0.276, "db.r7g.xlarge": 0.552,
  } as Record<string, number>,
  neptuneInstanceHour: { "db.t3.medium": 0.098, "db.t4g.medium": 0.088, "db.r6g.large": 0.313 } as Record<string, number>,
  elasticacheNodeHour: {
    "cache.t4g.micro": 0.016, "cache.t4g.small": 0.032, "cache.t4g.medium": 0.065, "cache.t3.micro": 0.017,
    "cache.m7g.large": 0.158, "cache.r6g.large": 0.206, "cache.r7g.large": 0.219,
  } as Record<string, number>,
  ec2InstanceHour: {
    "t3.medium": 0.0416, "t4g.small": 0.0168, "t4g.medium": 0.0336, "m6i.large": 0.096, "m7i.large": 0.1008, "m6g.large": 0.077,
    "m7g.large": 0.0816, "c7g.large": 0.0725, "r7g.large": 0.1071,
  } as Record<string, number>,
};

export type PriceTable = typeof PRICE_TABLE;
