import type { PolicyStatement } from "./policy-document";

/**
 * Joins statements that differ only in their resources (same effect,
 * actions, principal and condition, no Sid) into one, resources in order of
 * appearance and without repeats; other statements stay as they are. Grants
 * for several resources of one kind (three secrets under one key) then read
 * as one statement per permission instead of one per resource.
 */
export function mergeStatements(statements: readonly PolicyStatement[]): PolicyStatement[] {
  const merged: { key: string | undefined; statement: PolicyStatement; resources: string[] }[] = [];
  for (const s of statements) {
    const key = s.Sid === undefined && s.Resource !== undefined
      ? JSON.stringify([s.Effect, s.Action, s.Principal ?? null, s.Condition ?? null]) : undefined;
    const into = key === undefined ? undefined : merged.find((m) => m.key === key);
    const resources = s.Resource === undefined ? [] : typeof s.Resource === "string" ? [s.Resource] : [...s.Resource];
    if (into) into.resources.push(...resources.filter((r) => !into.resources.includes(r)));
    else merged.push({ key, statement: s, resources: [...new Set(resources)] });
  }
  return merged.map(({ statement, resources }) => (statement.Resource === undefined ? statement
    : { ...statement, Resource: resources.length === 1 ? resources[0] : resources }));
}
