import type { FunctionSettings } from "../../../config/layers/compute-functions";

/** Where the values a function's environment names come from (contract reads of the stack). */
export interface EnvironmentSources {
  storeEndpoint(store: string): string;
  storePort(store: string): string;
  storeSecretArn(store: string): string;
  secretArn(secret: string): string;
  queueUrl(queue: string): string;
  brokerEndpoint(): string;
  brokerSecretArn(): string;
  brokerCaCertificatePem(): string;
  tableName(table: string): string;
  bucketName(bucket: string): string;
  functionArn(name: string): string;
  topicArn(topic: string): string;
  emailConfigurationSet(): string;
  mediaConvert(): { readonly queueArn: string; readonly roleArn: string };
}

/** `KnowledgeGraph` -> `KNOWLEDGE_GRAPH`. */
const constantCase = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]/g, "_").toUpperCase();

/**
 * A function's environment: its config's plain settings, then where each
 * thing it was granted lives (endpoints, ports, queue URLs) and the ARN of
 * each secret it reads, never a secret value: the code fetches the value
 * with the role's grant at run time.
 */
export function functionEnvironment(f: FunctionSettings, from: EnvironmentSources): Record<string, string> {
  const env: Record<string, string> = { ...f.environment };
  for (const db of f.access.databases) {
    const k = constantCase(db.store);
    Object.assign(env, { [`${k}_ENDPOINT`]: from.storeEndpoint(db.store), [`${k}_PORT`]: from.storePort(db.store), [`${k}_DB_USER`]: db.user });
  }
  for (const g of f.access.graphs) {
    const k = constantCase(g.store);
    Object.assign(env, { [`${k}_ENDPOINT`]: from.storeEndpoint(g.store), [`${k}_PORT`]: from.storePort(g.store) });
  }
  for (const s of f.access.storeSecrets) env[`${constantCase(s)}_SECRET_ARN`] = from.storeSecretArn(s);
  for (const s of f.access.secrets) env[`${constantCase(s)}_SECRET_ARN`] = from.secretArn(s);
  for (const q of f.access.sendTo) env[`${constantCase(q)}_QUEUE_URL`] = from.queueUrl(q);
  for (const t of f.access.tables) env[`${constantCase(t.table)}_TABLE_NAME`] = from.tableName(t.table);
  for (const b of f.access.presignedUploads) env[`${constantCase(b)}_BUCKET_NAME`] = from.bucketName(b);
  for (const name of f.access.invokes) env[`${constantCase(name)}_FUNCTION_ARN`] = from.functionArn(name);
  for (const t of f.access.publishesTo) env[`${constantCase(t)}_TOPIC_ARN`] = from.topicArn(t);
  if (f.access.sendsEmail) env.EMAIL_CONFIGURATION_SET = from.emailConfigurationSet();
  if (f.access.mediaConvert) Object.assign(env, { MEDIACONVERT_QUEUE_ARN: from.mediaConvert().queueArn, MEDIACONVERT_ROLE_ARN: from.mediaConvert().roleArn });
  if (f.access.bedrockModels.length > 0) env.BEDROCK_MODEL_IDS = f.access.bedrockModels.join(",");
  // The CA certificate is public (it lets the client verify the broker's TLS); empty for Amazon MQ's public CA.
  if (f.access.brokerCredentials) {
    Object.assign(env, { BROKER_ENDPOINT: from.brokerEndpoint(), BROKER_SECRET_ARN: from.brokerSecretArn(), BROKER_CA_CERTIFICATE_PEM: from.brokerCaCertificatePem() });
  }
  if (f.url) Object.assign(env, { ALLOWED_DOMAIN: f.url.allowedDomain, EDGE_SECRET_HEADER: f.url.edgeSecretHeader, EDGE_SECRET_ARN: from.secretArn(f.url.edgeSecret) });
  return env;
}
