// The pathological inputs of the hardening issue (items 9 and 10), as benchmarks of linearity, not
// timings: each runs at a size N/2 and 2N, and the larger must cost less than 8 times the smaller
// (linear work quadruples, quadratic work grows 16 times: the step is wide enough that a major
// garbage collection in one try, which made a 2× step read 3.06× once, cannot pass for growth). Time is the process's CPU time (other
// programs on the machine do not count), the least of two runs; a generous ceiling, far below what
// these inputs took before, catches a constant-factor blow-up. Output sizes are counted, not timed.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderProblems } from '../src/check/folder.js';
import type { FileReport } from '../src/check/file.js';
import { defaultConfig, parseConfig } from '../src/load/config.js';
import { parseDeal } from '../src/load/deal.js';
import { MAX_PROBLEMS_PER_FILE } from '../src/load/limits.js';
import { resolveConfig } from '../src/policy/resolve.js';
import { ConfigSchema } from '../src/policy/config-schema.js';
import type { Config } from '../src/policy/config-schema.js';
import { run } from './helpers/cli.js';
import { tempDirs } from './helpers/temp.js';

/**
 * CPU milliseconds `run` takes, the least of three tries: the first also warms the code up, and a
 * major garbage collection landing in one try (the suite runs files side by side) must not read as
 * growth.
 */
function cpuMs(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const lines = (n: number, line: (i: number) => string): string => `${Array.from({ length: n }, (_, i) => line(i)).join('\n')}\n`;

interface Case {
  name: string;
  /** CPU ms of the input at size n/2 and at 2n (each built before the clock starts). */
  measure: () => { small: number; large: number };
  /** CPU ms the 2n input must stay under: about 5 times what it takes now, far below what it took before. */
  ceiling: number;
}

function benchmark<T>(name: string, make: (n: number) => T, run: (input: T) => unknown, n: number, ceiling: number): Case {
  return {
    name,
    ceiling,
    measure: () => {
      const small = make(n / 2);
      const large = make(2 * n);
      return { small: cpuMs(() => run(small)), large: cpuMs(() => run(large)) };
    },
  };
}

const deal = (text: string) => parseDeal(text, 'deal.yaml');
const config = (text: string) => parseConfig(text, 'deal-triage.config.yaml');
const rules = (n: number): Config => ConfigSchema.parse({ rules: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, effect: 'wait' })) });

const CASES: Case[] = [
  // 60,000 keys took 12.7 s, 121,000 took 107 s: the yaml package compared each key with every earlier one.
  benchmark('unknown keys in one block mapping', (n) => lines(n, (i) => `k${i}: 1`), deal, 15_000, 2_000),
  // Not the fast reader's: the full parser's locator also searched the mapping once per unknown key.
  benchmark('unknown keys in one flow mapping', (n) => `{${Array.from({ length: n }, (_, i) => `k${i}: 1`).join(', ')}}\n`, deal, 6_000, 2_000),
  // 33,000 rules took 8 s in resolveConfig: each rule searched all the rules before it.
  benchmark('resolving a config of many rules', rules, resolveConfig, 16_000, 1_000),
  benchmark('a config file of many rules', (n) => `rules:\n${lines(n, (i) => `- {id: r${i}, effect: wait}`)}`, config, 5_000, 2_000),
  benchmark('a config file of one rule id repeated', (n) => `rules:\n${lines(n, () => '- {id: same, effect: wait}')}`, config, 4_000, 2_000),
  // 350,000 bad items in under 1 MiB: 150 MB of JSON and 1.7 GB of memory before the cap.
  benchmark('lists where text belongs (issues: [[],[],…])', (n) => `issues: [${Array(n).fill('[]').join(',')}]\n`, deal, 10_000, 2_000),
  // Each unclosed quote walked the whole document again to find where it opened.
  benchmark('unclosed quotes, one per line', (n) => lines(n, (i) => `k${i}: "x`), deal, 1_000, 1_000),
  benchmark('one key repeated', (n) => lines(n, (i) => `k: ${i}`), deal, 4_000, 1_000),
];

describe('linear time on pathological files', () => {
  it.each(CASES)('$name: four times the size costs less than 8 times as much', ({ measure, ceiling }) => {
    const { small, large } = measure();
    expect(large).toBeLessThan(ceiling);
    // Below a few milliseconds the ratio is noise, not growth.
    expect(large / Math.max(small, 5)).toBeLessThan(8);
  });
});

describe('output bounded by the problem cap', () => {
  const tempDir = tempDirs('deal-triage-linear-');

  it('eight files of 5,000 bad items each: a JSON report of at most 101 problems per file, not megabytes', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'deals'));
    const text = `issues: [${Array(5_000).fill('[]').join(',')}]\n`;
    for (let i = 1; i <= 8; i++) writeFileSync(path.join(dir, 'deals', `f${i}.yaml`), text);
    const { code, stdout } = await run(['check', '--format', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { files: { problems: { rule: string }[] }[] };
    expect(report.files).toHaveLength(8);
    for (const file of report.files) {
      expect(file.problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
      expect(file.problems.at(-1)?.rule).toBe('too-many-problems');
    }
    // Before: 10,000 problems a file, about 1.5 MB each.
    expect(stdout.length).toBeLessThan(8 * 40_000);
  });

  it('many files sharing an id: messages grow with the number of files, not its square', () => {
    const reports = (n: number): FileReport[] =>
      Array.from({ length: n }, (_, i) => ({
        file: `deals/d${i}.yaml`,
        problems: [],
        deal: {
          id: 'same',
          name: `Deal ${i}`,
          verdict: 'join' as const,
          reasons: [],
          potentialValue: 1000 + i,
          currency: 'USD',
          ceoRequested: false,
          overridden: false,
          idAt: { line: 1, column: 5 },
          requestedAt: { line: 1, column: 5 },
        },
      }));
    const size = (n: number) => {
      const config = defaultConfig();
      // Half the joins fit: each over-capacity message would name the thousand that do.
      config.policy.ceo_capacity = n / 2;
      return folderProblems(reports(n), config).reduce((total, p) => total + p.message.length, 0);
    };
    const small = size(2_000);
    const large = size(4_000);
    expect(large / small).toBeLessThan(2.5);
    // Before: 4,000 files made 300 MB of duplicate-id messages.
    expect(large).toBeLessThan(4_000 * 2 * 400);
  });
});
