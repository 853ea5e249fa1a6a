// Runs main.ts with plain node: `npm run synth` and `cdktf synth` (cdktf.json
// "app") start here. esbuild bundles the repo's own TypeScript, on every run
// so the code run is never older than the sources; node_modules stay external
// and load as usual.
//
// Why not tsx: cdktf records a stack trace for every token; tsx turns Node's
// source maps on, so Node formats each trace through them, and tsx's loader
// hooks see every require of cdktf's files. Both cost far more than bundling
// (README "Performance"). Plain node formats traces without source maps.
import { build, stop } from "esbuild";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}.build/main.cjs`;

const { outputFiles } = await build({
  entryPoints: [`${root}main.ts`],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "cjs",
  // Bundling renames clashing top-level names; keep Function.name as the unbundled modules (and the tests) see it.
  keepNames: true,
  write: false,
  logLevel: "error",
}).catch(() => process.exit(1)); // esbuild has printed the error with its source line; its JS stack would only add noise
await stop();

// Write then rename, so a synth running at the same time never loads a half-written file.
mkdirSync(`${root}.build`, { recursive: true });
writeFileSync(`${outfile}.${process.pid}`, outputFiles[0].text);
renameSync(`${outfile}.${process.pid}`, outfile);
createRequire(import.meta.url)(outfile);
