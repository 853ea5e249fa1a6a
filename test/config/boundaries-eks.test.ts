import { describe, expect, it } from "vitest";
import { NameRegistry } from "../../config/names";
import { resolveDeployments } from "../../config/resolve";
import { at, type Boundary, expectBoundary, problemsOf, shown } from "./boundaries";

const base = {
  system: "commerce", environment: "prod", region: "us-west-2", account: "commerce-prod",
  network: { cidr: "10.0.0.0/16", workloads: [{ name: "eks-nodes", description: "EKS managed node groups" }] },
  data: { aurora: [{ id: "Main", identifier: "commerce-prod-aurora", engineVersion: "15.15", instanceClass: "db.r7g.large", databaseName: "commerce", masterUsername: "commerce_admin", consumers: ["eks-nodes"] }] },
};
const ADDONS = { "vpc-cni": "v1.21.1-eksbuild.3", coredns: "v1.13.1-eksbuild.1", "kube-proxy": "v1.35.0-eksbuild.2", "aws-ebs-csi-driver": "v1.55.0-eksbuild.1", "eks-pod-identity-agent": "v1.3.10-eksbuild.2", "amazon-cloudwatch-observability": "v4.7.0-eksbuild.1" };

/** One valid cluster with one spot group; each row changes one field. */
const valid = () => ({
  eks: {
    version: "1.35", nodeWorkload: "eks-nodes", addons: { ...ADDONS } as Record<string, unknown>,
    accessEntries: [{ id: "Admin", roleName: "OrganizationAccountAccessRole", access: "clusterAdmin" }] as Record<string, unknown>[],
    apiServiceAccount: { namespace: "commerce", name: "api", stores: ["Main"] } as Record<string, unknown>,
  } as Record<string, unknown>,
  group: { id: "Spot", capacityType: "SPOT", instanceTypes: ["m7i.large", "m6i.large"], minSize: 1, desiredSize: 2, maxSize: 4 } as Record<string, unknown>,
});
type Parts = ReturnType<typeof valid>;
const deployment = (change: (p: Parts, v: unknown) => void) => (v: unknown) => {
  const p = valid();
  change(p, v);
  return { ...base, compute: { eks: { ...p.eks, nodeGroups: [p.group] } } };
};
const eks = (key: string) => deployment((p, v) => { p.eks[key] = v; });
const group = (key: string) => deployment((p, v) => { p.group[key] = v; });
const addon = (name: string) => deployment((p, v) => { (p.eks.addons as Record<string, unknown>)[name] = v; });
const apiPods = deployment((p, v) => { (p.eks.apiServiceAccount as Record<string, unknown>).minPods = v; });
const whole = (min: number, max: number, unit = "") => `must be a whole number between ${min} and ${max}${unit ? ` ${unit}` : ""}`;
const G = "compute.eks.nodeGroups.0";
const VERSIONS = "must be one of: 1.35 (standard support to 2027-03-27), 1.36 (standard support to 2027-08-28)";
const REASON = "the platform team's CI runs outside any fixed range until the VPN lands";
const ADDON_FORMAT = "must be v<major>.<minor>.<patch>-eksbuild.<build> (an EKS add-on version, e.g. v1.21.1-eksbuild.3)";

