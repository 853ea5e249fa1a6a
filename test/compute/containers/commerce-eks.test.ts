import { describe, expect, it } from "vitest";
import { byAttr, onlyRef, outputValues, policy, refBy, resources, stack, upstream, upstreamEntry } from "../../support/synth";
import { expectedEksRoles, secretsKeyArn } from "./expected-eks-roles";

const ENVS = ["prod", "staging", "dev"] as const;
const s = (env: string) => stack(`commerce-${env}-compute`);
const prod = () => s("prod");
const ACCOUNT = "${data.aws_caller_identity.Caller.account_id}";
const ARN = "arn:${data.aws_partition.Partition.partition}";
const cluster = (env = "prod") => byAttr(s(env), "aws_eks_cluster", "name", `commerce-${env}`);
const clusterRef = (attribute: string, env = "prod") => refBy(s(env), "aws_eks_cluster", "name", `commerce-${env}`, attribute);
const nodeGroup = (name: string, env = "prod") => byAttr(s(env), "aws_eks_node_group", "node_group_name", name);
const template = (name: string, env = "prod") => byAttr(s(env), "aws_launch_template", "name", name);

describe("commerce EKS cluster (seed 004: EKS 1.30 -> 1.35, managed node groups)", () => {
  it.each(ENVS)("commerce-%s runs 1.35 in standard support with a private endpoint in the compute subnets", (env) => {
    expect(cluster(env)).toMatchObject({
      version: "1.35",
      upgrade_policy: { support_type: "STANDARD" },
      vpc_config: { endpoint_private_access: true, endpoint_public_access: false, subnet_ids: upstream(`commerce-${env}-network`, "compute_subnet_ids") },
      role_arn: refBy(s(env), "aws_iam_role", "name", `commerce-${env}-eks-cluster`, "arn"),
    });
    // Unset with the endpoint off: AWS would otherwise default the list to 0.0.0.0/0.
    expect(cluster(env).vpc_config).not.toHaveProperty("public_access_cidrs");
    expect(cluster(env).vpc_config).not.toHaveProperty("security_group_ids");
  });

  it("envelope-encrypts secrets with a key of its own, which the cluster role may use and nothing else names", () => {
    expect(cluster().encryption_config).toEqual({ resources: ["secrets"], provider: { key_arn: secretsKeyArn(prod()) } });
    const key = Object.values(resources(prod(), "aws_kms_key")).find((k) => String(k.description).startsWith("Envelope-encrypts"))!;
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(policy(key.policy).Statement).toEqual([{ Sid: "AccountRootAdministers", Effect: "Allow", Principal: { AWS: `${ARN}:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }]);
    expect(byAttr(prod(), "aws_kms_alias", "name", "alias/commerce-prod-eks").target_key_id).toBe(secretsKeyArn(prod()).replace(".arn}", ".key_id}"));
  });

  it.each(ENVS)("commerce-%s sends all five control-plane log types to its encrypted group, created first and kept for the environment's retention", (env) => {
    expect(cluster(env).enabled_cluster_log_types).toEqual(["api", "audit", "authenticator", "controllerManager", "scheduler"]);
    const retention = { prod: 365, staging: 90, dev: 30 }[env];
    const protect = env !== "dev";
    expect(byAttr(s(env), "aws_cloudwatch_log_group", "name", `/aws/eks/commerce-${env}/cluster`)).toMatchObject({
      retention_in_days: retention, kms_key_id: upstream(`commerce-${env}-network`, "logs_kms_key_arn"), deletion_protection_enabled: protect, lifecycle: { prevent_destroy: protect },
    });
    expect(cluster(env).depends_on).toContain(`aws_cloudwatch_log_group.${Object.entries(resources(s(env), "aws_cloudwatch_log_group")).find(([, g]) => g.name === `/aws/eks/commerce-${env}/cluster`)![0]}`);
  });

  it.each(ENVS)("commerce-%s is kept from destruction outside dev (prevent_destroy and EKS deletion protection)", (env) => {
    expect(cluster(env)).toMatchObject({ deletion_protection: env !== "dev", lifecycle: { prevent_destroy: env !== "dev" } });
  });

  it("authenticates through access entries only: the admin role cluster-wide, CI editing its namespace", () => {
    expect(cluster().access_config).toEqual({ authentication_mode: "API", bootstrap_cluster_creator_admin_permissions: false });
    const entries = Object.values(resources(prod(), "aws_eks_access_entry"));
    expect(entries.map((e) => [e.principal_arn, e.type, e.cluster_name])).toEqual([
      [`${ARN}:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`, "STANDARD", clusterRef("name")],
      [`${ARN}:iam::${ACCOUNT}:role/github-apply-commerce-prod`, "STANDARD", clusterRef("name")],
    ]);
    const associations = Object.values(resources(prod(), "aws_eks_access_policy_association"));
    expect(associations.map((a) => [a.policy_arn, a.access_scope])).toEqual([
      [`${ARN}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`, { type: "cluster" }],
      [`${ARN}:eks::aws:cluster-access-policy/AmazonEKSEditPolicy`, { type: "namespace", namespaces: ["commerce"] }],
    ]);
    const entryIds = Object.keys(resources(prod(), "aws_eks_access_entry"));
    expect(associations.map((a) => a.principal_arn)).toEqual(entryIds.map((id) => `\${aws_eks_access_entry.${id}.principal_arn}`));
  });
});

describe("commerce node groups (seed 004: API on on-demand, batch/observability on spot)", () => {
  it("runs the API pods alone on on-demand AL2023 nodes, labelled and tainted workload=api, 3-12 nodes in prod", () => {
    expect(nodeGroup("commerce-prod-api")).toMatchObject({
      cluster_name: clusterRef("name"), capacity_type: "ON_DEMAND", instance_types: ["m7i.large"], ami_type: "AL2023_x86_64_STANDARD",
      scaling_config: { min_size: 3, desired_size: 3, max_size: 12 }, labels: { workload: "api" },
      taint: [{ key: "workload", value: "api", effect: "NO_SCHEDULE" }], update_config: { max_unavailable_percentage: 33 },
      subnet_ids: upstream("commerce-prod-network", "compute_subnet_ids"), node_role_arn: refBy(prod(), "aws_iam_role", "name", "commerce-prod-eks-node", "arn"),
      lifecycle: { ignore_changes: ["scaling_config[0].desired_size"] },
    });
  });

  it("runs batch and observability on untainted spot nodes across four instance types, 2-20 nodes in prod", () => {
    const spot = nodeGroup("commerce-prod-spot");
    expect(spot).toMatchObject({
      capacity_type: "SPOT", instance_types: ["m7i.large", "m6i.large", "m7a.large", "m6a.large"], ami_type: "AL2023_x86_64_STANDARD",
      scaling_config: { min_size: 2, desired_size: 3, max_size: 20 }, labels: { workload: "batch-observability" },
    });
    expect(spot).not.toHaveProperty("taint");
  });

  it.each([["staging", [3, 3, 6], [1, 2, 6]], ["dev", [1, 1, 3], [1, 1, 4]]] as const)("sizes commerce-%s's groups (api, spot) as min/desired/max", (env, api, spot) => {
    const sizes = (g: Record<string, unknown>) => { const c = g.scaling_config as Record<string, number>; return [c.min_size, c.desired_size, c.max_size]; };
    expect(sizes(nodeGroup(`commerce-${env}-api`, env))).toEqual(api);
    expect(sizes(nodeGroup(`commerce-${env}-spot`, env))).toEqual(spot);
  });

  it.each(["api", "spot"])("starts %s nodes from a launch template: IMDSv2 only, hop limit 1, encrypted gp3, both security groups", (group) => {
    const lt = template(`commerce-prod-${group}-nodes`);
    expect(lt.metadata_options).toEqual({ http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1, instance_metadata_tags: "disabled" });
    expect(lt.block_device_mappings).toEqual([{ device_name: "/dev/xvda", ebs: { volume_size: 50, volume_type: "gp3", encrypted: "true", delete_on_termination: "true" } }]);
    expect(lt.vpc_security_group_ids).toEqual([clusterRef("vpc_config[0].cluster_security_group_id"), upstreamEntry("commerce-prod-network", "workload_security_group_ids", "eks-nodes")]);
    expect(lt).not.toHaveProperty("image_id");
    const id = refBy(prod(), "aws_launch_template", "name", `commerce-prod-${group}-nodes`, "id");
    expect(nodeGroup(`commerce-prod-${group}`).launch_template).toEqual({ id, version: id.replace(".id}", ".latest_version}") });
  });

  it("starts nodes only once their role may join the cluster and pull images", () => {
    const attachments = Object.keys(resources(prod(), "aws_iam_role_policy_attachment")).filter((id) => id.startsWith("Eks_NodeRole_")).map((id) => `aws_iam_role_policy_attachment.${id}`);
    for (const group of ["api", "spot"]) expect([...(nodeGroup(`commerce-prod-${group}`).depends_on as string[])].sort()).toEqual(attachments.sort());
    expect(attachments).toHaveLength(2);
  });
});

describe("commerce add-ons, pinned (docs/versions.md)", () => {
  const addon = (name: string) => byAttr(prod(), "aws_eks_addon", "addon_name", name);
  const nodeGroups = () => Object.keys(resources(prod(), "aws_eks_node_group")).map((id) => `aws_eks_node_group.${id}`);

  it("pins each add-on to the version recorded for 1.35", () => {
    expect(Object.fromEntries(Object.values(resources(prod(), "aws_eks_addon")).map((a) => [a.addon_name, a.addon_version]))).toEqual({
      "vpc-cni": "v1.21.1-eksbuild.3", coredns: "v1.13.1-eksbuild.1", "kube-proxy": "v1.35.0-eksbuild.2",
      "aws-ebs-csi-driver": "v1.55.0-eksbuild.1", "eks-pod-identity-agent": "v1.3.10-eksbuild.2", "amazon-cloudwatch-observability": "v4.7.0-eksbuild.1",
    });
    for (const a of Object.values(resources(prod(), "aws_eks_addon"))) {
      expect(a).toMatchObject({ cluster_name: clusterRef("name"), resolve_conflicts_on_create: "OVERWRITE", resolve_conflicts_on_update: "PRESERVE" });
    }
  });

  it("creates coredns and the EBS CSI driver after the nodes, the networking add-ons with the cluster", () => {
    expect(addon("coredns").depends_on).toEqual(nodeGroups());
    expect(addon("aws-ebs-csi-driver").depends_on).toEqual(nodeGroups());
    for (const name of ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"]) expect(addon(name)).not.toHaveProperty("depends_on");
  });

  it("gives the VPC CNI, the EBS CSI driver and the CloudWatch agent their IRSA roles, the others none", () => {
    expect(addon("vpc-cni").service_account_role_arn).toBe(refBy(prod(), "aws_iam_role", "name", "commerce-prod-eks-vpc-cni", "arn"));
    expect(addon("aws-ebs-csi-driver").service_account_role_arn).toBe(refBy(prod(), "aws_iam_role", "name", "commerce-prod-eks-ebs-csi", "arn"));
    expect(addon("amazon-cloudwatch-observability").service_account_role_arn).toBe(refBy(prod(), "aws_iam_role", "name", "commerce-prod-eks-cloudwatch-agent", "arn"));
    for (const name of ["coredns", "kube-proxy", "eks-pod-identity-agent"]) expect(addon(name)).not.toHaveProperty("service_account_role_arn");
  });

  it.each(ENVS)("commerce-%s installs Container Insights after the nodes and its encrypted performance log group, metrics only (no container logs)", (env) => {
    const groupName = `/aws/containerinsights/commerce-${env}/performance`;
    const [address, group] = Object.entries(resources(s(env), "aws_cloudwatch_log_group")).find(([, g]) => g.name === groupName)!;
    const protect = env !== "dev";
    expect(group).toMatchObject({
      retention_in_days: { prod: 365, staging: 90, dev: 30 }[env], kms_key_id: upstream(`commerce-${env}-network`, "logs_kms_key_arn"),
      deletion_protection_enabled: protect, lifecycle: { prevent_destroy: protect },
    });
    const insights = Object.values(resources(s(env), "aws_eks_addon")).find((a) => a.addon_name === "amazon-cloudwatch-observability")!;
    const groups = Object.values(resources(s(env), "aws_eks_node_group")).map((g) => g.node_group_name);
    expect(insights.depends_on).toEqual([
      ...Object.entries(resources(s(env), "aws_eks_node_group")).map(([a]) => `aws_eks_node_group.${a}`), `aws_cloudwatch_log_group.${address}`,
    ]);
    expect(groups).toEqual([`commerce-${env}-api`, `commerce-${env}-spot`]);
    expect(JSON.parse(String(insights.configuration_values))).toEqual({ containerLogs: { enabled: false } });
  });
});

describe("commerce IRSA (seed 004: Secrets Manager + IRSA)", () => {
  it("trusts the cluster's issuer for the STS audience, without a thumbprint", () => {
    const provider = Object.values(resources(prod(), "aws_iam_openid_connect_provider"));
    expect(provider).toEqual([expect.objectContaining({ url: clusterRef("identity[0].oidc[0].issuer"), client_id_list: ["sts.amazonaws.com"] })]);
    expect(provider[0]).not.toHaveProperty("thumbprint_list");
    expect(Object.values((prod() as unknown as { locals: Record<string, string> }).locals)).toEqual([`\${replace(${clusterRef("identity[0].oidc[0].issuer").slice(2, -1)}, "https://", "")}`]);
  });

  it.each(ENVS)("commerce-%s: every EKS role holds exactly its trust, inline policy and managed policies", (env) => {
    const expected = expectedEksRoles({ s: s(env), deployment: `commerce-${env}`, region: "us-west-2" });
    const roles = Object.entries(resources(s(env), "aws_iam_role")).filter(([id]) => id.startsWith("Eks_"));
    expect(roles.map(([, r]) => r.name).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, role] of roles) {
      const e = expected[role.name as string];
      const own = `\${aws_iam_role.${id}.name}`;
      expect(policy(role.assume_role_policy), String(role.name)).toEqual(e.trust);
      expect(Object.values(resources(s(env), "aws_iam_role_policy")).filter((p) => p.role === own).map((p) => policy(p.policy))).toEqual(e.inline ? [e.inline] : []);
      expect(Object.values(resources(s(env), "aws_iam_role_policy_attachment")).filter((a) => a.role === own).map((a) => a.policy_arn).sort()).toEqual([...e.managed].sort());
    }
  });

  it("puts IRSA roles under the deployment's path and the cluster and node roles at /", () => {
    const paths = Object.fromEntries(Object.values(resources(prod(), "aws_iam_role")).filter((r) => String(r.name).includes("-eks-")).map((r) => [r.name, r.path]));
    expect(paths).toEqual({
      "commerce-prod-eks-cluster": undefined, "commerce-prod-eks-node": undefined,
      "commerce-prod-eks-lb-controller": "/commerce-prod/", "commerce-prod-eks-cluster-autoscaler": "/commerce-prod/",
      "commerce-prod-eks-ebs-csi": "/commerce-prod/", "commerce-prod-eks-vpc-cni": "/commerce-prod/", "commerce-prod-eks-cloudwatch-agent": "/commerce-prod/",
      "commerce-prod-eks-api": "/commerce-prod/",
    });
  });

  it("conditions IRSA trust on the exact subject and audience with StringEquals (never StringLike)", () => {
    const irsa = Object.values(resources(prod(), "aws_iam_role")).map((r) => policy(r.assume_role_policy).Statement[0]).filter((t) => t.Action === "sts:AssumeRoleWithWebIdentity");
    expect(irsa).toHaveLength(6);
    for (const t of irsa) {
      const conditions = t.Condition as Record<string, Record<string, string>>;
      expect(Object.keys(conditions)).toEqual(["StringEquals"]);
      expect(Object.values(conditions.StringEquals)[0]).toMatch(/^system:serviceaccount:[a-z-]+:[a-z-]+$/);
      expect(Object.values(conditions.StringEquals)[1]).toBe("sts.amazonaws.com");
    }
  });
});

describe("commerce EKS contract outputs", () => {
  it.each(ENVS)("commerce-%s publishes the cluster, its provider and node groups by config id", (env) => {
    const out = outputValues(s(env));
    expect(out.eks_cluster_names).toEqual({ Main: clusterRef("name", env) });
    expect(out.eks_cluster_arns).toEqual({ Main: clusterRef("arn", env) });
    expect(out.eks_oidc_provider_arns).toEqual({ Main: onlyRef(s(env), "aws_iam_openid_connect_provider", "arn") });
    expect(out.eks_node_group_names).toEqual({
      Api: refBy(s(env), "aws_eks_node_group", "node_group_name", `commerce-${env}-api`, "node_group_name"),
      Spot: refBy(s(env), "aws_eks_node_group", "node_group_name", `commerce-${env}-spot`, "node_group_name"),
    });
  });

  it("publishes nothing for EKS where no cluster is configured", () => {
    const out = outputValues(stack("axonflow-prod-compute"));
    expect([out.eks_cluster_names, out.eks_cluster_arns, out.eks_oidc_provider_arns, out.eks_node_group_names]).toEqual([{}, {}, {}, {}]);
    expect(resources(stack("axonflow-prod-compute"), "aws_eks_cluster")).toEqual({});
  });
});
