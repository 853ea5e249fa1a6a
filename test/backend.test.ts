import { describe, expect, it } from "vitest";
import { manifest, stack, stackNames } from "./support/synth";

/** Account-scoped stacks other than state: `<account>-<region>-<layer>`. */
const isAccountScoped = (n: string) => /-[a-z]{2}-[a-z]+-\d-[a-z]+$/.test(n);
// Governance stacks are scope stacks with their own keys (test/governance/).
const layerStacks = () => stackNames().filter((n) => !n.endsWith("-state") && !n.includes("-organization-") && !n.endsWith("-governance") && !isAccountScoped(n));
const accountStacks = () => stackNames().filter((n) => !n.endsWith("-state") && !n.endsWith("-governance") && isAccountScoped(n));
const stateStacks = () => stackNames().filter((n) => n.endsWith("-state"));

/** Expected backend of each deployment: account name and region decide bucket and table. */
const BACKENDS: Record<string, { bucket: string; table: string; region: string }> = {
  "stackflow-prod": { bucket: "stackflow-prod-373544523367-us-east-1-tfstate", table: "stackflow-prod-us-east-1-tflock", region: "us-east-1" },
  "stackflow-dev": { bucket: "stackflow-dev-us-east-1-tfstate", table: "stackflow-dev-us-east-1-tflock", region: "us-east-1" },
  "webhooks-prod": { bucket: "webhooks-prod-eu-central-1-tfstate", table: "webhooks-prod-eu-central-1-tflock", region: "eu-central-1" },
  "webhooks-dev": { bucket: "webhooks-dev-eu-central-1-tfstate", table: "webhooks-dev-eu-central-1-tflock", region: "eu-central-1" },
  "axonflow-prod": { bucket: "axonflow-prod-us-east-1-tfstate", table: "axonflow-prod-us-east-1-tflock", region: "us-east-1" },
  "axonflow-dev": { bucket: "axonflow-dev-us-east-1-tfstate", table: "axonflow-dev-us-east-1-tflock", region: "us-east-1" },
  "serverless-saas-prod": { bucket: "saas-prod-multi-tenant-eu-west-1-tfstate", table: "saas-prod-multi-tenant-eu-west-1-tflock", region: "eu-west-1" },
  "serverless-saas-dev": { bucket: "saas-integration-test-eu-west-1-tfstate", table: "saas-integration-test-eu-west-1-tflock", region: "eu-west-1" },
  "commerce-prod": { bucket: "commerce-prod-us-west-2-tfstate", table: "commerce-prod-us-west-2-tflock", region: "us-west-2" },
  "commerce-staging": { bucket: "commerce-nonprod-us-west-2-tfstate", table: "commerce-nonprod-us-west-2-tflock", region: "us-west-2" },
  "commerce-dev": { bucket: "commerce-nonprod-us-west-2-tfstate", table: "commerce-nonprod-us-west-2-tflock", region: "us-west-2" },
};

describe("stacks", () => {
  it("are a network, a data, an observability, (where queues or a broker exist) a messaging, (where functions or containers exist) a compute and (where a public edge exists) an edge stack per deployment plus one state stack per account and region", () => {
    const messaging = ["stackflow-prod", "stackflow-dev", "webhooks-prod", "webhooks-dev", "serverless-saas-prod", "serverless-saas-dev", "commerce-prod", "commerce-staging"];
    const compute = ["stackflow-prod", "stackflow-dev", "webhooks-prod", "webhooks-dev", "serverless-saas-prod", "serverless-saas-dev", "axonflow-prod", "axonflow-dev", "commerce-prod", "commerce-staging", "commerce-dev"];
    const edge = Object.keys(BACKENDS).filter((d) => !d.startsWith("axonflow-"));
    expect(layerStacks()).toEqual(Object.keys(BACKENDS).flatMap((d) => [
      `${d}-data`, `${d}-network`, `${d}-observability`, ...(messaging.includes(d) ? [`${d}-messaging`] : []), ...(compute.includes(d) ? [`${d}-compute`] : []), ...(edge.includes(d) ? [`${d}-edge`] : []),
    ]).sort());
    expect(stateStacks()).toEqual([
      "axonflow-dev-us-east-1-state", "axonflow-prod-us-east-1-state",
      "commerce-nonprod-us-west-2-state", "commerce-prod-us-west-2-state",
      "saas-integration-test-eu-west-1-state", "saas-management-eu-west-1-state", "saas-monitoring-eu-west-1-state", "saas-prod-multi-tenant-eu-west-1-state",
      "stackflow-dev-us-east-1-state", "stackflow-prod-us-east-1-state",
      "webhooks-dev-eu-central-1-state", "webhooks-prod-eu-central-1-state",
    ]);
  });

  it("depend on the state stack of their account and region, so it applies first", () => {
    expect(manifest().stacks["commerce-dev-network"].dependencies).toEqual(["commerce-nonprod-us-west-2-state"]);
    expect(manifest().stacks["commerce-staging-network"].dependencies).toEqual(["commerce-nonprod-us-west-2-state"]);
    expect(manifest().stacks["stackflow-prod-network"].dependencies).toEqual(["stackflow-prod-us-east-1-state"]);
    expect(manifest().stacks["stackflow-prod-data"].dependencies).toEqual(["stackflow-prod-us-east-1-state", "stackflow-prod-network"]);
    for (const name of stateStacks()) expect(manifest().stacks[name].dependencies).toEqual([]);
  });
});

