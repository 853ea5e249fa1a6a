import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { CertRequest } from "@cdktf/provider-tls/lib/cert-request";
import { LocallySignedCert } from "@cdktf/provider-tls/lib/locally-signed-cert";
import { PrivateKey } from "@cdktf/provider-tls/lib/private-key";
import { SelfSignedCert } from "@cdktf/provider-tls/lib/self-signed-cert";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** The CA outlives many server certificates: ten years. */
const CA_VALIDITY_HOURS = 10 * 365 * 24;
/** One year; renewed by the first apply in its last 30 days (then restart the broker, docs/messaging.md). */
const SERVER_VALIDITY_HOURS = 365 * 24;
const SERVER_EARLY_RENEWAL_HOURS = 30 * 24;

/** Props of the broker's TLS material. */
export interface BrokerTlsProps {
  /** The name clients connect to; the certificate's only DNS name. */
  readonly dnsName: string;
  /** Name of the CA's subject, e.g. the broker's name. */
  readonly authority: string;
  readonly secretName: string;
  readonly kmsKeyArn: string;
  readonly protect: boolean;
}

/**
 * A private CA and a server certificate for the broker's DNS name, made at
 * apply time (hashicorp/tls), so clients verify the broker against the CA
 * the contract publishes instead of turning verification off. The server
 * key and chain go into a KMS-encrypted secret the host reads at start;
 * the CA key never leaves Terraform state (the SSE-KMS state bucket), as
 * generated passwords do not. AWS Private CA would avoid keys in state but
 * costs more per month than the broker host.
 */
export class BrokerTls extends Construct {
  readonly caCertificatePem: string;
  readonly secretArn: string;

  constructor(scope: Construct, id: string, props: BrokerTlsProps) {
    super(scope, id);
    const caKey = new PrivateKey(this, "CaKey", { algorithm: "ECDSA", ecdsaCurve: "P384" });
    const ca = new SelfSignedCert(this, "Ca", {
      privateKeyPem: caKey.privateKeyPem,
      isCaCertificate: true,
      subject: [{ commonName: `${props.authority} CA` }],
      validityPeriodHours: CA_VALIDITY_HOURS,
      allowedUses: ["cert_signing", "crl_signing"],
    });
    const key = new PrivateKey(this, "ServerKey", { algorithm: "ECDSA", ecdsaCurve: "P256" });
    const request = new CertRequest(this, "ServerRequest", {
      privateKeyPem: key.privateKeyPem,
      subject: [{ commonName: props.dnsName }],
      dnsNames: [props.dnsName],
    });
    const certificate = new LocallySignedCert(this, "ServerCertificate", {
      certRequestPem: request.certRequestPem,
      caPrivateKeyPem: caKey.privateKeyPem,
      caCertPem: ca.certPem,
      validityPeriodHours: SERVER_VALIDITY_HOURS,
      earlyRenewalHours: SERVER_EARLY_RENEWAL_HOURS,
      allowedUses: ["digital_signature", "key_encipherment", "server_auth"],
    });
    const secret = new SecretsmanagerSecret(this, "Secret", {
      name: props.secretName,
      description: `TLS certificate and key of ${props.dnsName}`,
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: props.protect ? 30 : 7,
      lifecycle: props.protect ? { preventDestroy: true } : undefined,
    });
    new SecretsmanagerSecretVersion(this, "Version", {
      secretId: secret.id,
      // jsonencode at apply time: the PEM values carry newlines a literal JSON template would not escape.
      secretString: Fn.jsonencode({ certificate: certificate.certPem, private_key: key.privateKeyPem, ca_certificate: ca.certPem }),
    });
    this.caCertificatePem = ca.certPem;
    this.secretArn = secret.arn;
  }
}
