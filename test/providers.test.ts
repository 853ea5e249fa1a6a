import { App, LocalBackend, Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { PlatformStack } from "../stacks/platform-stack";
import { ScopeStack } from "../stacks/scope-stack";

/** A stack that asks for providers the way edge, observability and governance will. */
class ProbeStack extends PlatformStack {
  constructor(scope: Construct, ask: (stack: ProbeStack) => void) {
    super(scope, "probe", { region: "eu-west-1", account: { name: "shop-prod", id: "111111111111" }, tags: { system: "shop", environment: "prod", layer: "edge" } });
    new LocalBackend(this, { path: "probe.tfstate" });
    ask(this);
  }
}

const synth = (ask: (stack: ProbeStack) => void) => JSON.parse(Testing.synth(new ProbeStack(Testing.app(), ask)));
const tags = { tags: { system: "shop", environment: "prod", layer: "edge", "managed-by": "cdktf", repository: "platform-team/platform-infrastructure" } };

describe("providers per stack (stacks/platform-stack.ts)", () => {
  it("has only the deployment's AWS provider until another is asked for", () => {
    const json = synth(() => undefined);
    expect(json.provider).toEqual({ aws: [{ region: "eu-west-1", allowed_account_ids: ["111111111111"], default_tags: [tags] }] });
    expect(json.data).toBeUndefined();
  });

  it("adds a us-east-1 alias once, with the same account pin and tags", () => {
    const json = synth((s) => {
      s.providerFor({ region: "us-east-1" });
      s.providerFor({ region: "us-east-1" });
      expect(s.providerFor({ region: "eu-west-1" })).toBe(s.aws);
    });
    expect(json.provider.aws).toEqual([
      { region: "eu-west-1", allowed_account_ids: ["111111111111"], default_tags: [tags] },
      { alias: "us-east-1", region: "us-east-1", allowed_account_ids: ["111111111111"], default_tags: [tags] },
    ]);
  });

  it("reaches another account of the registry by assuming its platform role, pinned to that account", () => {
    const json = synth((s) => s.providerFor({ region: "eu-west-1", account: { name: "shop-logs", id: "222222222222" } }));
    expect(json.provider.aws[1]).toEqual({
      alias: "shop-logs-eu-west-1", region: "eu-west-1", allowed_account_ids: ["222222222222"], default_tags: [tags],
      assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/platform-terraform", session_name: "probe" }],
    });
  });

  it("refuses another account whose id is unknown", () => {
    expect(() => synth((s) => s.providerFor({ region: "eu-west-1", account: { name: "shop-logs" } })))
      .toThrow("probe: a provider into account shop-logs needs its id in config/accounts.ts (the role ARN to assume names it)");
  });

  it("adds the Cloudflare provider without a token in config, with a fully qualified source", () => {
    const json = synth((s) => s.cloudflare());
    expect(json.provider.cloudflare).toEqual([{}]);
    expect(json.terraform.required_providers.cloudflare.source).toBe("registry.terraform.io/cloudflare/cloudflare");
  });

  it("looks the account id and partition up once", () => {
    const json = synth((s) => [s.accountId, s.accountId, s.partition, s.partition]);
    expect(Object.keys(json.data)).toEqual(["aws_caller_identity", "aws_partition"]);
    expect(Object.keys(json.data.aws_caller_identity)).toEqual(["Caller"]);
  });
});

describe("scope stacks (stacks/scope-stack.ts)", () => {
  class OrgStack extends ScopeStack {
    constructor(scope: Construct) {
      super(scope, "governance", { kind: "organization", organization: "thestack", management: { name: "thestack-management", id: "333333333333" }, region: "us-east-1" });
      new LocalBackend(this, { path: "org.tfstate" });
    }
  }

  it("names an organization stack after the organization and tags it by scope", () => {
    const stack = new OrgStack(new App());
    expect(stack.node.id).toBe("thestack-organization-governance");
    expect(JSON.parse(Testing.synth(stack)).provider.aws[0]).toEqual({
      region: "us-east-1", allowed_account_ids: ["333333333333"],
      default_tags: [{ tags: { scope: "organization", organization: "thestack", layer: "governance", "managed-by": "cdktf", repository: "platform-team/platform-infrastructure" } }],
    });
  });
});
