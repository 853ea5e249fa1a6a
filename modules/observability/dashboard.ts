import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { Construct } from "constructs";
import type { AlarmSpec } from "./alarm-spec";

/** One dashboard row: a title and the metrics its alarms watch. */
export interface DashboardRow {
  readonly title: string;
  readonly alarms: readonly AlarmSpec[];
}

/** Props of a deployment's dashboard. */
export interface DeploymentDashboardProps {
  readonly name: string;
  readonly region: string;
  readonly rows: readonly DashboardRow[];
}

const WIDGET_WIDTH = 6;
const WIDGET_HEIGHT = 6;
const PER_LINE = 24 / WIDGET_WIDTH;

/**
 * A CloudWatch dashboard built from the same inventory as the alarms: per
 * component a title, then one graph per alarmed metric with the alarm's
 * threshold drawn on it, four to a line. Positions are explicit so the body
 * is deterministic.
 */
export class DeploymentDashboard extends Construct {
  constructor(scope: Construct, id: string, props: DeploymentDashboardProps) {
    super(scope, id);
    const widgets: Record<string, unknown>[] = [];
    let y = 0;
    for (const row of props.rows) {
      widgets.push({ type: "text", x: 0, y, width: 24, height: 1, properties: { markdown: `## ${row.title}` } });
      y += 1;
      row.alarms.forEach((a, i) => {
        widgets.push({
          type: "metric", x: (i % PER_LINE) * WIDGET_WIDTH, y: y + Math.floor(i / PER_LINE) * WIDGET_HEIGHT, width: WIDGET_WIDTH, height: WIDGET_HEIGHT,
          properties: {
            title: `${a.metricName} (${a.key})`, view: "timeSeries", region: props.region, period: a.periodSeconds, stat: a.statistic,
            metrics: [[a.namespace, a.metricName, ...Object.entries(a.dimensions).flat()]],
            annotations: { horizontal: [{ label: "alarm threshold", value: a.threshold }] },
          },
        });
      });
      y += Math.ceil(row.alarms.length / PER_LINE) * WIDGET_HEIGHT;
    }
    new CloudwatchDashboard(this, "Dashboard", { dashboardName: props.name, dashboardBody: JSON.stringify({ widgets }) });
  }
}
