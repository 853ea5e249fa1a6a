import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { type AlarmSpec, GLOBAL_METRICS_REGION, type GraphSpec } from "./alarm-spec";

/** One dashboard row: a title, the metrics its alarms watch, and metrics graphed without an alarm. */
export interface DashboardRow {
  readonly title: string;
  readonly alarms: readonly AlarmSpec[];
  readonly graphs: readonly GraphSpec[];
}

/** Props of a deployment's dashboard. */
export interface DeploymentDashboardProps {
  readonly name: string;
  readonly region: string;
  /** Period of the graphs without an alarm (the deployment's alarm period). */
  readonly periodSeconds: number;
  readonly rows: readonly DashboardRow[];
}

const WIDGET_WIDTH = 6;
const WIDGET_HEIGHT = 6;
const PER_LINE = 24 / WIDGET_WIDTH;

/**
 * A CloudWatch dashboard built from the same inventory as the alarms: per
 * component a title, then one graph per alarmed metric with the alarm's
 * threshold drawn on it (a shortfall alarm: both of its metrics), then the
 * seed's metrics that have no alarm, four to a line. Positions are explicit so the body
 * is deterministic.
 */
export class DeploymentDashboard extends Construct {
  constructor(scope: Construct, id: string, props: DeploymentDashboardProps) {
    super(scope, id);
    const widgets: Record<string, unknown>[] = [];
    // A threshold computed by Terraform (a function's timeout) goes into the body unquoted, so the JSON keeps a number.
    const computed: string[] = [];
    const thresholdOf = (value: number): number | string => {
      if (!Token.isUnresolved(value)) return value;
      computed.push(Token.asString(value));
      return computed[computed.length - 1];
    };
    let y = 0;
    for (const row of props.rows) {
      widgets.push({ type: "text", x: 0, y, width: 24, height: 1, properties: { markdown: `## ${row.title}` } });
      y += 1;
      const graphs = [
        ...row.alarms.map((a) => ({
          title: `${a.metricName} (${a.key})`, view: "timeSeries", region: a.global ? GLOBAL_METRICS_REGION : props.region, period: a.periodSeconds, stat: a.statistic,
          metrics: [a.metricName, ...(a.shortOf ? [a.shortOf] : [])].map((m) => [a.namespace, m, ...Object.entries(a.dimensions).flat()]),
          // A shortfall alarm is read from the two lines themselves.
          ...(a.shortOf ? {} : { annotations: { horizontal: [{ label: "alarm threshold", value: thresholdOf(a.threshold) }] } }),
        })),
        ...row.graphs.map((g) => ({
          title: g.metricName, view: "timeSeries", region: props.region, period: props.periodSeconds, stat: g.statistic,
          metrics: [[g.namespace, g.metricName, ...Object.entries(g.dimensions).flat()]],
        })),
      ];
      graphs.forEach((properties, i) => widgets.push({
        type: "metric", x: (i % PER_LINE) * WIDGET_WIDTH, y: y + Math.floor(i / PER_LINE) * WIDGET_HEIGHT, width: WIDGET_WIDTH, height: WIDGET_HEIGHT, properties,
      }));
      y += Math.ceil(graphs.length / PER_LINE) * WIDGET_HEIGHT;
    }
    const body = computed.reduce((b, token) => b.split(JSON.stringify(token)).join(token), JSON.stringify({ widgets }));
    new CloudwatchDashboard(this, "Dashboard", { dashboardName: props.name, dashboardBody: body });
  }
}
