import type { ResourceView } from "../../engine/types";
import { isRecord } from "../../engine/values";

/** Containers of a task definition, or why they cannot be read before plan. */
export type Containers = { readonly known: true; readonly list: readonly Record<string, unknown>[] } | { readonly known: false };

/** Parses `container_definitions` (a JSON string; `${...}` inside string values is fine). */
export function containersOf(task: ResourceView): Containers {
  const raw = task.attributes.container_definitions;
  if (typeof raw !== "string") return { known: false };
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? { known: true, list: parsed.filter(isRecord) } : { known: false };
  } catch {
    return { known: false };
  }
}

/** A container's name for a finding. */
export const nameOf = (container: Record<string, unknown>): string => String(container.name ?? "(unnamed)");
