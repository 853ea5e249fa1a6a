import { requireOneOf } from "../../engine/checks";
import type { ResourceRule } from "../../engine/types";

/** Image tags cannot be overwritten. */
export const EcrImmutableTags: ResourceRule = {
  id: "ECR.ImmutableTags",
  scope: "resource",
  description: "aws_ecr_repository has image_tag_mutability IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION).",
  why: "With mutable tags, what `v1.4.2` runs can change under a deployed service; immutable tags make a deployed tag mean one image forever and make rollbacks trustworthy.",
  resourceTypes: ["aws_ecr_repository"],
  check: (repository) => requireOneOf(repository, "image_tag_mutability", ["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"], "MUTABLE by default"),
};
