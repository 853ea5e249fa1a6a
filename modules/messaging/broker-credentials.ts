import { Construct } from "constructs";
import { GeneratedSecret } from "../secrets/generated-secret";

/**
 * Special characters of broker passwords: URL-unreserved, so a password
 * goes into an `amqps://user:password@host` URI without escaping, and free
 * of the `,` `:` `=` Amazon MQ refuses.
 */
const PASSWORD_SPECIALS = "-_.~";

/** Props of a broker's two credentials. */
export interface BrokerCredentialsProps {
  readonly adminUsername: string;
  readonly appUsername: string;
  readonly adminSecretName: string;
  readonly appSecretName: string;
  /** Key encrypting both secrets. */
  readonly kmsKeyArn: string;
  /** `prevent_destroy` and a 30-day recovery window (staging and prod); 7 days otherwise. */
  readonly protect: boolean;
}

/** Where clients connect, stored with each credential. */
export interface BrokerAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * The administrator and the application credential of a RabbitMQ broker:
 * passwords generated at apply time into KMS-encrypted secrets holding
 * `{username, password, host, port, vhost}`. Nothing but the secret ARNs
 * leaves this construct for the host; Amazon MQ takes the administrator's
 * value itself.
 */
export class BrokerCredentials extends Construct {
  readonly admin: GeneratedSecret;
  readonly app: GeneratedSecret;
  private readonly props: BrokerCredentialsProps;

  constructor(scope: Construct, id: string, props: BrokerCredentialsProps) {
    super(scope, id);
    this.props = props;
    const secret = (secretId: string, name: string, description: string) => new GeneratedSecret(this, secretId, {
      name, description, kmsKeyArn: props.kmsKeyArn, recoveryWindowDays: props.protect ? 30 : 7,
      specialCharacters: PASSWORD_SPECIALS, preventDestroy: props.protect,
    });
    this.admin = secret("Admin", props.adminSecretName, `RabbitMQ administrator ${props.adminUsername}`);
    this.app = secret("App", props.appSecretName, `RabbitMQ application user ${props.appUsername}`);
  }

  /** Stores both credentials with the address clients use (a separate step: Amazon MQ's address exists only after the broker). */
  store(address: BrokerAddress): void {
    const fields = { host: address.host, port: address.port, vhost: "/" };
    this.admin.storeJson("password", { username: this.props.adminUsername, ...fields });
    this.app.storeJson("password", { username: this.props.appUsername, ...fields });
  }
}
