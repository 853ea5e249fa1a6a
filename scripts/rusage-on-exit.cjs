// Preloaded (NODE_OPTIONS=--require) into every node process of a synth run by
// scripts/bench.ts: on exit, appends the process's peak resident memory to the
// file named by BENCH_RUSAGE_FILE, one JSON line per process, since a launcher
// such as the tsx CLI runs the app in a child process.
const { appendFileSync } = require("node:fs");
process.on("exit", () => {
  appendFileSync(process.env.BENCH_RUSAGE_FILE, `${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
