import type { Pack } from "./engine/pack";

/** The generated rule list (docs/policy-rules.md), one row per rule of the pack. */
export function rulesDocument(pack: Pack): string {
  const rows = [...pack.entries]
    .sort((a, b) => a.rule.id.localeCompare(b.rule.id))
    .map(({ rule, severity }) => {
      const applies = rule.scope === "stack" ? "(stack)" : rule.resourceTypes.map((t) => `\`${t}\``).join(", ");
      return `| \`${rule.id}\` | ${severity} | ${applies} | ${rule.description} | ${rule.why} |`;
    });
  return [
    "# Policy rules",
    "",
    `Generated from the \`${pack.name}\` pack by \`npm run check -- --rules-doc\`; a test fails when it is stale. ${pack.entries.length} rules.`,
    "",
    "| id | severity | applies to | requires | why |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
