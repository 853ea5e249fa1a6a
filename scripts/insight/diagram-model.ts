/**
 * The diagram of one deployment as data: nodes (components, grouped by
 * layer and subnet tier) and edges (references between components, across
 * stacks through the contracts, and security-group rules: who may reach
 * whom). diagram-kinds.ts says what each type is; mermaid.ts draws it.
 */
import type { ResourceView } from "../../policies/engine/types";
import { COMPONENTS, CONNECTORS, INBOUND_ATTRIBUTES, JUNCTIONS, NAME_ATTRIBUTES, SUPPORTING } from "./diagram-kinds";
import { keyOf, layerRank, type DeploymentStacks, type Located, type SynthModel } from "./synth-model";

export interface DiagramNode {
  readonly id: string;
  readonly layer: string;
  /** Subnet tier (`public`, `compute`, `data`...) the component sits in; undefined outside subnets. */
  readonly tier?: string;
  readonly label: string;
  readonly store: boolean;
  /** Names of the resources the node stands for, security groups merged into it included (sorted). */
  readonly represents: readonly string[];
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

export interface Diagram {
  readonly deployment: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** Id of the node standing for traffic from anywhere (an ingress rule open to 0.0.0.0/0). */
export const INTERNET = "internet";

/** Top-level attributes that say nothing about traffic (a function's code bucket is where its package is stored and a load balancer's access-log bucket where it writes logs, not what they serve). */
const IGNORED_ATTRIBUTES = new Set(["//", "depends_on", "lifecycle", "tags", "provider", "s3_bucket", "s3_key", "s3_object_version", "access_logs"]);

/** A node being built: folded components gather their names. */
interface Draft {
  id: string;
  layer: string;
  tier?: string;
  label: string;
  store: boolean;
  names: string[];
  /** Names of merged security groups, besides `names`. */
  merged: string[];
  folded: boolean;
}

/** Builds the diagram of one deployment from the synth. */
export function buildDiagram(model: SynthModel, deployment: DeploymentStacks): Diagram {
  const drafts = new Map<string, Draft>();
  const nodeOf = new Map<string, string>();
  const junctions = new Set<string>();
  const others = new Map<string, Map<string, number>>();
  const located: Located[] = deployment.stacks.flatMap((stack) => stack.all().filter((r) => r.mode === "resource").map((resource) => ({ stack, resource })));

  for (const item of located) {
    const { type } = item.resource;
    const layer = item.stack.layer!;
    const kind = COMPONENTS[type];
    if (kind) {
      const tier = tierOf(model, item);
      const id = kind.fold ? sanitize(`${layer}_${tier ?? "vpc"}_${type}`) : sanitize(`${layer}_${item.resource.name}`);
      const draft = drafts.get(id) ?? { id, layer, tier, label: kind.label, store: kind.store ?? false, names: [], merged: [], folded: kind.fold ?? false };
      draft.names.push(nameOf(item.resource));
      drafts.set(id, draft);
      nodeOf.set(keyOf(item), id);
    } else if (JUNCTIONS.has(type)) {
      junctions.add(keyOf(item));
      nodeOf.set(keyOf(item), keyOf(item));
    } else if (!CONNECTORS[type] && !SUPPORTING.has(type)) {
      const counts = others.get(layer) ?? new Map<string, number>();
      counts.set(type, (counts.get(type) ?? 0) + 1);
      others.set(layer, counts);
    }
  }

  mergeAttachedSecurityGroups(model, located, nodeOf, drafts);

  const edges: DiagramEdge[] = [];
  const nodesIn = (item: Located, value: unknown): string[] => model.resolve(item.stack, value).map((t) => nodeOf.get(keyOf(t))).filter((id): id is string => id !== undefined);
  for (const item of located) {
    const { type, attributes } = item.resource;
    const self = nodeOf.get(keyOf(item));
    const connector = CONNECTORS[type];
    if (connector) {
      const label = ruleLabel(attributes);
      const sources = attributes.cidr_ipv4 === "0.0.0.0/0" || attributes.cidr_ipv6 === "::/0" ? [INTERNET] : nodesIn(item, attributes[connector.from]);
      for (const from of sources) for (const to of nodesIn(item, attributes[connector.to])) edges.push({ from, to, label });
    } else if (self && !isSecurityGroup(item.resource)) {
      for (const [attribute, value] of Object.entries(attributes)) {
        if (IGNORED_ATTRIBUTES.has(attribute)) continue;
        for (const target of model.resolve(item.stack, value)) {
          const to = nodeOf.get(keyOf(target));
          if (!to || to === self || isSecurityGroup(target.resource)) continue;
          edges.push(INBOUND_ATTRIBUTES.has(attribute) ? { from: to, to: self } : { from: self, to });
        }
      }
    }
  }

  for (const [layer, counts] of others) {
    const id = sanitize(`${layer}_other`);
    const names = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `${type} ×${n}`);
    drafts.set(id, { id, layer, label: "other (unclassified types)", store: false, names, merged: [], folded: false });
  }
  const finalEdges = contract(edges, junctions);
  if (finalEdges.some((e) => e.from === INTERNET)) drafts.set(INTERNET, { id: INTERNET, layer: "", label: "internet", store: false, names: [], merged: [], folded: false });

