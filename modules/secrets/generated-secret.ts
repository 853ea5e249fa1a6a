import { Password } from "@cdktf/provider-random/lib/password";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Construct } from "constructs";
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
   * Refuse `terraform destroy` of the value and the secret: every user of the
   * credential would be locked out. @default false
   */
  readonly preventDestroy?: boolean;
}

/**
 * A random value generated at apply time and held in a KMS-encrypted
 * Secrets Manager secret, so it never appears in config, code or outputs.
 * It does live in the (encrypted, access-controlled) Terraform state of the
 * random provider; the databases take it through write-only arguments.
 */
export class GeneratedSecret extends Construct {
  /** The generated value (a reference; sensitive in plans). */
  readonly value: string;
  readonly secretArn: string;
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
    ]);
    // Set only when asked: an explicit false would rewrite every other secret's JSON for nothing.
    const lifecycle = props.preventDestroy ? { preventDestroy: true } : undefined;
    const value = new Password(this, "Value", {
      length: props.length ?? 32,
      special: true,
      overrideSpecial: props.specialCharacters ?? "!#$%^&*()-_=+[]{}<>:?",
      minLower: 1,
      minUpper: 1,
      minNumeric: 1,
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
   * Stores the value with its connection details as one JSON document,
   * the shape applications and rotation functions read.
   */
  storeJson(valueKey: string, fields: Readonly<Record<string, string | number>>): void {
    new SecretsmanagerSecretVersion(this, "Version", {
      secretId: this.secretId,
      secretString: JSON.stringify({ ...fields, [valueKey]: this.value }),
    });
  }
}
