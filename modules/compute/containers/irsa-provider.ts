import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { Fn, TerraformLocal } from "cdktf";
import { Construct } from "constructs";

/** Props of a cluster's IRSA identity provider. */
export interface IrsaProviderProps {
  /** The cluster's OIDC issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/<id>`). */
  readonly issuerUrl: string;
}

/**
 * The IAM OIDC provider that lets service accounts of one cluster assume
 * roles (IRSA), audience `sts.amazonaws.com`. No thumbprint: IAM verifies
 * the EKS issuers through its own library of trusted root CAs and ignores
 * the thumbprint for them (IAM User Guide, "Create an OpenID Connect
 * identity provider"; provider 6.x makes `thumbprint_list` optional), so a
 * pinned certificate hash would only be one more thing to rotate.
 */
export class IrsaProvider extends Construct {
  readonly arn: string;
  /** The issuer without `https://`, the prefix of the `:sub` and `:aud` condition keys. */
  readonly issuerHost: string;

  constructor(scope: Construct, id: string, props: IrsaProviderProps) {
    super(scope, id);
    const provider = new IamOpenidConnectProvider(this, "Provider", { url: props.issuerUrl, clientIdList: ["sts.amazonaws.com"] });
    // A local keeps the expression (quotes included) out of the JSON trust policies that use it as a key.
    const host = new TerraformLocal(this, "IssuerHost", Fn.replace(props.issuerUrl, "https://", ""));
    this.arn = provider.arn;
    this.issuerHost = host.asString;
  }
}
