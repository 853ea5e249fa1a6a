import { combine, fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, blocks } from "../../engine/values";

const PUBLIC_CANNED = ["public-read", "public-read-write", "authenticated-read"];
const PUBLIC_GROUPS = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

/** No bucket ACL grants access to everyone or every AWS account. */
export const S3NoPublicAcl: ResourceRule = {
  id: "S3.NoPublicAcl",
  scope: "resource",
  description: "No aws_s3_bucket_acl (or bucket acl argument) uses a public canned ACL or grants AllUsers/AuthenticatedUsers.",
  why: "AuthenticatedUsers means any AWS account in the world, not ours; public ACLs are the classic way buckets leak.",
  resourceTypes: ["aws_s3_bucket_acl", "aws_s3_bucket"],
  check(resource) {
    const acl = resource.attributes.acl;
    const grants = blocks(block(resource.attributes.access_control_policy)?.grant);
    return combine([
      typeof acl === "string" && PUBLIC_CANNED.includes(acl) ? fail(`acl is ${acl}`) : pass(),
      ...grants.map((g) => (PUBLIC_GROUPS.test(String(block(g.grantee)?.uri ?? "")) ? fail(`grant to ${String(block(g.grantee)?.uri)}`) : pass())),
    ]);
  },
};
