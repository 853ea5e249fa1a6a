import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { Construct } from "constructs";
import { check, matches, oneOf, validateProps } from "../validate";

/** Props of a user pool for an internal app. */
export interface UserPoolProps {
  readonly name: string;
  /** `ON` requires a TOTP second factor of every user. */
  readonly mfa: "OFF" | "OPTIONAL" | "ON";
  /** Prefix of `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  /** Where the authorization-code flow returns, and where sign-out lands. */
  readonly callbackUrl: string;
  readonly logoutUrl: string;
  /** Cognito deletion protection and `prevent_destroy`: the pool holds the users. */
  readonly deletionProtection: boolean;
}

/**
 * A Cognito user pool for staff: administrators create users (no
 * self-sign-up), e-mail as user name, a 14-character password policy, TOTP
 * MFA by config, recovery by verified e-mail; one app client using the
 * authorization-code flow with a secret (the edge exchanges the code), and the
 * managed-login domain.
 */
export class UserPool extends Construct {
  readonly userPoolId: string;
  readonly userPoolArn: string;
  readonly clientId: string;
  readonly domain: string;

  constructor(scope: Construct, id: string, props: UserPoolProps) {
    super(scope, id);
    validateProps(this, [
      check("mfa", props.mfa, oneOf(["OFF", "OPTIONAL", "ON"], "Cognito MFA configurations")),
      check("domainPrefix", props.domainPrefix, matches(/^(?!.*(?:aws|amazon|cognito))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "must be 1-63 lowercase letters, digits and inner hyphens, without aws, amazon or cognito (Cognito prefix domains)")),
      check("callbackUrl", props.callbackUrl, matches(/^https:\/\//, "must be an https:// URL (Cognito refuses plain HTTP callbacks)")),
    ]);
    const pool = new CognitoUserPool(this, "Pool", {
      name: props.name,
      deletionProtection: props.deletionProtection ? "ACTIVE" : "INACTIVE",
      usernameAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      mfaConfiguration: props.mfa,
      softwareTokenMfaConfiguration: props.mfa === "OFF" ? undefined : { enabled: true },
      passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 3 },
      accountRecoverySetting: { recoveryMechanism: [{ name: "verified_email", priority: 1 }] },
      lifecycle: { preventDestroy: props.deletionProtection },
    });
    const client = new CognitoUserPoolClient(this, "Client", {
      name: `${props.name}-app`,
      userPoolId: pool.id,
      generateSecret: true,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ["code"],
      allowedOauthScopes: ["openid", "email"],
      supportedIdentityProviders: ["COGNITO"],
      callbackUrls: [props.callbackUrl],
      logoutUrls: [props.logoutUrl],
      explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
      preventUserExistenceErrors: "ENABLED",
      enableTokenRevocation: true,
    });
    const domain = new CognitoUserPoolDomain(this, "Domain", { domain: props.domainPrefix, userPoolId: pool.id, managedLoginVersion: 2 });
    this.userPoolId = pool.id;
    this.userPoolArn = pool.arn;
    this.clientId = client.id;
    this.domain = domain.domain;
  }
}
