import type { ConfigProblem } from "./errors";

/** Kinds of things one layer defines and others refer to by id. */
export type RefKind = "workload" | "store" | "table" | "bucket" | "queue" | "bus" | "rule" | "topic" | "pipe" | "service" | "repository" | "distribution";

/** How a kind reads in messages: `a workload of network.workloads`. */
const KIND_LABELS: Readonly<Record<RefKind, string>> = {
  workload: "a workload of network.workloads",
  store: "a store of data.aurora / rds / neptune / redis",
  table: "a table of data.dynamodb",
  bucket: "a bucket of data.mediaBuckets",
  queue: "a queue of messaging.queues",
  bus: "an event bus of messaging.buses",
  rule: "a rule of messaging.buses.*.rules",
  topic: "a topic of messaging.topics",
  pipe: "a pipe of messaging.pipes",
  service: "a service of compute.ecs.services",
  repository: "a repository of compute.repositories",
  distribution: "a distribution of edge.distributions",
};

interface Definition {
  readonly kind: RefKind;
  readonly layer: string;
  readonly field: string;
}

interface Use {
  readonly kinds: readonly RefKind[];
  readonly id: string;
  readonly layer: string;
  readonly field: string;
}

/**
 * The reference registry of one deployment. A layer's resolver *defines* the
 * ids it owns and *uses* ids of other layers; once every layer is resolved,
 * {@link check} reports each use whose id is unknown, of the wrong kind, or
 * defined by a layer applied later (a stack may only read earlier stacks).
 * Ids share one namespace per deployment, so a use is never ambiguous.
 */
export class ReferenceRegistry {
  private readonly definitions = new Map<string, Definition>();
  private readonly uses: Use[] = [];

  /**
   * @param deployment label used in problems
   * @param layerOrder layers in apply order; a use may name ids of its own layer or earlier ones
   */
  constructor(private readonly deployment: string, private readonly layerOrder: readonly string[]) {}

  /** Records that `layer` defines `id` at `field`; a second definition of one id is a problem. */
  define(kind: RefKind, id: string, layer: string, field: string): ConfigProblem | undefined {
    const earlier = this.definitions.get(id);
    if (earlier) {
      return { deployment: this.deployment, field, value: id, allowed: `must be unique among the deployment's ids (already ${earlier.kind} ${earlier.field})` };
    }
    this.definitions.set(id, { kind, layer, field });
    return undefined;
  }

  /** Records that `layer` refers, at `field`, to `id`, which must be one of `kinds`. */
  use(kinds: RefKind | readonly RefKind[], id: string, layer: string, field: string): void {
    this.uses.push({ kinds: typeof kinds === "string" ? [kinds] : kinds, id, layer, field });
  }

  /** Ids of one kind, in definition order (for messages and inverse relations). */
  idsOf(kind: RefKind): string[] {
    return [...this.definitions].filter(([, d]) => d.kind === kind).map(([id]) => id);
  }

  /** Every use that does not resolve to an id of an allowed kind in its own or an earlier layer. */
  check(): ConfigProblem[] {
    return this.uses.flatMap((use): ConfigProblem[] => {
      const problem = (allowed: string): ConfigProblem[] => [{ deployment: this.deployment, field: use.field, value: use.id, allowed }];
      const wanted = use.kinds.map((k) => KIND_LABELS[k]).join(" or ");
      const found = this.definitions.get(use.id);
      if (!found) {
        const known = use.kinds.flatMap((k) => this.idsOf(k));
        return problem(`must name ${wanted} (${known.join(", ") || "none declared"})`);
      }
      if (!use.kinds.includes(found.kind)) return problem(`names ${KIND_LABELS[found.kind]} (${found.field}), not ${wanted}`);
      if (this.layerOrder.indexOf(found.layer) > this.layerOrder.indexOf(use.layer)) {
        return problem(`names ${KIND_LABELS[found.kind]} defined by the ${found.layer} layer, which is applied after ${use.layer}; a layer may only use what its own or earlier layers define`);
      }
      return [];
    });
  }
}
