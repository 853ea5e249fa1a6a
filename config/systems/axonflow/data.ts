import type { Environment } from "../../presets";
import type { DataInput } from "../types";

export function data(env: Environment): DataInput {
  const prod = env === "prod";
  return {
    rds: [{
      id: "Main", identifier: `axonflow-${env}-db`, engine: "postgres", engineVersion: "15.15",
      instanceClass: "db.t3.medium", allocatedStorageGib: prod ? 100 : 20, iops: 3000, throughputMibps: 125,
      databaseName: "axonflow", masterUsername: "axonflow", port: 5432,
      backupRetentionDays: 7, backupWindow: "03:00-04:00", maintenanceWindow: "sun:04:00-sun:05:00",
      monitoringIntervalSeconds: 60, performanceInsightsRetentionDays: 7,
      consumers: ["agent", "orchestrator"],
    }],
  };
}
