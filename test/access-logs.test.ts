import { describe, expect, it } from "vitest";
import { ACCESS_LOG_RETENTION_DAYS, accessLogRetentionDays } from "../config/access-logs";
import { stateBackendFor } from "../lib/state-backend";
import { SUPPRESSIONS_KEY } from "../policies/suppress";
import { DEPLOYMENTS } from "./support/deployments";
import { byAttr, matching, policy, refBy, resources, stack, stackNames } from "./support/synth";

const ARN = "arn:${data.aws_partition.Partition.partition}";
const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const stateStacks = stackNames().filter((n) => n.endsWith("-state"));
const destinationName = (name: string) => `${name.slice(0, -"-state".length).replace("stackflow-prod-", "stackflow-prod-373544523367-")}-access-logs`;

describe.each(stateStacks)("%s: the access-log bucket of its account and region", (name) => {
  const s = () => stack(name);
  const bucketName = destinationName(name);
  const id = () => refBy(s(), "aws_s3_bucket", "bucket", bucketName, "id");
  const arn = () => refBy(s(), "aws_s3_bucket", "bucket", bucketName, "arn");
  const own = (type: string) => byAttr(s(), type, "bucket", id());

  it("is tagged as the destination, never destroyed, SSE-S3, versioned, private, owner-enforced", () => {
    expect(byAttr(s(), "aws_s3_bucket", "bucket", bucketName)).toMatchObject({
      force_destroy: false, lifecycle: { prevent_destroy: true }, tags: { "log-destination": "s3-server-access-logs" },
    });
    expect(own("aws_s3_bucket_server_side_encryption_configuration").rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
    expect(own("aws_s3_bucket_versioning").versioning_configuration).toEqual({ status: "Enabled" });
    expect(own("aws_s3_bucket_public_access_block")).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(own("aws_s3_bucket_ownership_controls").rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
    expect(matching(s(), "aws_s3_bucket_logging", (r) => r.bucket === id())).toEqual([]);
  });

  it("expires logs after the account's retention, old versions after 30 days", () => {
    const account = name.replace(/-[a-z]{2}-[a-z]+-\d-state$/, "");
    const days = ["stackflow-prod", "webhooks-prod", "axonflow-prod", "commerce-prod", "saas-prod-multi-tenant", "saas-management", "saas-monitoring"].includes(account)
      ? ACCESS_LOG_RETENTION_DAYS.production : ACCESS_LOG_RETENTION_DAYS.nonProduction;
    expect(accessLogRetentionDays(account)).toBe(days);
    expect(own("aws_s3_bucket_lifecycle_configuration").rule).toEqual([{
      id: "expire-access-logs", status: "Enabled", filter: [{ prefix: "" }], expiration: [{ days }],
      noncurrent_version_expiration: [{ noncurrent_days: 30 }], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
    }]);
  });

  it("lets only S3 log delivery write, for this account's buckets, and nothing over plain HTTP", () => {
    expect(policy(own("aws_s3_bucket_policy").policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn(), `${arn()}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
        {
          Sid: "S3ServerAccessLogsDelivery", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: `${arn()}/*`,
          Condition: { ArnLike: { "aws:SourceArn": `${ARN}:s3:::*` }, StringEquals: { "aws:SourceAccount": ACCOUNT } },
        },
      ],
    });
  });
});

describe("server access logging of every bucket in every stack", () => {
  /** The access-log bucket a stack's buckets log into: its state stack's (by reference) or its deployment's account and region's (by name). */
  const expectedTarget = (name: string): string => {
    if (name.endsWith("-state")) return refBy(stack(name), "aws_s3_bucket", "bucket", destinationName(name), "bucket");
    const d = DEPLOYMENTS.find((x) => name.startsWith(`${x.name}-`))!;
    return stateBackendFor(d.account, d.region).accessLogBucket;
  };
  const exempt = (b: Record<string, unknown>) =>
    ((b["//"] as Record<string, unknown> | undefined)?.[SUPPRESSIONS_KEY] as { rule: string }[] | undefined)?.some((x) => x.rule === "S3.AccessLogging") ?? false;

  it("logs each bucket into its account and region's access-log bucket under `<bucket name>/`, the destinations and the named exceptions aside", () => {
    const seen: string[] = [];
    const exceptions: string[] = [];
    for (const name of stackNames()) {
      const s = stack(name);
      for (const [id, b] of Object.entries(resources(s, "aws_s3_bucket"))) {
        if ((b.tags as Record<string, string> | undefined)?.["log-destination"] === "s3-server-access-logs") continue;
        if (exempt(b)) { exceptions.push(`${name}/${b.bucket as string}`); continue; }
        const logging = matching(s, "aws_s3_bucket_logging", (r) => r.bucket === `\${aws_s3_bucket.${id}.id}`);
        expect(logging, `${name}/${id}`).toEqual([expect.objectContaining({ target_bucket: expectedTarget(name), target_prefix: `${b.bucket as string}/` })]);
        expect(logging[0].provider, `${name}/${id}: same provider as its bucket`).toBe(b.provider);
        seen.push(`${name}/${b.bucket as string}`);
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(stateStacks.length + 8);
    // serverless-saas puts its site buckets and its Lambda@Edge code bucket in us-east-1 from eu-west-1; S3 logs only within a
    // region (docs/observability.md).
    const saas = DEPLOYMENTS.filter((d) => d.system === "serverless-saas");
    const sites = saas.flatMap((d) => d.edge.distributions.flatMap((x) => (x.origin.kind === "site" ? [`${d.name}-edge/${x.origin.bucketName}`] : [])));
    const edgeCode = saas.flatMap((d) => d.edge.distributions.flatMap((x) => (x.viewerAuth ? [`${d.name}-edge/${x.viewerAuth.codeBucketName}`] : [])));
    expect([sites.length, edgeCode.length]).toEqual([4, 2]);
    expect(exceptions.sort()).toEqual([...sites, ...edgeCode].sort());
  });

  it("has exactly one destination bucket per state stack, and none elsewhere", () => {
    for (const name of stackNames()) {
      const destinations = Object.values(resources(stack(name), "aws_s3_bucket")).filter((b) => (b.tags as Record<string, string> | undefined)?.["log-destination"] === "s3-server-access-logs");
      expect(destinations.map((b) => b.bucket), name).toEqual(name.endsWith("-state") ? [destinationName(name)] : []);
    }
  });
});
