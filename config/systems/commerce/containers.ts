import type { ContainersInput } from "../types";

/**
 * The images of seed 004 ("ECR with image scanning"): the Go API and the
 * React web front end (nginx), one repository each per deployment, since dev
 * and staging share an account. Scan on push, immutable tags and KMS come
 * with every repository; the seed gives no lifecycle numbers, so untagged
 * images expire after 14 days and the newest 50 tagged ones are kept.
 */
export function containers(): ContainersInput {
  return {
    repositories: [{ id: "Api" }, { id: "Web" }],
  };
}
