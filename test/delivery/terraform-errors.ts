/**
 * Terraform 1.13 error texts as `terraform plan -no-color` prints them
 * (internal/command/format DiagnosticPlain), written against the real
 * commerce-prod-data stack: its remote state `commerce-prod-network` and
 * the line numbers of its cdk.tf.json.
 */

/** The producer's state exists but lacks an output it declares (added by this change, not applied yet). */
export const MISSING_OUTPUT = `
Error: Unsupported attribute

  on cdk.tf.json line 185, in resource "aws_db_subnet_group" "Main_SubnetGroup_160AD38A":
 185:         "subnet_ids": "\${data.terraform_remote_state.commerce-prod-network.outputs.data_subnet_ids}"
    ├────────────────
    │ data.terraform_remote_state.commerce-prod-network.outputs is object with 8 attributes

This object does not have an attribute named "data_subnet_ids".
`;

/** The producer was never applied: no state object at all. */
export const NO_REMOTE_STATE = `
Error: Unable to find remote state

  with data.terraform_remote_state.commerce-prod-network,
  on cdk.tf.json line 51, in data "terraform_remote_state" "commerce-prod-network":
  51:       "commerce-prod-network": {

No stored state was found for the given workspace in the given backend.
`;

/** The same text in the boxed form of a colour terminal. */
export const MISSING_OUTPUT_BOXED = `╷
│ Error: Unsupported attribute
│ 
│   on cdk.tf.json line 159, in resource "aws_cloudwatch_log_group" "Main_PostgresqlLogs_LogGroup_A5769BAC":
│  159:         "kms_key_id": "\${data.terraform_remote_state.commerce-prod-network.outputs.logs_kms_key_arn}",
│     ├────────────────
│     │ data.terraform_remote_state.commerce-prod-network.outputs is object with no attributes
│ 
│ This object does not have an attribute named "logs_kms_key_arn".
╵
`;

/** A typo: the producer declares no such output, so applying it will not help. */
export const UNDECLARED_OUTPUT = `
Error: Unsupported attribute

  on cdk.tf.json line 185, in resource "aws_db_subnet_group" "Main_SubnetGroup_160AD38A":
 185:         "subnet_ids": "\${data.terraform_remote_state.commerce-prod-network.outputs.data_subnet_idz}"
    ├────────────────
    │ data.terraform_remote_state.commerce-prod-network.outputs is object with 10 attributes

This object does not have an attribute named "data_subnet_idz".
`;

/** The same summary on a resource attribute, in a stack that also reads remote state. */
export const RESOURCE_ATTRIBUTE = `
Error: Unsupported attribute

  on cdk.tf.json line 240, in resource "aws_rds_cluster" "Main_Cluster_832A8A0F":
 240:         "db_subnet_group_name": "\${aws_db_subnet_group.Main_SubnetGroup_160AD38A.nam}",

This object has no argument, nested block, or exported attribute named "nam". Did you mean "name"?
`;

/** "does not have an attribute named" on a nested object of a resource, not on remote state outputs. */
export const NESTED_RESOURCE_ATTRIBUTE = `
Error: Unsupported attribute

  on cdk.tf.json line 300, in output "master_secret_arn":
 300:       "value": "\${aws_rds_cluster.Main_Cluster_832A8A0F.master_user_secret[0].secret_arnx}"
    ├────────────────
    │ aws_rds_cluster.Main_Cluster_832A8A0F.master_user_secret[0] is object with 3 attributes

This object does not have an attribute named "secret_arnx".
`;

/** A remote state named after no stack of this repository. */
export const FOREIGN_REMOTE_STATE = NO_REMOTE_STATE.replaceAll("commerce-prod-network", "legacy-network");