const rows: Boundary[] = [
  at("compute.eks.version", "1.35", "1.34", `standard support ends 2026-12-02; ${VERSIONS}`, eks("version")),
  at("compute.eks.version", "1.35", "1.30", `extended support ended 2026-07-23: clusters can no longer be created; ${VERSIONS}`, eks("version")),
  at("compute.eks.version", "1.35", "1.37", VERSIONS, eks("version")),
  at("compute.eks.version", "1.36", "1.37", VERSIONS, deployment((p, v) => { p.eks.version = v; (p.eks.addons as Record<string, unknown>)["kube-proxy"] = "v1.36.0-eksbuild.1"; })),
  at(`${G}.minSize`, 4, 5, "must be at most maxSize (4)", deployment((p, v) => { p.group.minSize = v; p.group.desiredSize = 4; })),
  at(`${G}.desiredSize`, 4, 5, "must be between minSize and maxSize (1-4)", group("desiredSize")),
  at(`${G}.desiredSize`, 1, 0, "must be between minSize and maxSize (1-4)", group("desiredSize")),
  at(`${G}.maxSize`, 450, 451, whole(1, 450, "nodes"), group("maxSize")),
  at(`${G}.minSize`, 0, -1, whole(0, 450, "nodes"), group("minSize")),
  at(`${G}.diskGib`, 20, 19, whole(20, 16384, "GiB"), group("diskGib")),
  at(`${G}.maxUnavailablePercent`, 100, 101, whole(1, 100, "percent"), group("maxUnavailablePercent")),
  at(`${G}.instanceTypes`, ["m7i.large", "m6i.large"], ["m7i.large"], "must list at least 2 instance types for SPOT capacity (more pools, fewer interruptions)", group("instanceTypes")),
  at(`${G}.instanceTypes.1`, ["m7i.large", "m7i-flex.2xlarge"], ["m7i.large", "m7i_large"], "must be an EC2 instance type such as m7i.large or c7g.2xlarge", group("instanceTypes")),
  at(`${G}.instanceTypes.1`, ["m7i.large", "m7i.metal-24xl"], ["m7i.large", "m7g.large"], "must be an x86 instance type to run AL2023_x86_64_STANDARD", group("instanceTypes")),
  at("compute.eks.addons.coredns", "v1.13.1-eksbuild.1", "1.13.1-eksbuild.1", ADDON_FORMAT, addon("coredns")),
  at("compute.eks.addons.vpc-cni", "v1.21.1-eksbuild.3", "v1.21.1", ADDON_FORMAT, addon("vpc-cni")),
  at("compute.eks.addons.kube-proxy", "v1.35.9-eksbuild.1", "v1.34.0-eksbuild.2", "must be a v1.35.x build: kube-proxy follows the cluster's Kubernetes version", addon("kube-proxy")),
  at("compute.eks.addons.amazon-cloudwatch-observability", "v4.7.0-eksbuild.1", "v4.7.0", ADDON_FORMAT, addon("amazon-cloudwatch-observability")),
  at("compute.eks.apiServiceAccount.minPods", 1, 0, whole(1, 1000, "pods"), apiPods),
  at("compute.eks.apiServiceAccount.minPods", 1000, 1001, whole(1, 1000, "pods"), apiPods),
  at("compute.eks.publicAccessCidrs.0", ["203.0.113.0/24"], ["0.0.0.0/0"], "opens the Kubernetes API to the whole internet: list your networks, or give compute.eks.publicAccessRiskReason", eks("publicAccessCidrs")),
  at("compute.eks.publicAccessCidrs.0", ["198.51.100.7/32"], ["198.51.100.7"], "must be an IPv4 network in CIDR notation, e.g. 203.0.113.0/24", eks("publicAccessCidrs")),
];

/** Rows whose problem names a list entry rather than the value the row sets. */
const entryValue = (b: Boundary) => (Array.isArray(b.bad) && /\.\d+$/.test(b.field) ? b.bad[Number(b.field.split(".").pop())] : b.bad);
const titled = (list: Boundary[]) => list.map((b) => ({ ...b, title: `${b.field}: ${shown(b.ok)} passes, ${shown(b.bad)} fails` }));

describe("compute.eks configuration boundaries", () => {
  it.each(titled(rows))("$title", (b) => {
    if (entryValue(b) !== b.bad) {
      expect(problemsOf([b.build(b.ok)])).toEqual([]);
      expect(problemsOf([b.build(b.bad)])).toEqual([`commerce-prod: ${b.field} = ${JSON.stringify(entryValue(b))}: ${b.message}`]);
      return;
    }
    expectBoundary(b, "commerce-prod");
  });
});

