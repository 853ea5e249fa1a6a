import { DataTerraformRemoteStateS3, Fn, TerraformOutput, Token } from "cdktf";
import type { Layer } from "./layers";
import type { PlatformStack } from "./platform-stack";

/** The shape of one contract output. */
export type OutputKind = "string" | "number" | "list" | "map";

/** One declared output: its kind and what it holds. */
export interface ContractOutput {
  readonly kind: OutputKind;
  readonly description: string;
}

/**
 * What a layer publishes for later layers: snake_case output names, each
 * with a kind and a description. Names are stable: consumers, operators
 * (`terraform output`) and tests use them, so a refactor inside the
 * producer never renames what others read.
 */
export interface Contract<O extends Record<string, ContractOutput> = Record<string, ContractOutput>> {
  readonly layer: Layer;
  readonly outputs: O;
}

/** Declares a layer's contract. */
export const defineContract = <O extends Record<string, ContractOutput>>(layer: Layer, outputs: O): Contract<O> => ({ layer, outputs });

type ValueOf<K extends OutputKind> =
  K extends "list" ? readonly string[] : K extends "map" ? Readonly<Record<string, string | number>> : K extends "number" ? number : string;

/** The values a producer must give for every output of its contract. */
export type ContractValues<C extends Contract> = { readonly [N in keyof C["outputs"]]: ValueOf<C["outputs"][N]["kind"]> };

/** Where a producer keeps its state, so a consumer can read its outputs. */
export interface StateLocation {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
}

/** A stack that publishes a contract and keeps its state in S3. */
export interface Producer {
  readonly stack: PlatformStack;
  readonly state: StateLocation;
}

/**
 * Publishes every output of `contract` from `stack`: one Terraform output
 * per declared name (a list or a map is one output), with its description.
 */
export function publish<C extends Contract>(stack: PlatformStack, contract: C, values: ContractValues<C>): void {
  for (const [name, output] of Object.entries(contract.outputs)) {
    new TerraformOutput(stack, name, { value: (values as Record<string, unknown>)[name], description: output.description });
  }
}

/** Typed reads of one producer's contract outputs. */
export interface ContractReader<C extends Contract> {
  /** A string, number or list output. */
  get<N extends keyof C["outputs"] & string>(name: N): ValueOf<C["outputs"][N]["kind"]>;
  /** One entry of a map output; the plan fails if the key is missing. */
  entry<N extends keyof C["outputs"] & string>(name: N, key: string): string;
}

const readers = new WeakMap<PlatformStack, Map<string, DataTerraformRemoteStateS3>>();

/**
 * Reads `contract` from `producer` into `consumer`: a `terraform_remote_state`
 * named after the producer stack, reading the producer's state key (in the
 * consumer's workspace), plus an explicit stack dependency so the manifest
 * orders the producer first. Counts and indexes come from config, never
 * from the lists read here.
 */
export function consume<C extends Contract>(consumer: PlatformStack, contract: C, producer: Producer): ContractReader<C> {
  const name = producer.stack.node.id;
  const byProducer = readers.get(consumer) ?? new Map<string, DataTerraformRemoteStateS3>();
  readers.set(consumer, byProducer);
  let remote = byProducer.get(name);
  if (!remote) {
    remote = new DataTerraformRemoteStateS3(consumer, name, {
      bucket: producer.state.bucket,
      key: producer.state.key,
      region: producer.state.region,
      workspace: "${terraform.workspace}",
    });
    byProducer.set(name, remote);
    consumer.addDependency(producer.stack);
  }
  const state = remote;
  const declared = (output: string): ContractOutput => {
    const found = contract.outputs[output];
    if (!found) throw new Error(`${consumer.node.id} reads ${output}, which the ${contract.layer} contract does not declare`);
    return found;
  };
  return {
    get(output) {
      const kind = declared(output).kind;
      const value = kind === "list" ? state.getList(output) : kind === "number" ? state.getNumber(output) : state.getString(output);
      return value as ValueOf<C["outputs"][typeof output]["kind"]>;
    },
    entry(output, key) {
      if (declared(output).kind !== "map") throw new Error(`${output} of the ${contract.layer} contract is not a map`);
      return Token.asString(Fn.lookup(state.get(output), key));
    },
  };
}
