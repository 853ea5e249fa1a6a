// Preloaded into a synth process by scripts/bench.ts: on exit, writes the
// process's peak resident memory to the file named by BENCH_RUSAGE_FILE.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  writeFileSync(process.env.BENCH_RUSAGE_FILE, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
});
