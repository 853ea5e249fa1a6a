/**
 * Writes a Diagram as a Mermaid flowchart (GitHub renders it inline): one
 * subgraph per layer, inside it one per subnet tier, data stores as
 * cylinders, security-group rules labelled with their port.
 */
import type { Diagram, DiagramEdge, DiagramNode } from "./diagram-model";

/** The flowchart text, without the Markdown fence. */
export function mermaid(diagram: Diagram): string {
  const lines = ["flowchart LR"];
  const layers = [...new Set(diagram.nodes.map((n) => n.layer))];
  for (const layer of layers) {
    const inLayer = diagram.nodes.filter((n) => n.layer === layer);
    if (!layer) {
      lines.push(...inLayer.map((n) => `  ${node(n)}`));
      continue;
    }
    lines.push(`  subgraph layer_${layer}["${layer}"]`);
    lines.push(...inLayer.filter((n) => !n.tier).map((n) => `    ${node(n)}`));
    for (const tier of [...new Set(inLayer.flatMap((n) => (n.tier ? [n.tier] : [])))]) {
      lines.push(`    subgraph ${layer}_tier_${tier}["${tier} subnets"]`);
      lines.push(...inLayer.filter((n) => n.tier === tier).map((n) => `      ${node(n)}`));
      lines.push("    end");
    }
    lines.push("  end");
  }
  lines.push(...diagram.edges.map((e) => `  ${edge(e)}`));
  return `${lines.join("\n")}\n`;
}

/** The Markdown page of one deployment's diagram. */
export function diagramPage(diagram: Diagram): string {
  return [
    `# ${diagram.deployment}`,
    "",
    "Generated from the synthesized stacks by `npm run diagram`; do not edit (a test fails when it is stale).",
    "Arrows follow the traffic: references between components and security-group rules (labelled with their port).",
    "",
    "```mermaid",
    mermaid(diagram).trimEnd(),
    "```",
    "",
  ].join("\n");
}

const text = (label: string): string => `"${label.replace(/"/g, "#quot;")}"`;

function node(n: DiagramNode): string {
  if (n.id === "internet") return `${n.id}((${text(n.label)}))`;
  return n.store ? `${n.id}[(${text(n.label)})]` : `${n.id}[${text(n.label)}]`;
}

function edge(e: DiagramEdge): string {
  return e.label ? `${e.from} -->|${text(e.label)}| ${e.to}` : `${e.from} --> ${e.to}`;
}
