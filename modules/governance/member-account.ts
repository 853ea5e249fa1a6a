import { OrganizationsAccount } from "@cdktf/provider-aws/lib/organizations-account";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../validate";

/** Role Organizations creates in a new account for the management account (Control Tower's default name). */
export const ACCOUNT_ACCESS_ROLE = "AWSControlTowerExecution";

/** Props of one member account. */
export interface MemberAccountProps {
  /** Account name in Organizations (1-50 characters). */
  readonly name: string;
  /** Root user e-mail. */
  readonly email: string;
  /** Organizational unit id. */
  readonly parentId: string;
}

/**
 * A member account. Accounts are never destroyed by Terraform
 * (`prevent_destroy`, and `close_on_deletion` off: closing an account is a
 * 90-day, manual decision), and the arguments AWS can only set at creation
 * (`role_name`, `iam_user_access_to_billing`, the e-mail) are ignored
 * afterwards, since a change to them would plan a replacement, i.e. a new
 * account.
 */
export class MemberAccount extends Construct {
  readonly id: string;

  constructor(scope: Construct, id: string, props: MemberAccountProps) {
    super(scope, id);
    validateProps(this, [check("name", props.name, matches(/^[\x20-\x7E]{1,50}$/, "must be 1-50 printable ASCII characters (Organizations account names)"))]);
    const account = new OrganizationsAccount(this, "Account", {
      name: props.name,
      email: props.email,
      parentId: props.parentId,
      roleName: ACCOUNT_ACCESS_ROLE,
      iamUserAccessToBilling: "DENY",
      closeOnDeletion: false,
      lifecycle: { preventDestroy: true, ignoreChanges: ["role_name", "iam_user_access_to_billing", "email"] },
    });
    this.id = account.id;
  }
}