  return { deployment: deployment.name, nodes: [...drafts.values()].map(finish).sort(byPlace), edges: finalEdges };
}

/**
 * A security group attached to exactly one component (a database's own
 * group) is drawn as that component, so rules read "orchestrator -> database".
 * Groups with no single owner (the network layer's workload groups before
 * the compute layer attaches them) stay nodes of their own.
 */
function mergeAttachedSecurityGroups(model: SynthModel, located: Located[], nodeOf: Map<string, string>, drafts: Map<string, Draft>): void {
  const owners = new Map<string, Set<string>>();
  const groupNames = new Map<string, string>();
  for (const item of located) {
    const self = nodeOf.get(keyOf(item));
    if (!self || isSecurityGroup(item.resource) || !COMPONENTS[item.resource.type]) continue;
    for (const target of model.resolve(item.stack, item.resource.attributes)) {
      if (!isSecurityGroup(target.resource)) continue;
      const key = keyOf(target);
      owners.set(key, (owners.get(key) ?? new Set()).add(self));
      groupNames.set(key, nameOf(target.resource));
    }
  }
  for (const [key, set] of owners) {
    if (set.size !== 1) continue;
    const group = nodeOf.get(key);
    if (group) drafts.delete(group);
    const owner = [...set][0];
    drafts.get(owner)?.merged.push(groupNames.get(key)!);
    nodeOf.set(key, owner);
  }
}

/** Joins edges through junctions (a -> junction -> b becomes a -> b), then removes loops and duplicates. */
function contract(edges: DiagramEdge[], junctions: ReadonlySet<string>): DiagramEdge[] {
  let current = edges;
  for (const junction of junctions) {
    const into = current.filter((e) => e.to === junction);
    const out = current.filter((e) => e.from === junction);
    const joined = into.flatMap((i) => out.map((o) => ({ from: i.from, to: o.to, label: i.label ?? o.label })));
    current = [...current.filter((e) => e.to !== junction && e.from !== junction), ...joined];
  }
  const labels = new Map<string, Set<string>>();
  for (const edge of current) {
    if (edge.from === edge.to) continue;
    const key = `${edge.from}\u0000${edge.to}`;
    const set = labels.get(key) ?? new Set<string>();
    if (edge.label) set.add(edge.label);
    labels.set(key, set);
  }
  return [...labels]
    .map(([key, set]) => {
      const [from, to] = key.split("\u0000");
      const label = [...set].sort().join(", ");
      return label ? { from, to, label } : { from, to };
    })
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** The subnet tier a component sits in: its subnets' `tier` tag, directly or through a subnet group. */
function tierOf(model: SynthModel, item: Located): string | undefined {
  const tiers = new Set<string>();
  for (const target of model.resolve(item.stack, item.resource.attributes)) {
    const subnets = target.resource.type.endsWith("subnet_group") ? model.resolve(target.stack, target.resource.attributes) : [target];
    for (const subnet of subnets) {
      const tier = subnet.resource.type === "aws_subnet" ? (subnet.resource.attributes.tags as Record<string, unknown> | undefined)?.tier : undefined;
      if (typeof tier === "string") tiers.add(tier);
    }
  }
  return [...tiers].sort()[0];
}

/** The name a reader knows a resource by: its name attribute, else its construct path's last part. */
function nameOf(resource: ResourceView): string {
  const a = resource.attributes;
  const tags = a.tags as Record<string, unknown> | undefined;
  for (const value of [...NAME_ATTRIBUTES.map((n) => a[n]), tags?.Name]) {
    if (typeof value === "string" && !value.includes("${")) return value.replace(/^com\.amazonaws\.[^.]+\./, "");
  }
  const path = ((a["//"] as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? resource.name).split("/");
  return path[path.length - 1];
}

/** `tcp 5432` for a security-group rule; undefined for other connectors. */
function ruleLabel(a: Readonly<Record<string, unknown>>): string | undefined {
  // Security-group rules only: a subscription's `protocol` (sqs, lambda) is no port.
  const protocol = a.ip_protocol ?? (a.from_port !== undefined ? a.protocol : undefined);
  if (protocol === undefined) return undefined;
  if (protocol === "-1" || protocol === "all") return "all traffic";
  return a.from_port === a.to_port ? `${String(protocol)} ${String(a.from_port)}` : `${String(protocol)} ${String(a.from_port)}-${String(a.to_port)}`;
}

const isSecurityGroup = (r: ResourceView): boolean => r.type === "aws_security_group";
const sanitize = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, "_");

function finish(d: Draft): DiagramNode {
  const names = [...d.names].sort();
  const label = d.folded ? `${d.label} ×${names.length}` : d.label;
  const detail = names.length ? `<br/>${names.join(", ")}` : "";
  const represents = d.id === INTERNET ? [] : [...new Set([...d.names, ...d.merged])].sort();
  return { id: d.id, layer: d.layer, ...(d.tier ? { tier: d.tier } : {}), label: `${label}${detail}`, store: d.store, represents };
}

function byPlace(a: DiagramNode, b: DiagramNode): number {
  return layerRank(a.layer) - layerRank(b.layer) || a.layer.localeCompare(b.layer) || (a.tier ?? "").localeCompare(b.tier ?? "") || a.id.localeCompare(b.id);
}
