/**
 * Operator CLI: `npm run ops -- <command>`. Wraps cdktf synth and Terraform
 * so that operators and the GitHub workflows run the same steps in the same
 * order (lib/apply-order.ts). Run without arguments for usage.
 */
import { ConfigError } from "../../config/errors";
import { parseArgs } from "./args";
import { runCi } from "./ci/commands";
import { runOperator } from "./commands/operator";
import { OpsError } from "./errors";

const USAGE = `Usage: npm run ops -- <command> [options]

Operators
  list [deployment...] [--json]                  deployments, their stacks and apply order
  plan <deployment> [--stack <name>]             terraform plan each stack, in dependency order
  apply <deployment> [--stack <name>]            terraform apply each stack, in dependency order
  destroy <deployment> [--stack <name>]          terraform destroy in reverse order (state stack only with --stack)
  bootstrap <deployment>                         create the state bucket/table/key of the deployment's account
                                                 and region on local state, then migrate the state into it
  locks                                          regenerate locks/<stack>/.terraform.lock.hcl (4 platforms)
  workflow plan [--base-outdir <dir> --base-root <dir>]
                                                 print what the pull-request workflow would run
  workflow apply <deployment> [--stack <name>]   print what the apply workflow would run

  Options: --dry-run (print, run nothing; no terraform needed), --auto-approve,
           --no-synth (use the existing output), --outdir <dir> (default cdktf.out)

Workflows (see .github/workflows): ci matrix | ci plan | ci changes | ci apply | ci report | ci checkov-input
                                   | ci validate-matrix | ci validate <stack...> | ci drift`;

const VALUE_FLAGS = ["stack", "outdir", "base-outdir", "base-root", "deployment", "results", "plan", "write", "matrix", "skip-reason", "dest", "skips", "wave", "allow-destroy", "fingerprint"];
const BOOLEAN_FLAGS = ["dry-run", "auto-approve", "no-synth", "json", "keep-plan", "strict", "comment", "help", "no-lock"];

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, VALUE_FLAGS, BOOLEAN_FLAGS);
  const [command, ...rest] = args.positional;
  if (!command || args.flags.has("help")) {
    console.log(USAGE);
    return;
  }
  if (command === "ci") return runCi(rest, args);
  if (!runOperator(command, rest, args)) throw new OpsError(`Unknown command: ${command}\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof OpsError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(error instanceof OpsError ? error.exitCode : 1);
  }
  throw error;
});
