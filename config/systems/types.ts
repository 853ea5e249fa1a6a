import type { z } from "zod";
import type { dataSchema } from "../layers/data";
import type { edgeSchema } from "../layers/edge";
import type { messagingSchema } from "../layers/messaging";
import type { networkSchema } from "../layers/network";
import type { DeploymentInput } from "../resolve";

/** What a system file writes for each layer (defaults and presets optional). */
export type NetworkInput = z.input<typeof networkSchema>;
export type DataInput = z.input<typeof dataSchema>;
export type MessagingInput = z.input<typeof messagingSchema>;
export type EdgeInput = z.input<typeof edgeSchema>;
export type { DeploymentInput };
