import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { Construct } from "constructs";

/** Host of GitHub Actions' OIDC issuer; its trust condition keys are `<host>:sub` and `<host>:aud`. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

/** Audience GitHub's `aws-actions/configure-aws-credentials` requests. */
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/**
 * The account's IAM identity provider for GitHub Actions. IAM allows one per
 * issuer URL and account, so it lives in the account-scoped governance
 * stack, never in a deployment's. No thumbprint: since July 2023 IAM
 * verifies GitHub's certificate against its trusted root CAs and the
 * provider (6.x) no longer requires the list.
 */
export class GithubOidcProvider extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const provider = new IamOpenidConnectProvider(this, "Provider", {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
    });
    this.arn = provider.arn;
  }
}
