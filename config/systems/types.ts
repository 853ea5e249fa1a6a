import type { z } from "zod";
import type { functionsFields } from "../layers/compute-functions";
import type { computeSchema } from "../layers/compute";
import type { dataSchema } from "../layers/data";
import type { edgeSchema } from "../layers/edge";
import type { messagingSchema } from "../layers/messaging";
import type { networkSchema } from "../layers/network";
import type { observabilitySchema } from "../layers/observability";
import type { DeploymentInput } from "../resolve";

/** What a system file writes for each layer (defaults and presets optional). */
export type NetworkInput = z.input<typeof networkSchema>;
export type DataInput = z.input<typeof dataSchema>;
export type MessagingInput = z.input<typeof messagingSchema>;
export type ObservabilityInput = z.input<typeof observabilitySchema>;
export type EdgeInput = z.input<typeof edgeSchema>;
export type { DeploymentInput };
/** What a system's `functions.ts` writes: the functions half of the `compute` section. */
export type FunctionsInput = { [K in keyof typeof functionsFields]?: z.input<(typeof functionsFields)[K]> };
/** What a system's containers.ts writes: the containers half of the compute section. */
export type ContainersInput = Pick<z.input<typeof computeSchema>, "repositories" | "ecs" | "eks" | "pricingTier" | "stackOutputs">;
