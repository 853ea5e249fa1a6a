/**
 * Usage the cost estimate (`npm run cost`) assumes where the synthesized
 * resources say nothing about volume. Every figure built on one of these
 * prints it beside the amount; change them here, per resource type, not in
 * the tool. Monthly figures, per resource.
 */
export const COST_ASSUMPTIONS = {
  /** GB processed by each NAT gateway. */
  natGbPerGateway: 100,
  /** GB through each interface endpoint. */
  interfaceEndpointGb: 10,
  /** Average load-balancer capacity units (ALB LCU / NLB NLCU) in use. */
  loadBalancerLcu: 1,
  /** Invocations and average duration of each Lambda function. */
  lambdaRequests: 1_000_000,
  lambdaDurationMs: 200,
  /** Requests to each API Gateway API. */
  apiRequests: 1_000_000,
  /** Data out and HTTPS requests of each CloudFront distribution. */
  cloudfrontGb: 100,
  cloudfrontRequests: 1_000_000,
  /** Requests and total data of each DynamoDB table (on demand). */
  dynamodbWrites: 1_000_000,
  dynamodbReads: 5_000_000,
  dynamodbStorageGb: 1,
  /** Requests to each SQS queue, publishes to each SNS topic, events on each bus, requests into each pipe, emails per SES identity. */
  queueRequests: 1_000_000,
  topicPublishes: 1_000_000,
  busEvents: 1_000_000,
  pipeRequests: 1_000_000,
  emails: 10_000,
  /** Stored data of each Aurora and Neptune cluster, its I/O; serverless capacity runs at its configured minimum. */
  clusterStorageGb: 20,
  clusterIoMillions: 10,
  /** GB ingested into each CloudWatch log group (kept a month on average). */
  logGbPerGroup: 0.5,
  /** Objects stored in each S3 bucket. */
  bucketGb: 10,
  /** Images kept per ECR repository (lifecycle rules cap them). */
  ecrGbPerRepository: 5,
  /** Backups held in each vault. */
  backupGb: 50,
  /** Requests to each WAF web ACL. */
  wafRequests: 1_000_000,
} as const;

export type CostAssumptions = typeof COST_ASSUMPTIONS;
