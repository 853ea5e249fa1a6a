/**
 * The EC2 and Amazon MQ instance types a RabbitMQ broker may run on, with
 * the facts the checks need (architecture, memory). A static table, checked
 * against the EC2 and Amazon MQ instance type pages in November 2026, so a
 * type is judged at synth rather than discovered at apply.
 */

/** CPU architecture; picks the AMI. */
export type Architecture = "arm64" | "x86_64";

/** Memory in GiB by size for the burstable families (t4g, t3, t3a). */
const BURSTABLE_GIB: Readonly<Record<string, number>> = { nano: 0.5, micro: 1, small: 2, medium: 4, large: 8, xlarge: 16, "2xlarge": 32 };

/** Memory of a size as a multiple of the family's `large` (sizes double from there). */
const LARGE_MULTIPLE: Readonly<Record<string, number>> = {
  medium: 0.5, large: 1, xlarge: 2, "2xlarge": 4, "4xlarge": 8, "8xlarge": 16, "12xlarge": 24, "16xlarge": 32, "24xlarge": 48, "48xlarge": 96,
};

const GRAVITON_SIZES = ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];
const GRAVITON4_SIZES = [...GRAVITON_SIZES, "24xlarge", "48xlarge"];
const INTEL_SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"];

/** One instance family: its architecture, the sizes it offers and the memory of its `large` (unset for burstable). */
interface Family {
  readonly architecture: Architecture;
  readonly sizes: readonly string[];
  readonly largeGib?: number;
}

const burstable = (architecture: Architecture): Family => ({ architecture, sizes: Object.keys(BURSTABLE_GIB) });
const general = (architecture: Architecture, sizes: readonly string[], largeGib: number): Family => ({ architecture, sizes, largeGib });

/**
 * Families supported for the self-hosted broker: current Graviton
 * generations first (the default), and current Intel ones for teams that
 * need x86_64. Memory per `large`: general purpose 8 GiB, compute 4, memory 16.
 */
export const BROKER_FAMILIES: Readonly<Record<string, Family>> = {
  t4g: burstable("arm64"),
  m6g: general("arm64", GRAVITON_SIZES, 8), m7g: general("arm64", GRAVITON_SIZES, 8), m8g: general("arm64", GRAVITON4_SIZES, 8),
  c6g: general("arm64", GRAVITON_SIZES, 4), c7g: general("arm64", GRAVITON_SIZES, 4), c8g: general("arm64", GRAVITON4_SIZES, 4),
  r6g: general("arm64", GRAVITON_SIZES, 16), r7g: general("arm64", GRAVITON_SIZES, 16), r8g: general("arm64", GRAVITON4_SIZES, 16),
  t3: burstable("x86_64"), t3a: burstable("x86_64"),
  m7i: general("x86_64", INTEL_SIZES, 8), c7i: general("x86_64", INTEL_SIZES, 4), r7i: general("x86_64", INTEL_SIZES, 16),
};

/**
 * RabbitMQ's default memory high watermark is 40% of the host's memory;
 * below 2 GiB that leaves under 800 MiB for messages in flight before
 * publishers are blocked, and the OS and Erlang need the rest.
 */
export const BROKER_MIN_MEMORY_GIB = 2;

/** What the table knows about one EC2 instance type. */
export interface InstanceTypeFacts {
  readonly family: string;
  readonly size: string;
  readonly architecture: Architecture;
  readonly memoryGib: number;
}

/** Facts about `type` (`m7g.large`), or why it is not supported: an unknown family or a size the family does not offer. */
export function brokerInstanceType(type: string): InstanceTypeFacts | { readonly problem: string } {
  const [family, size, ...rest] = type.split(".");
  const facts = BROKER_FAMILIES[family];
  if (!facts || size === undefined || rest.length > 0) {
    const byArchitecture = (architecture: Architecture) => Object.keys(BROKER_FAMILIES).filter((f) => BROKER_FAMILIES[f].architecture === architecture).join(", ");
    return { problem: `must be a type of a supported family: ${byArchitecture("arm64")} (Graviton) or ${byArchitecture("x86_64")} (x86_64)` };
  }
  if (!facts.sizes.includes(size)) return { problem: `must be a size ${family} offers: ${facts.sizes.join(", ")}` };
  const memoryGib = facts.largeGib === undefined ? BURSTABLE_GIB[size] : facts.largeGib * LARGE_MULTIPLE[size];
  return { family, size, architecture: facts.architecture, memoryGib };
}

/** Why `type` cannot host RabbitMQ (unsupported, or too little memory), or undefined when it can. */
export function brokerInstanceTypeProblem(type: string): string | undefined {
  const facts = brokerInstanceType(type);
  if ("problem" in facts) return facts.problem;
  if (facts.memoryGib < BROKER_MIN_MEMORY_GIB) {
    return `has ${facts.memoryGib} GiB of memory; a RabbitMQ host needs at least ${BROKER_MIN_MEMORY_GIB} GiB (the default memory high watermark is 40% of it)`;
  }
  return undefined;
}

/**
 * Amazon MQ broker types that run RabbitMQ 4.2: the mq.m7g family only
 * (Amazon MQ developer guide, "RabbitMQ 4"); mq.m7g.medium is meant for tests.
 */
export const AMAZON_MQ_RABBITMQ_42_TYPES = [
  "mq.m7g.medium", "mq.m7g.large", "mq.m7g.xlarge", "mq.m7g.2xlarge", "mq.m7g.4xlarge", "mq.m7g.8xlarge", "mq.m7g.12xlarge", "mq.m7g.16xlarge",
] as const;

/** Why Amazon MQ refuses `type` for RabbitMQ 4.2, or undefined. */
export function amazonMqInstanceTypeProblem(type: string): string | undefined {
  return (AMAZON_MQ_RABBITMQ_42_TYPES as readonly string[]).includes(type) ? undefined
    : `must be an mq.m7g type: Amazon MQ runs RabbitMQ 4.2 only on mq.m7g (${AMAZON_MQ_RABBITMQ_42_TYPES.join(", ")})`;
}
