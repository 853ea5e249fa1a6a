import { appendFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

/**
 * Sets step outputs in GitHub Actions (`$GITHUB_OUTPUT`), using the
 * heredoc form so JSON with any characters survives. Outside Actions the
 * values are printed as `name=value` lines instead, which is what a dry run
 * wants to show.
 */
export function setOutputs(outputs: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_OUTPUT;
  for (const [name, value] of Object.entries(outputs)) {
    if (!file) {
      console.log(`${name}=${value}`);
      continue;
    }
    const delimiter = `EOF_${randomBytes(8).toString("hex")}`;
    appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
  }
}

/** Appends markdown to the job summary (`$GITHUB_STEP_SUMMARY`); a no-op outside Actions. */
export function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`);
}
