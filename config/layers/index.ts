import { computeLayer } from "./compute";
import { dataLayer } from "./data";
import { edgeLayer } from "./edge";
import { messagingLayer } from "./messaging";
import { networkLayer } from "./network";
import { observabilityLayer } from "./observability";

/**
 * Every deployment layer's config, in apply order (stacks/layers.ts). A new
 * layer is one file in this folder and one line here; its settings type goes
 * into `LayerSettings` (config/deployment.ts).
 */
export const LAYER_CONFIGS = [networkLayer, dataLayer, messagingLayer, computeLayer, edgeLayer, observabilityLayer] as const;
