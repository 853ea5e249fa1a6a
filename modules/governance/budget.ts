import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../validate";

/** One alert: a percentage of the limit, on actual or forecast spend. */
export interface BudgetAlertProps {
  readonly percent: number;
  readonly on: "ACTUAL" | "FORECASTED";
}

/** Props of one monthly cost budget. */
export interface BudgetProps {
  /** Budget name, unique in the management account (1-100 characters, no `:` or `\`). */
  readonly name: string;
  readonly limitUsd: number;
  /** Member account the budget watches. @default the whole organization (consolidated) */
  readonly linkedAccountId?: string;
  readonly alerts: readonly BudgetAlertProps[];
  /** Topic every alert publishes to (its policy must let budgets.amazonaws.com publish). */
  readonly topicArn: string;
  readonly emails: readonly string[];
}

/** A monthly USD cost budget alerting the topic and the e-mails at each threshold. */
export class Budget extends Construct {
  constructor(scope: Construct, id: string, props: BudgetProps) {
    super(scope, id);
    validateProps(this, [check("name", props.name, matches(/^[^:\\]{1,100}$/, "must be 1-100 characters without : or \\ (AWS Budgets names)"))]);
    new BudgetsBudget(this, "Budget", {
      name: props.name,
      budgetType: "COST",
      timeUnit: "MONTHLY",
      limitAmount: props.limitUsd.toFixed(1),
      limitUnit: "USD",
      costFilter: props.linkedAccountId === undefined ? undefined : [{ name: "LinkedAccount", values: [props.linkedAccountId] }],
      notification: props.alerts.map((a) => ({
        comparisonOperator: "GREATER_THAN",
        threshold: a.percent,
        thresholdType: "PERCENTAGE",
        notificationType: a.on,
        subscriberSnsTopicArns: [props.topicArn],
        subscriberEmailAddresses: [...props.emails],
      })),
    });
  }
}
