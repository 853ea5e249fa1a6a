import { AccessanalyzerAnalyzer } from "@cdktf/provider-aws/lib/accessanalyzer-analyzer";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { check, matches, validateProps } from "../validate";

/** Props of one region's IAM Access Analyzer. */
export interface AccessAnalyzerProps {
  /** Analyzer name, unique in the account and region (1-255 characters). */
  readonly name: string;
  /** Provider of the region when it is not the stack's own. @default the stack's own */
  readonly provider?: TerraformProvider;
}

/**
 * An account-zone IAM Access Analyzer: reports every resource policy of the
 * region (buckets, keys, roles, queues, secrets...) that grants access to a
 * principal outside the account. Analyzers are regional, so each region the
 * account hosts gets one.
 */
export class AccessAnalyzer extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: AccessAnalyzerProps) {
    super(scope, id);
    validateProps(this, [check("name", props.name, matches(/^[A-Za-z][A-Za-z0-9_.-]{0,254}$/, "must be 1-255 letters, digits and _.-, starting with a letter (Access Analyzer names)"))]);
    const analyzer = new AccessanalyzerAnalyzer(this, "Analyzer", { provider: props.provider, analyzerName: props.name, type: "ACCOUNT" });
    this.arn = analyzer.arn;
  }
}