describe("compute.eks overrides, references and names", () => {
  const deploy = (change: (p: Parts) => void) => deployment((p) => change(p))(undefined);

  it("opens the API to the world only with a reason, and refuses a reason nothing needs", () => {
    expect(problemsOf([deploy((p) => { p.eks.publicAccessCidrs = ["0.0.0.0/0"]; p.eks.publicAccessRiskReason = REASON; })])).toEqual([]);
    expect(problemsOf([deploy((p) => { p.eks.publicAccessCidrs = ["0.0.0.0/0"]; p.eks.publicAccessRiskReason = "because"; })])).toEqual([
      'commerce-prod: compute.eks.publicAccessRiskReason = "because": must give the reason in 20-500 characters (it is shown in review)',
    ]);
    expect(problemsOf([deploy((p) => { p.eks.publicAccessRiskReason = REASON; })])).toEqual([
      `commerce-prod: compute.eks.publicAccessRiskReason = ${JSON.stringify(REASON)}: applies only when publicAccessCidrs holds 0.0.0.0/0`,
    ]);
  });

  it("needs exactly one principal per access entry and an access entry at all", () => {
    expect(problemsOf([deploy((p) => { p.eks.accessEntries = [{ id: "Admin", access: "view" }]; })])).toEqual([
      'commerce-prod: compute.eks.accessEntries.0 = "Admin": must give exactly one of roleName and principalArn',
    ]);
    expect(problemsOf([deploy((p) => { p.eks.accessEntries = [{ id: "Admin", access: "view", roleName: "ops", principalArn: "arn:aws:iam::123456789012:role/ops" }]; })])).toEqual([
      'commerce-prod: compute.eks.accessEntries.0 = "Admin": must give exactly one of roleName and principalArn',
    ]);
    expect(problemsOf([deploy((p) => { p.eks.accessEntries = [{ id: "Sso", access: "view", principalArn: "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_View_0123" }]; })])).toEqual([]);
    expect(problemsOf([deploy((p) => { p.eks.accessEntries = []; })])).toEqual([
      "commerce-prod: compute.eks.accessEntries = []: must list at least one access entry (the cluster creator gets none)",
    ]);
  });

  it("names the workload and stores it uses, and refuses a store without a secret", () => {
    expect(problemsOf([deploy((p) => { p.eks.nodeWorkload = "nodes"; (p.eks.apiServiceAccount as Record<string, unknown>).stores = ["Missing"]; })])).toEqual([
      'commerce-prod: compute.eks.nodeWorkload = "nodes": must name a workload of network.workloads (eks-nodes)',
      'commerce-prod: compute.eks.apiServiceAccount.stores.0 = "Missing": must name a store of data.aurora / rds / neptune / redis (Main)',
    ]);
    const graph = { ...deploy((p) => { (p.eks.apiServiceAccount as Record<string, unknown>).stores = ["Graph"]; }), data: { neptune: [{ id: "Graph", identifier: "commerce-prod-graph", engineVersion: "1.4.7.1", minCapacity: 1, maxCapacity: 8, consumers: ["eks-nodes"] }] } };
    expect(problemsOf([graph])).toEqual(['commerce-prod: compute.eks.apiServiceAccount.stores.0 = "Graph": has no secret to read (Neptune authenticates with IAM)']);
  });

  it("registers the cluster, node group, launch template, log groups, key alias and role names", () => {
    const names = new NameRegistry();
    resolveDeployments([deploy(() => undefined)], undefined, names);
    expect(names.entries().filter((e) => e.owner.deployment === "commerce-prod" && e.kind !== "security-group" && (e.kind.startsWith("eks-") || e.kind === "launch-template" || /eks|containerinsights/.test(e.name)))
      .map((e) => `${e.kind} ${e.name}`)).toEqual([
      "eks-cluster commerce-prod",
      "eks-node-group commerce-prod-spot",
      "launch-template commerce-prod-spot-nodes",
      "log-group /aws/eks/commerce-prod/cluster",
      "log-group /aws/containerinsights/commerce-prod/performance",
      "kms-alias commerce-prod-eks",
      "iam-role commerce-prod-eks-cluster",
      "iam-role commerce-prod-eks-node",
      "iam-role commerce-prod-eks-lb-controller",
      "iam-role commerce-prod-eks-cluster-autoscaler",
      "iam-role commerce-prod-eks-ebs-csi",
      "iam-role commerce-prod-eks-vpc-cni",
      "iam-role commerce-prod-eks-cloudwatch-agent",
      "iam-role commerce-prod-eks-api",
    ]);
  });
});
