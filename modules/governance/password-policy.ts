import { IamAccountPasswordPolicy } from "@cdktf/provider-aws/lib/iam-account-password-policy";
import { Construct } from "constructs";
import { between, check, validateProps } from "../validate";

/** Props of the account's IAM password policy. */
export interface PasswordPolicyProps {
  /** 14-128 characters. */
  readonly minimumLength: number;
  /** Days before a password expires, 1-90. */
  readonly maxAgeDays: number;
  /** Earlier passwords that cannot be reused, 1-24. */
  readonly reusePrevention: number;
}

/**
 * The account's IAM password policy: every character class required, users
 * may change their own password, expiry without a hard lock-out (an expired
 * user sets a new one at sign-in instead of calling an administrator).
 */
export class PasswordPolicy extends Construct {
  constructor(scope: Construct, id: string, props: PasswordPolicyProps) {
    super(scope, id);
    validateProps(this, [
      check("minimumLength", props.minimumLength, between(14, 128, "IAM password length; 14 is the CIS floor")),
      check("maxAgeDays", props.maxAgeDays, between(1, 90, "password age; 90 is the CIS ceiling")),
      check("reusePrevention", props.reusePrevention, between(1, 24, "IAM password reuse prevention")),
    ]);
    new IamAccountPasswordPolicy(this, "Policy", {
      minimumPasswordLength: props.minimumLength,
      maxPasswordAge: props.maxAgeDays,
      passwordReusePrevention: props.reusePrevention,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: true,
      hardExpiry: false,
    });
  }
}
