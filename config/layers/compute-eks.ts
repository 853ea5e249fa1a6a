import { z } from "zod";
import { parseCidr } from "../../lib/cidr";
import type { LayerContext } from "../context";
import { EKS_STANDARD_SUPPORT_ENDS, EKS_VERSIONS, type EksVersion, REFUSED_EKS_VERSIONS } from "../eks-versions";
import { constructId, enumOf, intBetween, logRetentionDays, riskReason, workloadName } from "../fields";

/** Managed node group AMI types: AL2023 or Bottlerocket (EKS stopped publishing AL2 AMIs on 2025-11-26). */
export const EKS_AMI_TYPES = ["AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD", "BOTTLEROCKET_x86_64", "BOTTLEROCKET_ARM_64"] as const;

/**
 * The add-ons every cluster gets, each pinned by config: the core ones and
 * Container Insights (`amazon-cloudwatch-observability`), whose metrics the
 * observability layer alarms on.
 */
export const EKS_ADDONS = ["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver", "eks-pod-identity-agent", "amazon-cloudwatch-observability"] as const;
export type EksAddonName = (typeof EKS_ADDONS)[number];

/** Access policies an access entry may be associated with (EKS's AmazonEKS<Name>Policy). */
export const EKS_ACCESS = { clusterAdmin: "AmazonEKSClusterAdminPolicy", admin: "AmazonEKSAdminPolicy", edit: "AmazonEKSEditPolicy", view: "AmazonEKSViewPolicy" } as const;

/** EKS's quota of nodes per managed node group. */
const MAX_NODES = 450;
const WORLD = "0.0.0.0/0";

const instanceType = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.(?:nano|micro|small|medium|large|\d*xlarge|metal(?:-\d+xl)?)$/, {
  error: "must be an EC2 instance type such as m7i.large or c7g.2xlarge",
});
const addonVersion = z.string().regex(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/, { error: "must be v<major>.<minor>.<patch>-eksbuild.<build> (an EKS add-on version, e.g. v1.21.1-eksbuild.3)" });
/** Kubernetes label keys (optional DNS-subdomain prefix, 63-character name) and values. */
const labelKey = z.string().regex(/^(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?\/)?[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/, { error: "must be a Kubernetes label key ([prefix/]name, name 1-63 characters)" });
const labelValue = z.string().regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/, { error: "must be a Kubernetes label value (0-63 letters, digits and ._-, alphanumeric at both ends)" });
const k8sName = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, { error: "must be a Kubernetes name (1-63 lowercase letters, digits and hyphens)" });

