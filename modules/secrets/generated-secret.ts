import { Password } from "@cdktf/provider-random/lib/password";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Construct } from "constructs";
import { TerraformData } from "../terraform-data";
import { between, check, matches, maxLength, validateProps } from "../validate";

/** Props of a generated secret. */
export interface GeneratedSecretProps {
  /** Secrets Manager name, e.g. `stackflow/aurora-db-credentials`. */
  readonly name: string;
  readonly description: string;
  /** KMS key encrypting the secret. */
  readonly kmsKeyArn: string;
  /** Days a deleted secret can still be restored (7-30). */
  readonly recoveryWindowDays: number;
  /** Characters generated (20-4096). @default 32 */
  readonly length?: number;
  /** Special characters the consumer accepts. @default RDS-safe set (no / @ " or space) */
  readonly specialCharacters?: string;
  /**
   * Terraform refuses to destroy the generated value and the secret
   * (`prevent_destroy`). A destroyed `random_password` comes back as a new
   * value; a destroyed secret leaves every reader without credentials until
   * its recovery window is used.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Generation of the value; bumping it generates a new one. Every consumer
   * passes {@link GeneratedSecret.version} as its write-only `_wo_version`, so
   * the new value reaches the database and the secret in the same apply.
   * With `preventDestroy` the bump is refused until protection is lifted for
   * that change (README, Passwords).
   * @default 1
   */
  readonly generation?: number;
}

/**
 * A random value generated at apply time and held in a KMS-encrypted
 * Secrets Manager secret, so it never appears in config, code or outputs.
 * The secret and the databases take it through write-only arguments; it does
 * live in the (encrypted, access-controlled) state of the random provider,
 * which keeps it stable between applies (README, Passwords).
 */
export class GeneratedSecret extends Construct {
  /** The generated value (a reference; sensitive in plans). */
  readonly value: string;
  readonly secretArn: string;
  /** The `_wo_version` of every write-only consumer of {@link value}: the generation. */
  readonly version: number;
  private readonly secretId: string;

  constructor(scope: Construct, id: string, props: GeneratedSecretProps) {
    super(scope, id);
    validateProps(this, [
      check("name", props.name, matches(/^[A-Za-z0-9/_+=.@-]{1,512}$/, "must be 1-512 letters, digits and /_+=.@- (Secrets Manager names)")),
      check("description", props.description, maxLength(2048, "Secrets Manager descriptions")),
      // 0 (delete without recovery) is valid for AWS but never what a generated credential should get.
      check("recoveryWindowDays", props.recoveryWindowDays, between(7, 30, "Secrets Manager recovery window")),
      // 20 characters from this alphabet carry over 120 bits; 4096 is Secrets Manager's GetRandomPassword maximum.
      check("length", props.length, between(20, 4096, "at least 20 for over 120 bits, at most Secrets Manager's 4096")),
      check("generation", props.generation, between(1, 2147483647, "write-only version numbers")),
    ]);
    this.version = props.generation ?? 1;
    const lifecycle = { preventDestroy: props.preventDestroy ?? true };
    const value = new Password(this, "Value", {
      length: props.length ?? 32,
      special: true,
      overrideSpecial: props.specialCharacters ?? "!#$%^&*()-_=+[]{}<>:?",
      minLower: 1,
      minUpper: 1,
      minNumeric: 1,
      // A keeper change replaces the value. Generation 1 writes none: values created before
      // generations existed have no keepers, and adding one would regenerate them at the next apply.
      keepers: this.version > 1 ? { generation: String(this.version) } : undefined,
      lifecycle,
    });
    const secret = new SecretsmanagerSecret(this, "Secret", {
      name: props.name,
      description: props.description,
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: props.recoveryWindowDays,
      lifecycle,
    });
    this.value = value.result;
    this.secretArn = secret.arn;
    this.secretId = secret.id;
  }

  /**
   * Stores the value with its connection details as one JSON document, the
   * shape applications and rotation functions read (plus keys `withValue`
   * derives from the value, such as a connection URL), through the write-only
   * `secret_string_wo`: the version's state holds no value.
   */
  storeJson(valueKey: string, fields: Readonly<Record<string, string | number>>, withValue?: (value: string) => Readonly<Record<string, string>>): void {
    // A write-only string is sent only when its version changes, so the (non-secret) fields are
    // kept in state beside it: a new port or a replaced host then rewrites the whole document.
    // Keys derived from the value (`withValue`, e.g. a connection URL) follow the fields they are built from.
    const fieldsWritten = new TerraformData(this, "Fields", { input: { ...fields } });
    new SecretsmanagerSecretVersion(this, "Version", {
      secretId: this.secretId,
      secretStringWo: JSON.stringify({ ...fields, [valueKey]: this.value, ...(withValue?.(this.value) ?? {}) }),
      secretStringWoVersion: this.version,
      // A plain address: cdktf renders a resource here as "${...}", which Terraform's JSON syntax refuses in replace_triggered_by.
      lifecycle: { replaceTriggeredBy: [`terraform_data.${fieldsWritten.friendlyUniqueId}`] },
    });
  }
}
