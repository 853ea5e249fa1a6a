import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEPLOYMENT_INPUTS } from "../../config";
import { ORGANIZATION, type OrganizationInput } from "../../config/organization";
import type { Deployment } from "../../config/deployment";
import type { Environment } from "../../config/presets";
import { resolveDeployments } from "../../config/resolve";
import { type StackManifest, stackOwners } from "../../lib/apply-order";
import { type StateBackendLocation, stateBackendFor } from "../../lib/state-backend";
import { scopeStackName } from "../../stacks/layers";
import { OpsError } from "./errors";

/** Root of the repository (scripts/ops/ is two levels down). */
export const REPO_ROOT = resolve(__dirname, "..", "..");

/** Where provider lock files are committed: `locks/<stack>/.terraform.lock.hcl`. */
export const LOCKS_DIR = join(REPO_ROOT, "locks");

/** What the scripts and workflows need to know about one synthesized stack. */
export interface StackInfo {
  readonly name: string;
  /** `state`: an account's bootstrap stack (local backend until migrated); `layer`: everything else. */
  readonly kind: "state" | "layer";
  /** The deployment whose credentials plan and apply it (the first sharing a state stack). */
  readonly deployment: string;
  /** Every deployment using the stack (several only for a shared state stack). */
  readonly deployments: readonly string[];
  readonly region: string;
  readonly account: string;
  /** Absolute path of the stack's working directory. */
  readonly dir: string;
  readonly dependencies: readonly string[];
  /** Environments of the deployments using the stack (a shared state stack can have two). */
  readonly environments: readonly Environment[];
  /** Provider names the stack requires (`aws`, `random`, `cloudflare`), sorted. */
  readonly providers: readonly string[];
  /** Output names the stack declares (its contract), sorted. */
  readonly outputs: readonly string[];
  /** For a state stack: the bucket and key its own state migrates to (README "State bootstrap"). */
  readonly stateBackend?: StateBackendLocation;
}

/** The validated deployments, exactly as `main.ts` resolves them. */
export function loadDeployments(): Deployment[] {
  return resolveDeployments(DEPLOYMENT_INPUTS);
}

/** Finds a deployment by name or fails listing the known ones. */
export function findDeployment(deployments: readonly Deployment[], name: string): Deployment {
  const found = deployments.find((d) => d.name === name);
  if (!found) throw new OpsError(`Unknown deployment: ${name}. Known deployments: ${deployments.map((d) => d.name).join(", ")}`);
  return found;
}

/** Reads `<outdir>/manifest.json`, failing with a hint when there is no synth output. */
export function readManifest(outdir: string): StackManifest {
  const file = join(outdir, "manifest.json");
  if (!existsSync(file)) throw new OpsError(`No ${file}: synthesize first (npm run synth), or drop --no-synth`);
  return JSON.parse(readFileSync(file, "utf8")) as StackManifest;
}

/**
 * Synthesizes the named deployments (all when empty) into `outdir` in a
 * fresh process, exactly as `npm run synth` does.
 */