const nodeGroupSchema = z.strictObject({
  /** Construct id; contract maps key the group by it. */
  id: constructId,
  /** On-demand for what must not be interrupted, spot for what can be. */
  capacityType: enumOf(["ON_DEMAND", "SPOT"]),
  /** Instance types, most preferred first; spot groups need at least two (capacity pools to fall back on). */
  instanceTypes: z.array(instanceType).min(1).max(20),
  /** @default "AL2023_x86_64_STANDARD" */
  amiType: enumOf(EKS_AMI_TYPES).default("AL2023_x86_64_STANDARD"),
  minSize: intBetween(0, MAX_NODES, "nodes"),
  maxSize: intBetween(1, MAX_NODES, "nodes"),
  /** Nodes at creation; the cluster autoscaler owns it afterwards. */
  desiredSize: intBetween(0, MAX_NODES, "nodes"),
  /** gp3 root (AL2023) or data (Bottlerocket) volume size. @default 50 */
  diskGib: intBetween(20, 16384, "GiB").default(50),
  /** Kubernetes labels of the nodes. @default none */
  labels: z.record(labelKey, labelValue).default({}),
  /** Taints keeping other pods off the nodes. @default none */
  taints: z.array(z.strictObject({ key: labelKey, value: labelValue.optional(), effect: enumOf(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"]) })).max(50).default([]),
  /** Share of nodes replaced at once during an update. @default 33 */
  maxUnavailablePercent: intBetween(1, 100, "percent").default(33),
});

const accessEntrySchema = z.strictObject({
  id: constructId,
  /** A role of the deployment's account, by name (path included when it has one). */
  roleName: z.string().regex(/^(?:[\x21-\x7E]*\/)?[\w+=,.@-]{1,64}$/, { error: "must be an IAM role name, optionally after its path" }).optional(),
  /** Any principal, by ARN (another account's role, an SSO role with its path). */
  principalArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:(?:role|user)\/[\x21-\x7E]{1,512}$/, { error: "must be an IAM role or user ARN" }).optional(),
  /** What the principal may do, through EKS's access policies. */
  access: enumOf(Object.keys(EKS_ACCESS) as ["clusterAdmin", "admin", "edit", "view"]),
  /** Namespaces the access is limited to. @default the whole cluster */
  namespaces: z.array(k8sName).min(1).optional(),
});

/** The deployment's EKS cluster. */
export const eksSchema = z.strictObject({
  /** @default "Main" */
  id: constructId.default("Main"),
  /** @default `<system>-<env>` */
  name: z.string().optional(),
  /** Kubernetes version (config/eks-versions.ts, dated). */
  version: z.string(),
  /** Network workload whose security group the nodes carry (with the cluster's own group), so stores admitting it admit the pods. */
  nodeWorkload: workloadName,
  /** Networks the public API endpoint answers; none keeps the endpoint private. @default none */
  publicAccessCidrs: z.array(z.string()).default([]),
  /** Why the API must answer the whole internet; required when publicAccessCidrs holds 0.0.0.0/0. */
  publicAccessRiskReason: riskReason.optional(),
  /** Days control-plane logs are kept. @default the deployment's logRetentionDays */
  logRetentionDays: logRetentionDays.optional(),
  /** Who may use the Kubernetes API (authentication mode API: no aws-auth ConfigMap). */
  accessEntries: z.array(accessEntrySchema).min(1, { error: "must list at least one access entry (the cluster creator gets none)" }),
  nodeGroups: z.array(nodeGroupSchema).min(1, { error: "must list at least one node group" }),
  /** Version of each add-on. */
  addons: z.strictObject(Object.fromEntries(EKS_ADDONS.map((a) => [a, addonVersion])) as Record<EksAddonName, typeof addonVersion>),
  /**
   * The API's service account, whose IRSA role reads exactly the listed
   * stores' secrets; its namespace's running pods must not fall under
   * `minPods` (observability alarms on Container Insights' count). @default minPods 1
   */
  apiServiceAccount: z.strictObject({ namespace: k8sName, name: k8sName, stores: z.array(z.string()).min(1), minPods: intBetween(1, 1000, "pods").default(1) }),
});

/** A resolved managed node group. */
export interface EksNodeGroupSettings extends Omit<z.output<typeof nodeGroupSchema>, "amiType"> {
  readonly name: string;
  readonly launchTemplateName: string;
  readonly amiType: (typeof EKS_AMI_TYPES)[number];
}

/** A resolved access entry. */
export interface EksAccessEntrySettings {
  readonly id: string;
  /** A full ARN, or a role name for the deployment's account. */
  readonly principal: { readonly arn: string } | { readonly roleName: string };
  readonly policy: (typeof EKS_ACCESS)[keyof typeof EKS_ACCESS];
  readonly namespaces?: readonly string[];
}

/** An IRSA role: its name and the one service account that may assume it. */
export interface IrsaRoleSettings {
  readonly roleName: string;
  readonly namespace: string;
  readonly serviceAccount: string;
}

/** A resolved EKS cluster. */
export interface EksSettings {
  readonly id: string;
  readonly name: string;
  readonly version: EksVersion;
  readonly nodeWorkload: string;
  readonly publicAccessCidrs: readonly string[];
  readonly publicAccessRiskReason?: string;
  readonly logGroupName: string;
  /** Log group the CloudWatch agent writes Container Insights' performance events to (its metrics come from them). */
  readonly insightsLogGroupName: string;
  readonly logRetentionDays: number;
  readonly keyAlias: string;
  readonly clusterRoleName: string;
  readonly nodeRoleName: string;
  readonly accessEntries: readonly EksAccessEntrySettings[];
  readonly nodeGroups: readonly EksNodeGroupSettings[];
  readonly addons: Readonly<Record<EksAddonName, string>>;
  readonly irsa: {
    readonly loadBalancerController: IrsaRoleSettings;
    readonly clusterAutoscaler: IrsaRoleSettings;
    readonly ebsCsi: IrsaRoleSettings;
    readonly vpcCni: IrsaRoleSettings;
    readonly cloudwatchAgent: IrsaRoleSettings;
    readonly api: IrsaRoleSettings & { readonly stores: readonly string[]; readonly minPods: number };
  };
}

/**
 * Resolves the EKS cluster: the version against the dated list, the public
 * endpoint against the world, node group bounds and instance types, add-on
 * versions, names and references (workload, stores).
 */
export function resolveEks(e: z.output<typeof eksSchema>, ctx: LayerContext): EksSettings {
  const d = ctx.deployment;
  const f = (rest: string) => `compute.eks.${rest}`;
  const name = ctx.name("eks-cluster", e.name ?? d.name, e.name === undefined ? f("id") : f("name"), e.name ?? e.id);
  checkVersion(e.version, ctx);
  ctx.use("workload", e.nodeWorkload, f("nodeWorkload"));
  e.publicAccessCidrs.forEach((c, i) => {
    if (!parseCidr(c)) ctx.problem(f(`publicAccessCidrs.${i}`), c, "must be an IPv4 network in CIDR notation, e.g. 203.0.113.0/24");
    else if (c === WORLD && e.publicAccessRiskReason === undefined) {
      ctx.problem(f(`publicAccessCidrs.${i}`), c, "opens the Kubernetes API to the whole internet: list your networks, or give compute.eks.publicAccessRiskReason");
    }
  });
  if (e.publicAccessRiskReason !== undefined && !e.publicAccessCidrs.includes(WORLD)) {
    ctx.problem(f("publicAccessRiskReason"), e.publicAccessRiskReason, "applies only when publicAccessCidrs holds 0.0.0.0/0");
  }
  const kubeProxyMinor = e.addons["kube-proxy"].match(/^v(\d+\.\d+)\./)?.[1];
  if (kubeProxyMinor !== undefined && (EKS_VERSIONS as readonly string[]).includes(e.version) && kubeProxyMinor !== e.version) {
    ctx.problem(f("addons.kube-proxy"), e.addons["kube-proxy"], `must be a v${e.version}.x build: kube-proxy follows the cluster's Kubernetes version`);
  }
  const accessEntries = e.accessEntries.map((a, i): EksAccessEntrySettings => {
    if ((a.roleName === undefined) === (a.principalArn === undefined)) ctx.problem(f(`accessEntries.${i}`), a.id, "must give exactly one of roleName and principalArn");
    return { id: a.id, principal: a.principalArn !== undefined ? { arn: a.principalArn } : { roleName: a.roleName ?? "" }, policy: EKS_ACCESS[a.access], namespaces: a.namespaces };
  });
  const nodeGroups = e.nodeGroups.map((g, i) => resolveNodeGroup(g, i, name, ctx));
  const role = (purpose: string, field: string) => ctx.name("iam-role", `${d.name}-${purpose}`, f(field), e.id);
  const secretless = ctx.settingsOf("data")?.neptune.map((n) => n.id) ?? [];
  e.apiServiceAccount.stores.forEach((s, i) => {
    ctx.use("store", s, f(`apiServiceAccount.stores.${i}`));
    if (secretless.includes(s)) ctx.problem(f(`apiServiceAccount.stores.${i}`), s, "has no secret to read (Neptune authenticates with IAM)");
  });
  return {
    id: e.id, name, version: e.version as EksVersion, nodeWorkload: e.nodeWorkload, publicAccessCidrs: e.publicAccessCidrs, publicAccessRiskReason: e.publicAccessRiskReason,
    logGroupName: ctx.name("log-group", `/aws/eks/${name}/cluster`, f("id"), e.id),
    insightsLogGroupName: ctx.name("log-group", `/aws/containerinsights/${name}/performance`, f("addons.amazon-cloudwatch-observability"), e.id),
    logRetentionDays: e.logRetentionDays ?? d.logRetentionDays,
    keyAlias: ctx.name("kms-alias", `${d.name}-eks`, f("id"), e.id),
    clusterRoleName: role("eks-cluster", "id"), nodeRoleName: role("eks-node", "nodeGroups"),
    accessEntries, nodeGroups, addons: e.addons,
    irsa: {
      loadBalancerController: { roleName: role("eks-lb-controller", "id"), namespace: "kube-system", serviceAccount: "aws-load-balancer-controller" },
      clusterAutoscaler: { roleName: role("eks-cluster-autoscaler", "id"), namespace: "kube-system", serviceAccount: "cluster-autoscaler" },
      ebsCsi: { roleName: role("eks-ebs-csi", "addons.aws-ebs-csi-driver"), namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa" },
      vpcCni: { roleName: role("eks-vpc-cni", "addons.vpc-cni"), namespace: "kube-system", serviceAccount: "aws-node" },
      // The service account the add-on creates for its CloudWatch agent (and Fluent Bit).
      cloudwatchAgent: { roleName: role("eks-cloudwatch-agent", "addons.amazon-cloudwatch-observability"), namespace: "amazon-cloudwatch", serviceAccount: "cloudwatch-agent" },
      api: {
        roleName: role("eks-api", "apiServiceAccount"), namespace: e.apiServiceAccount.namespace, serviceAccount: e.apiServiceAccount.name,
        stores: e.apiServiceAccount.stores, minPods: e.apiServiceAccount.minPods,
      },
    },
  };
}

function checkVersion(version: string, ctx: LayerContext): void {
  if ((EKS_VERSIONS as readonly string[]).includes(version)) return;
  const supported = EKS_VERSIONS.map((v) => `${v} (standard support to ${EKS_STANDARD_SUPPORT_ENDS[v]})`).join(", ");
  const why = REFUSED_EKS_VERSIONS[version];
  ctx.problem("compute.eks.version", version, `${why ? `${why}; ` : ""}must be one of: ${supported}`);
}

function resolveNodeGroup(g: z.output<typeof nodeGroupSchema>, i: number, cluster: string, ctx: LayerContext): EksNodeGroupSettings {
  const field = (rest: string) => `compute.eks.nodeGroups.${i}.${rest}`;
  if (g.minSize > g.maxSize) ctx.problem(field("minSize"), g.minSize, `must be at most maxSize (${g.maxSize})`);
  else if (g.desiredSize < g.minSize || g.desiredSize > g.maxSize) ctx.problem(field("desiredSize"), g.desiredSize, `must be between minSize and maxSize (${g.minSize}-${g.maxSize})`);
  if (g.capacityType === "SPOT" && g.instanceTypes.length < 2) {
    ctx.problem(field("instanceTypes"), g.instanceTypes, "must list at least 2 instance types for SPOT capacity (more pools, fewer interruptions)");
  }
  const arm = g.amiType.includes("ARM");
  g.instanceTypes.forEach((t, j) => {
    if (isGraviton(t) !== arm) ctx.problem(field(`instanceTypes.${j}`), t, `must be ${arm ? "an Arm (Graviton)" : "an x86"} instance type to run ${g.amiType}`);
  });
  const name = ctx.name("eks-node-group", `${cluster}-${kebab(g.id)}`, field("id"), g.id);
  const launchTemplateName = ctx.name("launch-template", `${cluster}-${kebab(g.id)}-nodes`, field("id"), g.id);
  return { ...g, name, launchTemplateName };
}

/** Graviton families carry a `g` right after the generation digit (m7g, c7gn, t4g, r8gd). */
const isGraviton = (instanceType: string): boolean => /^[a-z]+\d+g/.test(instanceType.split(".")[0]);
const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
