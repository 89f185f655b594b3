// Preloaded into a benchmarked process (node -r): on exit, writes its peak resident memory in KiB
// (worker threads included: they share the process), then its CPU time in microseconds (user +
// system, all threads), to the file named by BENCH_MAXRSS_FILE, separated by a space.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (!process.env.BENCH_MAXRSS_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_MAXRSS_FILE, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
});
