import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Area } from "./mutants";

/** Which files each area mutates, and whether only their policy statements. */
export interface AreaFile {
  readonly area: Area;
  readonly file: string;
  readonly statementsOnly: boolean;
}

const tsFiles = (root: string, dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();

/**
 * - config: the systems' values (config/systems/**), what a deployment is.
 * - security: IAM and KMS modules whole (trust, grants, key policies), and
 *   the policy statements of every other module (bucket, queue, topic,
 *   flow-log and broker policies).
 * - wiring: the stacks (stacks/*), which module gets which props and which
 *   contract output.
 */
export function areaFiles(root: string): AreaFile[] {
  const whole = (dir: string) => !/^modules\/(iam|kms)\//.test(dir);
  return [
    ...tsFiles(root, "config/systems").map((file) => ({ area: "config" as const, file, statementsOnly: false })),
    ...tsFiles(root, "modules").map((file) => ({ area: "security" as const, file, statementsOnly: whole(file) })),
    ...tsFiles(root, "stacks").map((file) => ({ area: "wiring" as const, file, statementsOnly: false })),
  ];
}
