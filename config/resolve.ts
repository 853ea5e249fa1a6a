import { overlaps, parseCidr } from "../lib/cidr";
import { MAX_BUCKET_NAME_LENGTH, stateBackendFor } from "../lib/state-backend";
import { ConfigError, ConfigProblem } from "./errors";
import type { Deployment } from "./deployment";
import { PRESETS } from "./presets";
import { resolveData } from "./resolve-data";
import { REGION_AZS } from "./regions";
import { deploymentInputSchema } from "./schema";

/**
 * Validates raw deployment configs and applies environment presets.
 * Every problem, per-field and cross-deployment, is gathered into one
 * ConfigError so a single synth run reports all of them.
 */
export function resolveDeployments(inputs: readonly unknown[]): Deployment[] {
  const problems: ConfigProblem[] = [];
  const resolved: Deployment[] = [];
  inputs.forEach((input, index) => {
    const label = labelOf(input, index);
    const parsed = deploymentInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // A misspelt key is reported at its own path, not at its parent object.
        const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
        const allowed = issue.code === "unrecognized_keys" ? "is not a known setting (check the spelling)" : issue.message;
        for (const path of paths) {
          problems.push({ deployment: label, field: path.join(".") || "(root)", value: valueAt(input, path), allowed });
        }
      }
      return;
    }
    const d = parsed.data;
    const preset = PRESETS[d.environment];
    const azCount = d.network.azCount ?? preset.azCount;
    const regionAzs = REGION_AZS[d.region];
    const stateBucket = stateBackendFor(d.account, d.region).bucket;
    if (stateBucket.length > MAX_BUCKET_NAME_LENGTH) {
      problems.push({
        deployment: label, field: "account.name", value: d.account.name,
        allowed: `is too long for the state bucket name ${stateBucket} (${stateBucket.length} > ${MAX_BUCKET_NAME_LENGTH} characters)`,
      });
    }
    const workloadNames = d.network.workloads.map((w) => w.name);
    d.network.workloads.forEach((w, i) => {
      if (workloadNames.indexOf(w.name) !== i) problems.push({ deployment: label, field: `network.workloads.${i}.name`, value: w.name, allowed: "must be unique" });
      w.ingressFrom.forEach((from, j) => {
        if (!workloadNames.includes(from.workload)) {
          problems.push({ deployment: label, field: `network.workloads.${i}.ingressFrom.${j}.workload`, value: from.workload, allowed: `must name a workload of network.workloads (${workloadNames.join(", ")})` });
        }
      });
    });
    const multiAz = d.multiAz ?? preset.multiAz;
    const deletionProtection = d.deletionProtection ?? preset.deletionProtection;
    const backupRetentionDays = d.backupRetentionDays ?? preset.backupRetentionDays;
    const duplicateEndpoints = d.network.interfaceEndpoints.filter((s, i, all) => all.indexOf(s) !== i);
    if (duplicateEndpoints.length > 0) {
      problems.push({ deployment: label, field: "network.interfaceEndpoints", value: duplicateEndpoints, allowed: "each service may be listed once" });
    }
    resolved.push({
      name: label,
      system: d.system,
      environment: d.environment,
      region: d.region,
      account: d.account,
      network: {
        cidr: d.network.cidr,
        azs: regionAzs.slice(0, azCount),
        nat: d.network.nat ?? preset.nat,
        interfaceEndpoints: [...d.network.interfaceEndpoints].sort(),
        workloads: d.network.workloads,
      },
      data: resolveData(d.data, {
        label, system: d.system, environment: d.environment, multiAz, deletionProtection, backupRetentionDays, workloads: workloadNames,
      }, problems),
      multiAz,
      deletionProtection,
      backupRetentionDays,
      logRetentionDays: d.logRetentionDays ?? preset.logRetentionDays,
    });
  });
  problems.push(...crossDeploymentProblems(resolved));
  if (problems.length > 0) throw new ConfigError(problems);
  return resolved;
}

/** Rules that compare deployments: unique names, disjoint CIDRs, one id per account. */
function crossDeploymentProblems(deployments: readonly Deployment[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  deployments.forEach((d, i) => {
    const earlier = deployments.slice(0, i);
    if (earlier.some((e) => e.name === d.name)) {
      problems.push({ deployment: d.name, field: "name", value: d.name, allowed: "deployment names (<system>-<environment>) must be unique" });
    }
    const clash = earlier.find((e) => overlaps(parseCidr(e.network.cidr)!, parseCidr(d.network.cidr)!));
    if (clash) {
      problems.push({
        deployment: d.name, field: "network.cidr", value: d.network.cidr,
        allowed: `must not overlap ${clash.name} (${clash.network.cidr}); VPC ranges stay disjoint so any two can be peered`,
      });
    }
    const sameName = earlier.find((e) => e.account.name === d.account.name && e.account.id !== d.account.id);
    if (sameName) {
      problems.push({
        deployment: d.name, field: "account.id", value: d.account.id,
        allowed: `account "${d.account.name}" is ${JSON.stringify(sameName.account.id)} in ${sameName.name}; one account name, one id`,
      });
    }
    const sameId = earlier.find((e) => d.account.id !== undefined && e.account.id === d.account.id && e.account.name !== d.account.name);
    if (sameId) {
      problems.push({
        deployment: d.name, field: "account.name", value: d.account.name,
        allowed: `account id ${d.account.id} is named "${sameId.account.name}" in ${sameId.name}; one id, one name`,
      });
    }
  });
  return problems;
}

function labelOf(input: unknown, index: number): string {
  const raw = input as { system?: unknown; environment?: unknown } | null;
  return typeof raw?.system === "string" && typeof raw.environment === "string"
    ? `${raw.system}-${raw.environment}`
    : `deployments[${index}]`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], input);
}
