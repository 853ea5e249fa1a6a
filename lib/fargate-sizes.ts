/**
 * The CPU and memory pairs Fargate offers for Linux tasks (ECS developer
 * guide, "Task CPU and memory", checked 2026-11): each CPU value with its
 * lowest and highest memory in MiB and the step between them. Any other pair
 * fails at apply with "No Fargate configuration exists for given values".
 */
export const FARGATE_SIZES: Readonly<Record<number, { readonly min: number; readonly max: number; readonly step: number; readonly extra?: readonly number[] }>> = {
  256: { min: 512, max: 2048, step: 1024, extra: [512] },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

/** Fargate CPU units, in order. */
export const FARGATE_CPUS: readonly number[] = Object.keys(FARGATE_SIZES).map(Number);

/** Memory values (MiB) Fargate offers with `cpu` units; empty for a CPU value it does not offer. */
export function fargateMemories(cpu: number): number[] {
  const size = FARGATE_SIZES[cpu];
  if (!size) return [];
  const values = new Set(size.extra ?? []);
  for (let m = size.min; m <= size.max; m += size.step) values.add(m);
  return [...values].sort((a, b) => a - b);
}

/** The allowed memory for `cpu`, in words: `2048-8192 MiB in steps of 1024`. */
export function fargateMemoryRule(cpu: number): string {
  const size = FARGATE_SIZES[cpu];
  if (cpu === 256) return "512, 1024 or 2048 MiB";
  return `${size.min}-${size.max} MiB in steps of ${size.step}`;
}
