import { z } from "zod";
import { overlaps, parseCidr } from "../lib/cidr";
import { stateBackendFor } from "../lib/state-backend";
import { LAYERS } from "../stacks/layers";
import { ACCOUNTS, type AccountInput } from "./accounts";
import type { LayerContext } from "./context";
import { type AccountRef, type Deployment, type DeploymentBase, deploymentBaseSchema, type LayerSettings } from "./deployment";
import { ConfigError, type ConfigProblem } from "./errors";
import { fieldMessages } from "./fields";
import { LAYER_CONFIGS } from "./layers";
import { type NameOwner, NameRegistry } from "./names";
import { belowProductionFloors } from "./floors";
import { PRESETS } from "./presets";
import { ReferenceRegistry } from "./refs";

/** Schema of one deployment as written in `config/systems/<system>/`: the base plus one section per layer. */
export const deploymentInputSchema = deploymentBaseSchema.extend(
  Object.fromEntries(LAYER_CONFIGS.map((l) => [l.layer, l.schema])) as { [L in (typeof LAYER_CONFIGS)[number] as L["layer"]]: L["schema"] },
);

/** A deployment as its system files write it (preset fields and defaulted sections optional). */
export type DeploymentInput = z.input<typeof deploymentInputSchema>;

/**
 * Validates raw deployment configs and applies environment presets, in
 * three steps that all report into one list: the schema of each deployment;
 * each layer's resolver in apply order, with the reference and name
 * registries; then rules across deployments (names in a shared account,
 * CIDRs, unique deployment names). Throws one ConfigError carrying every
 * problem, before any construct is built. `names` receives every name the
 * deployments create (tests read it back).
 */
export function resolveDeployments(inputs: readonly unknown[], accounts: readonly AccountInput[] = ACCOUNTS, names = new NameRegistry()): Deployment[] {
  const problems: ConfigProblem[] = [];
  const accountRefs = resolveAccounts(accounts, problems);
  const stateStacks = new Set<string>();
  const resolved: Deployment[] = [];
  const labels = new Set<string>();
  inputs.forEach((input, index) => {
    const label = labelOf(input, index);
    if (labels.has(label)) {
      problems.push({ deployment: label, field: "name", value: label, allowed: "deployment names (<system>-<environment>) must be unique" });
      return;
    }
    labels.add(label);
    const parsed = deploymentInputSchema.safeParse(input, { error: fieldMessages });
    if (!parsed.success) {
      problems.push(...schemaProblems(label, input, parsed.error));
      return;
    }
    const d = parsed.data;
    const registered = accountRefs.get(d.account);
    if (!registered) {
      problems.push({ deployment: label, field: "account", value: d.account, allowed: `must name an account of config/accounts.ts (${[...accountRefs.keys()].join(", ")})` });
      return;
    }
    const { ref: account, environments } = registered;
    if (!environments.includes(d.environment)) {
      problems.push({
        deployment: label, field: "account", value: d.account,
        allowed: `hosts ${environments.join(" and ")} deployments only (config/accounts.ts); a ${d.environment} deployment there would share the account's blast radius, quotas and IAM`,
      });
    }
    const preset = PRESETS[d.environment];
    const base: DeploymentBase = {
      name: label, system: d.system, environment: d.environment, stage: d.preview === undefined ? d.environment : `pr-${d.preview}`, region: d.region, account, preset,
      multiAz: d.multiAz ?? preset.multiAz,
      deletionProtection: d.deletionProtection ?? preset.deletionProtection,
      backupRetentionDays: d.backupRetentionDays ?? preset.backupRetentionDays,
      logRetentionDays: d.logRetentionDays ?? preset.logRetentionDays,
      acceptedRisks: d.acceptedRisks ?? {},
    };
    problems.push(...belowProductionFloors(base).map((p) => ({ deployment: label, ...p })));
    const refs = new ReferenceRegistry(label, LAYERS);
    const owner = { deployment: label, account: account.name, region: d.region };
    registerStateNames(account, d.region, owner, names, stateStacks);
    const settings: Record<string, unknown> = {};
    const layers: (keyof LayerSettings)[] = [];
    for (const config of LAYER_CONFIGS) {
      const ctx: LayerContext = {
        deployment: base,
        problem: (field, value, allowed) => problems.push({ deployment: label, field, value, allowed }),
        define: (kind, id, field) => {
          const duplicate = refs.define(kind, id, config.layer, field);
          if (duplicate) problems.push(duplicate);
        },
        use: (kinds, id, field) => refs.use(kinds, id, config.layer, field),
        idsOf: (kind) => refs.idsOf(kind),
        // Filled in apply order, so only earlier layers are there when a resolver asks.
        settingsOf: <L extends keyof LayerSettings>(layer: L) => settings[layer] as LayerSettings[L] | undefined,
        name: (kind, name, field, value) => names.register(kind, name, owner, field, value),
      };
      // Each config resolves its own section; the cast joins the per-layer types the tuple keeps apart.
      const layerSettings = (config.resolve as (p: unknown, c: LayerContext) => unknown)(d[config.layer], ctx);
      settings[config.layer] = layerSettings;
      if ((config.used as (s: unknown) => boolean)(layerSettings)) layers.push(config.layer);
    }
    problems.push(...refs.check());
    resolved.push({ ...base, ...(settings as unknown as LayerSettings), layers });
  });
  problems.push(...names.check(), ...crossDeploymentProblems(resolved));
  if (problems.length > 0) throw new ConfigError(problems);
  return resolved;
}

