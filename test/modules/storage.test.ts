import { describe, expect, it } from "vitest";
import { PrivateBucket } from "../../modules/storage/private-bucket";
import { problemsOf } from "../support/modules";

const ALLOWED = "must be 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no .., no xn-- or sthree- prefix (S3 bucket names)";

describe("PrivateBucket", () => {
  it.each([
    ["length", "b".repeat(64)],
    ["upper case", "Media-Images"],
    ["trailing hyphen", "media-"],
    ["double dot", "media..images"],
    ["reserved prefix", "xn--media"],
  ])("refuses a bucket name with a bad %s", (_case, bucketName) => {
    expect(problemsOf((s) => new PrivateBucket(s, "Bucket", { bucketName, kmsKeyArn: "arn:key", preventDestroy: false, accessLogs: { bucket: "acct-us-east-1-access-logs" } })))
      .toEqual([`test/Bucket: bucketName = ${JSON.stringify(bucketName)}: ${ALLOWED}`]);
  });
});