export function synth(deploymentNames: readonly string[], outdir: string): void {
  const result = spawnSync(process.execPath, ["scripts/synth.mjs"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DEPLOYMENTS: deploymentNames.join(","), CDKTF_OUTDIR: resolve(outdir) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new OpsError(`Synth failed (exit ${result.status ?? result.signal}); nothing was planned or applied`);
}

/**
 * The organization's own stacks (its governance stack and the management
 * account's state stack) under the pseudo-deployment `<organization>-organization`
 * (the monitoring account's state and OAM sink stacks under `<organization>-monitoring`):
 * they belong to no deployment, plan with the management account's role
 * (`AWS_PLAN_ROLE_ARN_<ORGANIZATION>_ORGANIZATION`), count as production for
 * the plan gate, and are applied by an administrator, never by the apply
 * workflow (docs/governance.md).
 */
export function organizationStacks(org: OrganizationInput = ORGANIZATION): Map<string, Pick<Deployment, "name" | "region" | "account" | "environment">> {
  const owner = { name: `${org.name}-organization`, region: org.region, account: org.management, environment: "prod" as const };
  const stacks = new Map([[stateBackendFor(org.management, org.region).stackName, owner], [scopeStackName({ kind: "organization", organization: org.name }, "governance"), owner]]);
  if (org.observability) {
    // The OAM sink runs in the monitoring account: its own pseudo-deployment, planned with that account's role.
    const monitoring = { name: org.observability.monitoringAccount, id: org.accounts.find((a) => a.label === org.observability!.monitoringAccount)?.id };
    const sinkOwner = { name: `${org.name}-monitoring`, region: org.region, account: monitoring, environment: "prod" as const };
    stacks.set(stateBackendFor(monitoring, org.region).stackName, sinkOwner);
    stacks.set(scopeStackName({ kind: "organization", organization: org.name }, "observability"), sinkOwner);
  }
  return stacks;
}

/**
 * Describes every stack of the manifest: who owns it, where it runs, what it
 * depends on. Fails on a stack that belongs to no configured deployment
 * (nor to the organization), since nobody could say which credentials plan it.
 */
export function describeStacks(manifest: StackManifest, deployments: readonly Deployment[], outdir: string): Map<string, StackInfo> {
  const owners: Map<string, readonly Pick<Deployment, "name" | "region" | "account" | "environment">[]> = stackOwners(manifest, deployments);
  for (const [name, owner] of organizationStacks()) if (name in manifest.stacks) owners.set(name, [owner]);
  const stateNames = new Set([...deployments, ...organizationStacks().values()].map((d) => stateBackendFor(d.account, d.region).stackName));
  const infos = new Map<string, StackInfo>();
  for (const [name, stack] of Object.entries(manifest.stacks)) {
    const owning = owners.get(name);
    if (!owning) throw new OpsError(`Stack ${name} belongs to no configured deployment; add it to a deployment or teach lib/apply-order.ts its owner`);
    const kind = stateNames.has(name) ? "state" : "layer";
    const json = readStackJson(outdir, stack.synthesizedStackPath ?? join("stacks", name, "cdk.tf.json"));
    infos.set(name, {
      name,
      kind,
      deployment: owning[0].name,
      deployments: owning.map((d) => d.name),
      region: owning[0].region,
      account: owning[0].account.name,
      dir: resolve(outdir, stack.workingDirectory ?? join("stacks", name)),
      dependencies: [...stack.dependencies],
      environments: [...new Set(owning.map((d) => d.environment))],
      providers: Object.keys(json.terraform?.required_providers ?? {}).sort(),
      outputs: Object.keys(json.output ?? {}).sort(),
      ...(kind === "state" ? { stateBackend: stateBackendFor(owning[0].account, owning[0].region) } : {}),
    });
  }
  return infos;
}

function readStackJson(outdir: string, path: string): { terraform?: { required_providers?: object }; output?: object } {
  return JSON.parse(readFileSync(resolve(outdir, path), "utf8")) as { terraform?: { required_providers?: object }; output?: object };
}

/**
 * Name of the repository variable holding a deployment's read-only plan
 * role, e.g. `AWS_PLAN_ROLE_ARN_COMMERCE_PROD` (GitHub variable names allow
 * only letters, digits and underscores).
 */
export function planRoleVariable(deployment: string): string {
  return `AWS_PLAN_ROLE_ARN_${deployment.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/**
 * The GitHub environment whose secrets plan jobs of a deployment's
 * Cloudflare stacks read (no reviewers; a read-only Cloudflare token), e.g.
 * `commerce-prod-plan`. Applies use the deployment's own environment.
 */
export function planEnvironment(deployment: string): string {
  return `${deployment}-plan`;
}

/** Name of the environment variable (set on the deployment's GitHub environment) holding its apply role. */
export const APPLY_ROLE_VARIABLE = "AWS_APPLY_ROLE_ARN";
