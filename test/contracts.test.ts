import { describe, expect, it } from "vitest";
import { COMPUTE } from "../stacks/compute-stack";
import { DATA } from "../stacks/data-stack";
import { EDGE } from "../stacks/edge-stack";
import { MESSAGING } from "../stacks/messaging-stack";
import { NETWORK } from "../stacks/network-stack";
import { OBSERVABILITY } from "../stacks/observability-stack";
import { DEPLOYMENTS } from "./support/deployments";
import { manifest, onlyRef, refBy, resources, stack, stackNames, upstream } from "./support/synth";

const CONTRACTS = { network: NETWORK, data: DATA, messaging: MESSAGING, compute: COMPUTE, edge: EDGE, observability: OBSERVABILITY } as const;
const tierSubnets = (name: string, tier: string) =>
  Object.entries(resources(stack(name), "aws_subnet")).filter(([, s]) => (s.tags as Record<string, string>).tier === tier).map(([id]) => `\${aws_subnet.${id}.id}`);

describe("named layer contracts (stacks/contracts.ts)", () => {
  it("each layer stack publishes exactly its contract's outputs, with their descriptions", () => {
    for (const d of DEPLOYMENTS) {
      for (const layer of d.layers) {
        const outputs = stack(`${d.name}-${layer}`).output ?? {};
        const contract = CONTRACTS[layer];
        expect(Object.keys(outputs).sort(), `${d.name}-${layer}`).toEqual(Object.keys(contract.outputs).sort());
        for (const [name, declared] of Object.entries(contract.outputs)) expect(outputs[name].description).toBe(declared.description);
      }
    }
  });

  it("no cdktf-named cross-stack output or remote state remains", () => {
    for (const name of stackNames()) {
      const json = JSON.stringify(stack(name));
      expect(json, name).not.toContain("cross-stack-output");
      expect(json, name).not.toContain("cross-stack-reference");
    }
  });

  it("a consumer reads each producer through one remote state on the producer's own backend key, and depends on it", () => {
    for (const name of stackNames()) {
      for (const [producer, remote] of Object.entries(stack(name).data?.terraform_remote_state ?? {})) {
        expect(manifest().stacks[name].dependencies, name).toContain(producer);
        const backend = stack(producer).terraform.backend.s3;
        expect(remote, `${name} reads ${producer}`).toEqual({
          backend: "s3",
          config: { bucket: backend.bucket, key: backend.key, region: backend.region },
          workspace: "${terraform.workspace}",
        });
      }
    }
  });

  it("every contract output a consumer reads is declared and published by the producer", () => {
    for (const name of stackNames()) {
      const reads = [...JSON.stringify(stack(name).resource ?? {}).matchAll(/data\.terraform_remote_state\.([\w-]+)\.outputs\.(\w+)/g)];
      for (const [, producer, output] of reads) expect(Object.keys(stack(producer).output ?? {}), `${name} reads ${producer}.${output}`).toContain(output);
    }
  });

  it("network publishes its subnet tiers in AZ order, the logs key and each workload's group", () => {
    const net = stack("axonflow-prod-network");
    const outputs = net.output!;
    expect(outputs.vpc_id.value).toBe(onlyRef(net, "aws_vpc", "id"));
    expect(outputs.vpc_cidr.value).toBe("10.30.0.0/16");
    expect(outputs.azs.value).toEqual(["us-east-1a", "us-east-1b"]);
    for (const tier of ["public", "compute", "data"]) expect(outputs[`${tier}_subnet_ids`].value, tier).toEqual(tierSubnets("axonflow-prod-network", tier));
    expect(outputs.nat_gateway_ids.value).toEqual(Object.keys(resources(net, "aws_nat_gateway")).map((id) => `\${aws_nat_gateway.${id}.id}`));
    expect(outputs.logs_kms_key_arn.value).toBe(onlyRef(net, "aws_kms_key", "arn"));
    expect(outputs.endpoint_security_group_id.value).toBe(refBy(net, "aws_security_group", "name", "axonflow-prod-endpoint-sg", "id"));
    expect(outputs.workload_security_group_ids.value).toEqual(Object.fromEntries(
      ["alb", "agent", "orchestrator"].map((w) => [w, refBy(net, "aws_security_group", "name", `axonflow-prod-${w}`, "id")]),
    ));
  });

  it("network's optional outputs are empty, not missing, when the feature is off", () => {
    const outputs = stack("serverless-saas-prod-network").output!;
    expect(outputs.nat_gateway_ids.value).toEqual([]);
    expect(outputs.endpoint_security_group_id.value).toBe("");
    expect(outputs.workload_security_group_ids.value).toEqual({});
  });

  it("data publishes tables and buckets by config id", () => {
    const s = stack("serverless-saas-prod-data");
    const outputs = s.output!;
    expect(outputs.table_names.value).toEqual({ App: refBy(s, "aws_dynamodb_table", "name", "serverless-saas-prod-app", "name") });
    expect(outputs.table_stream_arns.value).toEqual({ App: refBy(s, "aws_dynamodb_table", "name", "serverless-saas-prod-app", "stream_arn") });
    expect(outputs.bucket_arns.value).toEqual({
      Images: refBy(s, "aws_s3_bucket", "bucket", "serverless-saas-prod-media-images", "arn"),
      Videos: refBy(s, "aws_s3_bucket", "bucket", "serverless-saas-prod-media-videos", "arn"),
    });
    expect(outputs.store_endpoints.value).toEqual({});
  });

  it("messaging's broker outputs are empty (the port 0), not missing, without a broker, and such a stack reads no network", () => {
    const s = stack("stackflow-prod-messaging");
    const broker = Object.fromEntries(Object.entries(s.output!).filter(([name]) => name.startsWith("broker_")).map(([name, o]) => [name, o.value]));
    expect(broker).toEqual({
      broker_kind: "", broker_name: "", broker_endpoint: "", broker_port: 0, broker_admin_secret_arn: "", broker_app_secret_arn: "",
      broker_security_group_id: "", broker_ca_certificate_pem: "", broker_metrics_namespace: "",
    });
    expect(Object.keys(s.data?.terraform_remote_state ?? {})).toEqual(["stackflow-prod-data"]);
  });

  it("data reads the network contract, never a network resource", () => {
    const s = stack("commerce-prod-data");
    expect(resources(s, "aws_db_subnet_group")).not.toEqual({});
    for (const group of Object.values(resources(s, "aws_db_subnet_group"))) expect(group.subnet_ids).toBe(upstream("commerce-prod-network", "data_subnet_ids"));
  });
});
