/**
 * The GitHub repository this code lives in. It is stamped on every resource
 * through the `repository` default tag so an operator can find the code that
 * owns a resource from the console.
 */
export const REPOSITORY = "platform-team/platform-infrastructure";

/** Value of the `managed-by` default tag. */
export const MANAGED_BY = "cdktf";
