import { Construct } from "constructs";
import type { AccountRef } from "../config/deployment";
import { type Layer, scopeStackName } from "./layers";
import { PlatformStack } from "./platform-stack";

/** Where a scope stack lives: once per account and region, or once per organization (in its management account). */
export type Scope =
  | { readonly kind: "account"; readonly account: AccountRef; readonly region: string }
  | {
    readonly kind: "organization"; readonly organization: string; readonly management: AccountRef; readonly region: string;
    /** The member account the stack runs in, for an organization-wide service held by a delegated account (the monitoring account's OAM sink). @default management */
    readonly account?: AccountRef;
  };


/**
 * Base of stacks that exist once per account and region, or once per
 * organization, rather than once per deployment. Their default tags name the
 * scope and never a deployment, so a stack shared by several deployments
 * synthesizes identically whichever of them are selected.
 */
export abstract class ScopeStack extends PlatformStack {
  readonly scope: Scope;
  readonly layer: Layer;

  protected constructor(parent: Construct, layer: Layer, scope: Scope) {
    const account = scope.kind === "account" ? scope.account : scope.account ?? scope.management;
    const tags: Record<string, string> = scope.kind === "account"
      ? { scope: "account", account: scope.account.name, layer }
      : { scope: "organization", organization: scope.organization, layer };
    const ref = scope.kind === "account" ? { kind: "account" as const, account: scope.account.name, region: scope.region } : scope;
    super(parent, scopeStackName(ref, layer), { region: scope.region, account, tags });
    this.scope = scope;
    this.layer = layer;
  }
}
