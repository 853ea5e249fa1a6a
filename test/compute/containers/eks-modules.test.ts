import { describe, expect, it } from "vitest";
import { EksAccessEntry } from "../../../modules/compute/containers/eks-access-entry";
import { EksAddons } from "../../../modules/compute/containers/eks-addons";
import { EksCluster, type EksClusterProps } from "../../../modules/compute/containers/eks-cluster";
import { EksNodeGroup, type EksNodeGroupProps } from "../../../modules/compute/containers/eks-node-group";
import { IrsaRole, type IrsaRoleProps } from "../../../modules/compute/containers/irsa-role";
import type { TerraformStack } from "cdktf";
import { newStack, problemsOf, synthOf } from "../../support/modules";

/** The stack's JSON with the `//` comments (metadata, suppressions) that Testing.synth leaves out. */
function withComments(build: (stack: TerraformStack) => unknown): { resource: Record<string, Record<string, Record<string, unknown>>> } {
  const stack = newStack();
  build(stack);
  return stack.toTerraform() as { resource: Record<string, Record<string, Record<string, unknown>>> };
}

/** Branches and checks of the EKS building blocks no real deployment reaches. */

const cluster: EksClusterProps = {
  name: "app-prod", version: "1.35", roleName: "app-prod-eks-cluster", subnetIds: ["subnet-a", "subnet-b"], secretsKmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/k",
  log: { retentionDays: 30, kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/logs", protect: false }, partition: "aws",
};
const group: EksNodeGroupProps = {
  clusterName: "app-prod", name: "app-prod-arm", launchTemplateName: "app-prod-arm-nodes", nodeRoleArn: "arn:aws:iam::111122223333:role/n",
  subnetIds: ["subnet-a"], securityGroupIds: ["sg-1"], capacityType: "ON_DEMAND", instanceTypes: ["m7g.large"], amiType: "BOTTLEROCKET_ARM_64",
  minSize: 1, maxSize: 3, desiredSize: 2, diskGib: 40,
};
const irsa: IrsaRoleProps = {
  name: "app-prod-x", description: "x", providerArn: "arn:aws:iam::111122223333:oidc-provider/x", issuerHost: "oidc.eks.eu-west-1.amazonaws.com/id/X",
  namespace: "apps", serviceAccount: "api", path: "/app-prod/",
};

describe("EksCluster", () => {
  it("opens the public endpoint to the listed networks only when some are listed", () => {
    const json = withComments((s) => new EksCluster(s, "C", { ...cluster, publicAccessCidrs: ["203.0.113.0/24"], preventDestroy: false }));
    const [c] = Object.values(json.resource.aws_eks_cluster);
    expect(c["//"]).not.toHaveProperty("suppressions");
    expect(c.vpc_config).toEqual({ subnet_ids: ["subnet-a", "subnet-b"], endpoint_private_access: true, endpoint_public_access: true, public_access_cidrs: ["203.0.113.0/24"] });
    expect(c).toMatchObject({ deletion_protection: false, lifecycle: { prevent_destroy: false } });
  });

  it("opens it to the world only with a reason, which suppresses EKS.EndpointAccess on the cluster", () => {
    const reason = "partners call the API from networks we cannot list";
    const json = withComments((s) => new EksCluster(s, "C", { ...cluster, publicAccessCidrs: ["0.0.0.0/0"], publicAccessRiskReason: reason }));
    const [c] = Object.values(json.resource.aws_eks_cluster);
    expect((c.vpc_config as Record<string, unknown>).public_access_cidrs).toEqual(["0.0.0.0/0"]);
    expect((c["//"] as Record<string, unknown>).suppressions).toEqual([{ rule: "EKS.EndpointAccess", reason: `accepted in config (publicAccessRiskReason): ${reason}` }]);
    expect(problemsOf((s) => new EksCluster(s, "C", { ...cluster, publicAccessCidrs: ["10.0.0.0/8", "0.0.0.0/0"] }))).toEqual([
      'test/C: publicAccessCidrs = ["10.0.0.0/8","0.0.0.0/0"]: must not hold 0.0.0.0/0 without publicAccessRiskReason (the Kubernetes API would answer the whole internet)',
    ]);
  });

  it.each<[string, Partial<EksClusterProps>, string]>([
    ["a name EKS refuses", { name: "-app" }, 'test/C: name = "-app": must be 1-100 letters, digits, hyphens and underscores, starting with a letter or digit (EKS cluster names)'],
    ["a patch version", { version: "1.35.2" }, 'test/C: version = "1.35.2": must be a Kubernetes minor version such as 1.35'],
    ["a role name over 64 characters", { roleName: "r".repeat(65) }, `test/C: roleName = "${"r".repeat(65)}": must be at most 64 characters (IAM role names)`],
  ])("refuses %s", (_case, bad, message) => {
    expect(problemsOf((s) => new EksCluster(s, "C", { ...cluster, ...bad }))).toEqual([message]);
  });
});

describe("EksNodeGroup", () => {
  it("puts Bottlerocket's encrypted gp3 volume on its data device, without labels or taints when none are given", () => {
    const json = synthOf((s) => new EksNodeGroup(s, "G", group));
    const [lt] = Object.values(json.resource.aws_launch_template);
    expect(lt.block_device_mappings).toEqual([{ device_name: "/dev/xvdb", ebs: { volume_size: 40, volume_type: "gp3", encrypted: "true", delete_on_termination: "true" } }]);
    const [g] = Object.values(json.resource.aws_eks_node_group);
    expect(g).toMatchObject({ ami_type: "BOTTLEROCKET_ARM_64", instance_types: ["m7g.large"], update_config: { max_unavailable_percentage: 33 } });
    expect(g).not.toHaveProperty("labels");
    expect(g).not.toHaveProperty("taint");
  });

  it.each<[string, Partial<EksNodeGroupProps>, string]>([
    ["min above max", { minSize: 4, desiredSize: 4 }, "test/G: minSize = 4: must be at most maxSize (3)"],
    ["desired above max", { desiredSize: 4 }, "test/G: desiredSize = 4: must be between minSize and maxSize (1-3)"],
    ["more nodes than EKS's quota", { maxSize: 451 }, "test/G: maxSize = 451: must be a whole number from 1 to 450 (nodes per managed node group)"],
    ["no instance type", { instanceTypes: [] }, "test/G: instanceTypes = []: must list at least one instance type"],
    ["a volume over gp3's size", { diskGib: 16385 }, "test/G: diskGib = 16385: must be a whole number from 1 to 16384 (gp3 volume size in GiB)"],
    ["a name over 63 characters", { name: "n".repeat(64) }, `test/G: name = "${"n".repeat(64)}": must be 1-63 letters, digits, hyphens and underscores, starting with a letter or digit (node group names)`],
  ])("refuses %s", (_case, bad, message) => {
    expect(problemsOf((s) => new EksNodeGroup(s, "G", { ...group, ...bad }))).toEqual([message]);
  });

  it("accepts the bounds: min = desired = max, 450 nodes, a 16 TiB volume", () => {
    expect(problemsOf((s) => new EksNodeGroup(s, "G", { ...group, minSize: 450, desiredSize: 450, maxSize: 450, diskGib: 16384 }))).toEqual([]);
  });
});

describe("EksAccessEntry, EksAddons and IrsaRole", () => {
  it("takes any principal ARN and scopes a policy to the whole cluster when no namespace is given", () => {
    const arn = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_View_0123";
    const json = synthOf((s) => new EksAccessEntry(s, "A", { clusterName: "c", principalArn: arn, policy: "AmazonEKSViewPolicy", partition: "aws" }));
    expect(Object.values(json.resource.aws_eks_access_entry)).toEqual([expect.objectContaining({ principal_arn: arn, type: "STANDARD" })]);
    expect(Object.values(json.resource.aws_eks_access_policy_association)[0]).toMatchObject({
      policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", access_scope: { type: "cluster" },
    });
  });

  it.each<[string, () => readonly string[], string]>([
    ["an access policy EKS does not have", () => problemsOf((s) => new EksAccessEntry(s, "A", { clusterName: "c", principalArn: "arn:aws:iam::1:role/r", policy: "AmazonEKSRootPolicy", partition: "aws" })),
      'test/A: policy = "AmazonEKSRootPolicy": must be one of: AmazonEKSClusterAdminPolicy, AmazonEKSAdminPolicy, AmazonEKSEditPolicy, AmazonEKSViewPolicy (EKS access policies)'],
    ["an unpinned add-on version", () => problemsOf((s) => new EksAddons(s, "X", { clusterName: "c", versions: { coredns: "latest" }, nodeGroups: [] })),
      'test/X: versions.coredns = "latest": must be v<major>.<minor>.<patch>-eksbuild.<build> (an EKS add-on version)'],
    ["a role for an add-on not installed", () => problemsOf((s) => new EksAddons(s, "X", { clusterName: "c", versions: { coredns: "v1.13.1-eksbuild.1" }, serviceAccountRoleArns: { "vpc-cni": "arn" }, nodeGroups: [] })),
      'test/X: serviceAccountRoleArns.vpc-cni = "vpc-cni": must name one of the add-ons in versions'],
    ["settings for an add-on not installed", () => problemsOf((s) => new EksAddons(s, "X", { clusterName: "c", versions: { coredns: "v1.13.1-eksbuild.1" }, configurationValues: { "amazon-cloudwatch-observability": "{}" }, nodeGroups: [] })),
      'test/X: configurationValues.amazon-cloudwatch-observability = "amazon-cloudwatch-observability": must name one of the add-ons in versions'],
    ["a dependency of an add-on not installed", () => problemsOf((s) => new EksAddons(s, "X", { clusterName: "c", versions: { coredns: "v1.13.1-eksbuild.1" }, dependsOn: { "amazon-cloudwatch-observability": [] }, nodeGroups: [] })),
      'test/X: dependsOn.amazon-cloudwatch-observability = "amazon-cloudwatch-observability": must name one of the add-ons in versions'],
    ["a namespace Kubernetes refuses", () => problemsOf((s) => new IrsaRole(s, "R", { ...irsa, namespace: "Apps" })),
      'test/R: namespace = "Apps": must be a Kubernetes name (lowercase letters, digits, . and -)'],
    ["a wildcard service account", () => problemsOf((s) => new IrsaRole(s, "R", { ...irsa, serviceAccount: "*" })),
      'test/R: serviceAccount = "*": must be a Kubernetes name (lowercase letters, digits, . and -)'],
  ])("refuse %s", (_case, problems, message) => {
    expect(problems()).toEqual([message]);
  });
});
