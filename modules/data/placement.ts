/** Where and how a data store is placed: the same for every store of a deployment. */
export interface StorePlacement {
  readonly vpcId: string;
  /** Isolated data subnets, one per AZ, in AZ order. */
  readonly subnetIds: readonly string[];
  readonly azs: readonly string[];
  /** Workload security groups admitted, by workload name (only the store's consumers). */
  readonly consumers: Readonly<Record<string, string>>;
  /** The deployment's data key: storage, snapshots, secrets, Performance Insights. */
  readonly kmsKeyArn: string;
  /** Key of the deployment's CloudWatch log groups. */
  readonly logsKmsKeyArn: string;
  readonly logRetentionDays: number;
}

/** Current RDS certificate authority (RSA 2048, valid to 2061). */
export const RDS_CA = "rds-ca-rsa2048-g1";