describe("S3 backend", () => {
  it.each(Object.entries(BACKENDS))("%s stacks keep encrypted, locked state at <system>/<env>/<layer>.tfstate", (name, expected) => {
    const [system, environment] = [name.slice(0, name.lastIndexOf("-")), name.slice(name.lastIndexOf("-") + 1)];
    for (const layer of ["network", "data"]) {
      expect(stack(`${name}-${layer}`).terraform.backend).toEqual({
        s3: {
          bucket: expected.bucket,
          key: `${system}/${environment}/${layer}.tfstate`,
          region: expected.region,
          encrypt: true,
          dynamodb_table: expected.table,
          use_lockfile: true,
        },
      });
    }
  });

  it("gives every stack its own state key", () => {
    const locations = [...layerStacks(), ...accountStacks()].map((n) => {
      const s3 = stack(n).terraform.backend.s3;
      return `${s3.bucket}/${s3.key}`;
    });
    expect(new Set(locations).size).toBe(locations.length);
    expect(locations.length).toBe(67);
  });

  it("is bootstrapped by state stacks that start on local state", () => {
    for (const name of stateStacks()) {
      expect(stack(name).terraform.backend).toEqual({ local: { path: `terraform.${name}.tfstate` } });
    }
  });
});

describe("providers", () => {
  it("use fully qualified sources, pinned versions and Terraform >= 1.11 in every stack", () => {
    const aws = { source: "registry.terraform.io/hashicorp/aws", version: "6.25.0" };
    const random = { source: "registry.terraform.io/hashicorp/random", version: "3.7.2" };
    const tls = { source: "registry.terraform.io/hashicorp/tls", version: "4.1.0" };
    const cloudflare = { source: "registry.terraform.io/cloudflare/cloudflare", version: "5.14.0" };
    for (const name of stackNames()) {
      const tf = stack(name).terraform;
      const generatesSecrets = (name.endsWith("-data") && !name.startsWith("serverless-saas-")) || /^(stackflow|webhooks)-(prod|dev)-compute$/.test(name);
      const runsBroker = /^webhooks-(prod|dev)-messaging$/.test(name);
      // Edge: commerce generates its ALB origin's secret header, stackflow and serverless-saas their REST API's; webhooks holds the Cloudflare zone (its header value is compute's secret).
      const cloudflareEdge = /^webhooks-(prod|dev)-edge$/.test(name);
      const originSecret = /^(commerce-(prod|staging|dev)|stackflow-(prod|dev)|serverless-saas-(prod|dev))-edge$/.test(name);
      expect(tf.required_providers, name).toEqual(
        runsBroker ? { aws, random, tls } : cloudflareEdge ? { aws, cloudflare } : generatesSecrets || originSecret ? { aws, random } : { aws });
      expect(tf.required_version).toBe(">= 1.11.0");
    }
  });

  it("pin stackflow production to account 373544523367 and leave unpinned accounts without the list", () => {
    expect(stack("stackflow-prod-network").provider.aws[0].allowed_account_ids).toEqual(["373544523367"]);
    expect(stack("stackflow-prod-us-east-1-state").provider.aws[0].allowed_account_ids).toEqual(["373544523367"]);
    expect(stack("stackflow-dev-network").provider.aws[0]).not.toHaveProperty("allowed_account_ids");
    expect(stack("commerce-prod-network").provider.aws[0]).not.toHaveProperty("allowed_account_ids");
  });

  it("run in the deployment's region with default tags naming system, environment, layer and owner", () => {
    expect(stack("webhooks-prod-network").provider.aws[0]).toMatchObject({
      region: "eu-central-1",
      default_tags: [{
        tags: {
          system: "webhooks", environment: "prod", layer: "network",
          "managed-by": "cdktf", repository: "platform-team/platform-infrastructure",
        },
      }],
    });
  });

  it("tag a shared state stack with its scope, never with the deployments it serves", () => {
    expect(stack("commerce-nonprod-us-west-2-state").provider.aws[0]).toEqual({
      region: "us-west-2",
      default_tags: [{ tags: { scope: "account", account: "commerce-nonprod", layer: "state", "managed-by": "cdktf", repository: "platform-team/platform-infrastructure" } }],
    });
  });
});
