/** Blocks of one kind by type, then by logical id. */
export type BlocksByType = Record<string, Record<string, Record<string, unknown>>>;

/**
 * A synthesized `cdk.tf.json`, typed as loosely as the checker needs: rules
 * read attribute values, which are whatever Terraform JSON allows.
 */
export interface StackJson {
  readonly "//"?: Record<string, unknown>;
  readonly terraform?: {
    readonly backend?: Record<string, Record<string, unknown>>;
    readonly required_providers?: Record<string, unknown>;
    readonly required_version?: string;
  };
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly resource?: BlocksByType;
  readonly data?: BlocksByType;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly locals?: Record<string, unknown>;
  readonly module?: Record<string, Record<string, unknown>>;
}

/** A stack of one synth: its name (the manifest key) and JSON. */
export interface SynthesizedStack {
  readonly name: string;
  readonly json: StackJson;
}
