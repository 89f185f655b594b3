// Preloaded into a benchmarked process (node -r): on exit, writes its peak resident memory in KiB
// (worker threads included: they share the process) to the file named by BENCH_MAXRSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_MAXRSS_FILE) writeFileSync(process.env.BENCH_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
