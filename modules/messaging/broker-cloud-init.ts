import { Fn, Token } from "cdktf";
import { BROKER_ENV_FILE, BROKER_HOST_FILES, type HostFile } from "./broker-host-files";

/** What differs per deployment on a broker host: names, and ARNs of the secrets (never their values). */
export interface BrokerHostFacts {
  readonly region: string;
  readonly brokerName: string;
  readonly image: string;
  /** Device name of the data volume in the launch template; AL2023's udev rules link it to the NVMe device. */
  readonly dataDevice: string;
  readonly adminSecretArn: string;
  readonly appSecretArn: string;
  readonly tlsSecretArn: string;
  readonly zoneId: string;
  readonly recordName: string;
  readonly recordTtl: number;
  readonly logGroupName: string;
  readonly metricsNamespace: string;
}

/** `/etc/broker/broker.env`: one `KEY=value` line per fact, for systemd's EnvironmentFile and the scripts. */
function envFile(f: BrokerHostFacts): string {
  const entries: [string, string | number][] = [
    ["AWS_REGION", f.region], ["BROKER_NAME", f.brokerName], ["RABBITMQ_IMAGE", f.image], ["DATA_DEVICE", f.dataDevice],
    ["ADMIN_SECRET_ARN", f.adminSecretArn], ["APP_SECRET_ARN", f.appSecretArn], ["TLS_SECRET_ARN", f.tlsSecretArn],
    ["ZONE_ID", f.zoneId], ["RECORD_NAME", f.recordName], ["RECORD_TTL", f.recordTtl],
    ["LOG_GROUP", f.logGroupName], ["METRICS_NAMESPACE", f.metricsNamespace],
  ];
  return entries.map(([key, value]) => `${key}=${value}\n`).join("");
}

/** One `write_files` entry, its content as a YAML block scalar. */
const writeFile = (file: HostFile): string =>
  `  - path: ${file.path}\n    permissions: "${file.permissions}"\n    content: |\n${file.content.replace(/^(?=.)/gm, "      ")}`;

/** Marks a reference's place in the text while it is assembled; no file contains a NUL. */
const PLACEHOLDER = /\u0000(\d+)\u0000/;

/**
 * The user data of a broker host: a `#cloud-config` that installs Docker
 * and jq, writes the deployment's facts and the host files, and runs the
 * bootstrap once. The text is assembled with placeholders for the
 * references (ARNs, the zone id), then split into literal parts, passed
 * through `rawString` so the scripts' `$` stays literal, and joined with the
 * references at apply time; launch templates take it base64-encoded.
 */
export function brokerUserData(facts: BrokerHostFacts): string {
  const references: string[] = [];
  const placed = Object.fromEntries(Object.entries(facts).map(([key, value]) => {
    if (!Token.isUnresolved(value)) return [key, value];
    references.push(value as string);
    return [key, `\u0000${references.length - 1}\u0000`];
  })) as unknown as BrokerHostFacts;
  const text = [
    "#cloud-config",
    "# RabbitMQ broker host: modules/messaging/broker-cloud-init.ts, docs/messaging.md",
    "packages:\n  - docker\n  - jq",
    "write_files:",
    writeFile({ path: BROKER_ENV_FILE, permissions: "0600", content: envFile(placed) }) + BROKER_HOST_FILES.map(writeFile).join(""),
    "runcmd:\n  - [/usr/local/sbin/broker-bootstrap]\n",
  ].join("\n");
  // rawString escapes quotes and `${`, but leaves backslashes (HCL would read the scripts' `\n` and line
  // continuations as escapes) and `%{` (a template directive) to us.
  const literal = (part: string) => Fn.rawString(part.replace(/\\/g, "\\\\").replace(/%\{/g, "%%{"));
  const parts = text.split(PLACEHOLDER).map((part, i) => (i % 2 === 0 ? literal(part) : references[Number(part)]));
  return Fn.base64encode(Fn.join("", parts));
}
