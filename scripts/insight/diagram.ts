/**
 * `npm run diagram [-- <cdktf.out dir>]`: rewrites docs/diagrams/ from a
 * fresh synth of every deployment (or from the synth given). The one command
 * to run after merging a layer.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { diagramFiles } from "./diagrams";
import { synthDir } from "./synth-dir";
import { SynthModel } from "./synth-model";

const target = join(__dirname, "..", "..", "docs", "diagrams");
const files = diagramFiles(SynthModel.load(synthDir(process.argv[2])));
mkdirSync(target, { recursive: true });
// Files of deployments that no longer exist go too.
for (const old of readdirSync(target)) if (!files.has(old)) rmSync(join(target, old));
for (const [name, content] of files) writeFileSync(join(target, name), content);
console.log(`docs/diagrams: ${files.size} files`);
