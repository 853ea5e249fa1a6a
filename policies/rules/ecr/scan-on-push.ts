import { fail, pass } from "../../engine/outcome";
import type { ResourceRule } from "../../engine/types";
import { block, flag } from "../../engine/values";

/** Images are scanned for vulnerabilities when pushed. */
export const EcrScanOnPush: ResourceRule = {
  id: "ECR.ScanOnPush",
  scope: "resource",
  description: "aws_ecr_repository has image_scanning_configuration.scan_on_push = true, or the stack enables registry-wide enhanced scanning.",
  why: "A scan at push time reports known CVEs before an image reaches a cluster; without it nobody learns about them until an incident.",
  resourceTypes: ["aws_ecr_repository"],
  check(repository, stack) {
    if (flag(block(repository.attributes.image_scanning_configuration)?.scan_on_push) === true) return pass();
    // Enhanced (Inspector) scanning at registry level replaces per-repository basic scanning.
    if (stack.resources("aws_ecr_registry_scanning_configuration").some((r) => r.attributes.scan_type === "ENHANCED")) return pass();
    return fail("image_scanning_configuration.scan_on_push is not true and no enhanced registry scanning");
  },
};
