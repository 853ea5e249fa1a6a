import { fail, pass } from "../../engine/outcome";
import { referencesIn, type Reference } from "../../engine/references";
import type { StackContext } from "../../engine/stack-context";
import type { LocatedOutcome, StackRule } from "../../engine/types";
import { isRecord } from "../../engine/values";

/**
 * Why a reference does not resolve in `stack`, or undefined when it does.
 * Remote-state outputs are followed into the stack whose backend key the
 * data source reads, so a renamed cross-stack output is caught before plan.
 */
function unresolved(ref: Reference, stack: StackContext): string | undefined {
  const json = stack.json;
  switch (ref.kind) {
    case "var": return json.variable?.[ref.name] ? undefined : `variable ${ref.name} is not declared`;
    case "local": return isRecord(json.locals) && ref.name in json.locals ? undefined : `local ${ref.name} is not declared`;
    case "module": return json.module?.[ref.name] ? undefined : `module ${ref.name} is not declared`;
    case "resource": return stack.get(`${ref.type}.${ref.name}`) ? undefined : `${ref.type}.${ref.name} is not in this stack`;
    case "data": {
      const source = stack.get(`data.${ref.type}.${ref.name}`);
      if (!source) return `data.${ref.type}.${ref.name} is not in this stack`;
      if (ref.type !== "terraform_remote_state" || ref.attributes[0] !== "outputs" || !ref.attributes[1]) return undefined;
      const config = isRecord(source.attributes.config) ? source.attributes.config : {};
      const upstream = [...stack.run.entries()].find(([, other]) => {
        const s3 = other.terraform?.backend?.s3;
        return isRecord(s3) && s3.key === config.key && s3.bucket === config.bucket;
      });
      if (!upstream) return undefined; // a stack outside this synth: checked by its own plan
      return upstream[1].output?.[ref.attributes[1]] ? undefined : `output ${ref.attributes[1]} does not exist in ${upstream[0]}`;
    }
  }
}

/** Every `${...}` reference points at something that exists. */
export const TerraformReferencesResolve: StackRule = {
  id: "Terraform.ReferencesResolve",
  scope: "stack",
  description: "Every ${...} reference in resources, data sources, outputs and providers resolves within its own stack; remote-state outputs exist in the upstream stack.",
  why: "A dangling reference fails `terraform plan` only after the change is reviewed and merged; catching it on the JSON keeps main plannable.",
  check(stack) {
    const elements: [string, unknown][] = [
      ...stack.all().map((r): [string, unknown] => [r.address, r.attributes]),
      ...Object.entries(stack.json.output ?? {}).map(([name, o]): [string, unknown] => [`output.${name}`, o]),
      ...Object.entries(stack.json.provider ?? {}).map(([name, p]): [string, unknown] => [`provider.${name}`, p]),
    ];
    const outcomes: LocatedOutcome[] = [];
    for (const [address, body] of elements) {
      const problems = referencesIn(body).flatMap((ref) => {
        const problem = unresolved(ref, stack);
        return problem ? [`${ref.text}: ${problem}`] : [];
      });
      outcomes.push({ address, outcome: problems.length === 0 ? pass() : fail(problems.join("; ")) });
    }
    return outcomes;
  },
};