const accountName = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

/**
 * Checks the accounts registry (name format, one id per account, no id twice)
 * before any deployment refers to it.
 */
function resolveAccounts(accounts: readonly AccountInput[], problems: ConfigProblem[]): Map<string, { ref: AccountRef; environments: readonly string[] }> {
  const refs = new Map<string, { ref: AccountRef; environments: readonly string[] }>();
  accounts.forEach((a, i) => {
    const problem = (field: string, value: unknown, allowed: string) => problems.push({ deployment: `config/accounts.ts[${i}]`, field, value, allowed });
    if (!accountName.test(a.name)) problem("name", a.name, "must be 3-32 characters of lowercase letters, digits and hyphens, starting with a letter");
    if (a.id !== undefined && !/^\d{12}$/.test(a.id)) problem("id", a.id, "must be a 12-digit AWS account id");
    if (refs.has(a.name)) problem("name", a.name, "must be unique (one name, one account)");
    const sameId = accounts.findIndex((o) => a.id !== undefined && o.id === a.id);
    if (sameId >= 0 && sameId !== i) problem("id", a.id, `is already account ${accounts[sameId].name}; one id, one name`);
    if (a.environments.length === 0) problem("environments", a.environments, "must name at least one environment the account hosts");
    if (!refs.has(a.name)) refs.set(a.name, { ref: a.id === undefined ? { name: a.name } : { name: a.name, id: a.id }, environments: a.environments });
  });
  return refs;
}

/**
 * Registers the names the state stack of an account and region creates
 * (stacks/state-stack.ts), once per pair, on the first deployment using it.
 */
function registerStateNames(account: AccountRef, region: string, owner: NameOwner, names: NameRegistry, seen: Set<string>): void {
  const backend = stateBackendFor(account, region);
  if (seen.has(backend.stackName)) return;
  seen.add(backend.stackName);
  names.register("s3-bucket", backend.bucket, owner, "account", account.name);
  names.register("dynamodb-table", backend.lockTable, owner, "account", account.name);
  names.register("kms-alias", backend.keyAlias, owner, "account", account.name);
}

/** Disjoint VPC ranges across deployments. Names shared in an account are the name registry's, deployment names checked on the way in. */
function crossDeploymentProblems(deployments: readonly Deployment[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  deployments.forEach((d, i) => {
    const earlier = deployments.slice(0, i);
    // Reported on both deployments: either may be the one that changed.
    for (const clash of earlier.filter((e) => overlaps(parseCidr(e.network.cidr)!, parseCidr(d.network.cidr)!))) {
      for (const [self, other] of [[d, clash], [clash, d]]) {
        problems.push({
          deployment: self.name, field: "network.cidr", value: self.network.cidr,
          allowed: `must not overlap ${other.name} (${other.network.cidr}); VPC ranges stay disjoint so any two can be peered`,
        });
      }
    }
  });
  return problems;
}

/** zod issues as problems; a misspelt key is reported at its own path, not at its parent object. */
function schemaProblems(label: string, input: unknown, error: z.ZodError): ConfigProblem[] {
  return error.issues.flatMap((issue) => {
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    const allowed = issue.code === "unrecognized_keys" ? "is not a known setting (check the spelling)" : issue.message;
    return paths.map((path) => ({ deployment: label, field: path.join(".") || "(root)", value: valueAt(input, path), allowed }));
  });
}

function labelOf(input: unknown, index: number): string {
  const raw = input as { system?: unknown; environment?: unknown; preview?: unknown } | null;
  return typeof raw?.system === "string" && typeof raw.environment === "string"
    ? `${raw.system}-${typeof raw.preview === "number" ? `pr-${raw.preview}` : raw.environment}`
    : `deployments[${index}]`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], input);
}
