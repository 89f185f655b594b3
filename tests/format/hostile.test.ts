// Hostile text in every human-readable format: terminal escapes (OSC title, clear screen, OSC 52
// clipboard, OSC 8 links), BEL, a bare CR, C1 controls, BiDi controls and line separators, in deal
// text, in problem messages and in file names. None may reach the output raw, and the visible
// text around them must survive. JSON keeps the real text. Through the pure formatters and through
// the real CLI entry with files whose names hold these characters.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { CheckReport } from '../../src/check/report.js';
import { formatDiagnostics } from '../../src/format/diagnostics.js';
import { CHECK_FORMATS, checkFormatters, formatStepSummary } from '../../src/format/check/index.js';
import { formatters, TRIAGE_FORMATS } from '../../src/format/index.js';
import { plain } from '../../src/format/style.js';
import type { Problem } from '../../src/load/problem.js';
import { triageText } from '../../src/triage/text.js';
import { baseDeal, loadConfig, merge } from '../engine/helpers.js';
import { run } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { AS_OF } from '../helpers/paths.js';

/** Each with the visible words on either side, which must survive. */
const HOSTILE = [
  ['an OSC 0 window title', 'before\u001b]0;pwned title\u0007after'],
  ['an ESC [2J clear screen', 'before\u001b[2Jafter'],
  ['an OSC 52 clipboard write', 'before\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007after'],
  ['an OSC 8 hyperlink', 'before\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\after'],
  ['a bare CR', 'before\rafter'],
  ['a NEL (U+0085)', 'before\u0085after'],
  ['a C1 CSI (U+009B)', 'before\u009b2Jafter'],
  ['a right-to-left override (U+202E)', 'before\u202Eafter'],
  ['a left-to-right isolate (U+2066)', 'before\u2066after\u2069'],
  ['a right-to-left mark (U+200F)', 'before\u200Fafter'],
  ['a line separator (U+2028)', 'before\u2028after'],
  ['DEL and BEL', 'before\u007f\u0007after'],
] as const;

/** What must never be in human-readable output: C0 but tab and LF, DEL, C1, BiDi controls, line separators. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

const noRaw = (out: string) => {
  const found = RAW.exec(out);
  expect(found, found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${found.index}: ${JSON.stringify(out.slice(Math.max(0, found.index - 40), found.index + 40))}` : '').toBeNull();
};

const config = loadConfig();

/** A deal the policy joins, with `text` in every field that holds text, and a decline and a wait. */
function hostileDeals(text: string) {
  const everywhere = {
    name: text,
    owner: text,
    account: { name: text, industry: text },
    follow_on: { potential: 'likely', notes: text },
    competition: { threat: 'high', competitors: [text] },
    custom_work: { days: 2, compensated_days: 2, description: text },
    asks: [
      { request: text, position: 'no', rationale: text, exception: true },
      { request: text, position: 'trade', in_exchange: text },
    ],
    stakeholders: [
      { name: text, title: text, role: 'champion' },
      { name: text, counterpart: true },
    ],
    history: [{ date: '2026-09-14', event: text }],
    issues: [text, { issue: text, response: text }],
    questions: [{ question: text, answer: text }],
    objective: `${text}\nsecond line ${text}`,
    plan: `${text}\r\n- step ${text}`,
    next_meeting: { date: '2026-12-03', purpose: text },
  };
  const deal = (patch: Record<string, unknown>) => stringify(merge(merge(baseDeal(), everywhere), patch));
  const file = `deals/${text}.yaml`;
  return [
    triageText(deal({ stage: 'negotiation' }), file, config, AS_OF),
    triageText(deal({ stage: 'discovery' }), file, config, AS_OF),
    triageText(deal({ follow_on: { potential: 'none' } }), file, config, AS_OF),
  ];
}

describe.each(HOSTILE)('%s', (_name, text) => {
  it.each(TRIAGE_FORMATS.filter((f) => f !== 'json'))('triage %s shows no raw control character, and the text around it', (format) => {
    const results = hostileDeals(text);
    expect(results.map((r) => r.ok && r.evaluation.verdict)).toEqual(['join', 'wait', 'decline']);
    const out = formatters[format](results, { explain: true, style: plain });
    noRaw(out);
    expect(out).toContain('before');
    expect(out).toContain('after');
    expect(out).toContain('second line');
  });

  it('the preview before saving (new) shows no raw control character, and the text around it', () => {
    const out = formatters.preview(hostileDeals(text), { explain: false, style: plain });
    noRaw(out);
    expect(out).toContain('before');
  });

  it('triage json keeps the real text, every unsafe character escaped', () => {
    const out = formatters.json(hostileDeals(text), { explain: false, style: plain });
    const parsed = JSON.parse(out) as { file: string; name: string }[];
    expect(parsed.map((r) => [r.file, r.name])).toEqual(Array(3).fill([`deals/${text}.yaml`, text]));
    noRaw(out);
  });

  const file = `deals/${text}.yaml`;
  const report: CheckReport = {
    files: [
      {
        file,
        id: null,
        name: null,
        verdict: null,
        reasons: [],
        problems: [
          { file, line: 1, column: 1, rule: 'unknown-key', severity: 'error', message: `unknown key "${text}"` },
          { file, line: 2, column: 1, rule: 'my-rule', severity: 'warning', message: `${text}\nsecond line` },
        ],
      },
    ],
    summary: { files: 1, invalid: 1, filesWithProblems: 1, errors: 1, warnings: 1, verdicts: { join: 0, wait: 0, decline: 0 }, overrides: 0 },
  };

  it.each([...CHECK_FORMATS.filter((f) => f !== 'json'), 'step summary'] as const)('check %s shows no raw control character in file names and messages', (format) => {
    const out = format === 'step summary' ? formatStepSummary(report) : checkFormatters[format](report, { style: plain });
    noRaw(out);
    expect(out).toContain('before');
    expect(out).toContain('after');
  });

  it('check json keeps the real text, every unsafe character escaped', () => {
    const out = checkFormatters.json(report, { style: plain });
    noRaw(out);
    const parsed = JSON.parse(out) as CheckReport;
    expect(parsed.files[0]?.file).toBe(file);
    expect(parsed.files[0]?.problems.map((p) => p.message)).toEqual(report.files[0]?.problems.map((p) => p.message));
  });

  it('diagnostics: file name, message and code frame, the caret under its column', () => {
    const source = `key: "${text}"\t${text} bad: 1\n`;
    const column = source.indexOf('bad') + 1;
    const problem: Problem = { file, line: 1, column, rule: 'unknown-key', severity: 'error', message: `unknown key "${text}"` };
    const out = formatDiagnostics([problem], new Map([[file, source]]), plain);
    noRaw(out);
    const [, frame, caret] = out.split('\n');
    // One character shown for one (tabs kept): the caret sits under "bad", counted in characters.
    expect([...frame!].slice([...caret!].indexOf('^')).join('')).toMatch(/^bad: 1/);
    expect(frame).toContain('\t');
  });
});

// ---- Through the real CLI, with files named with these characters ------------------------------

const tempDir = tempDirs('deal-triage-hostile-');

describe('the CLI with hostile file names and deal text', () => {
  // A file name cannot hold NUL or "/" (the OSC 8 link has one); every other character of the table can.
  const names = HOSTILE.map(([, text]) => text).filter((text) => !text.includes('/'));
  const dir = tempDir();
  mkdirSync(path.join(dir, 'deals'));
  writeFileSync(path.join(dir, 'deal-triage.config.yaml'), 'company:\n  name: Northwind\n  employees: 180\n');
  names.forEach((name, i) => {
    // An unknown key named with the hostile text, and the text in a value: a message and a code frame.
    const deal = merge(baseDeal(), { id: `deal-${i}`, name, [`x${name}`]: 1 });
    writeFileSync(path.join(dir, 'deals', `${name}.yaml`), stringify(deal));
  });

  it.each(['stylish', 'github', 'junit', 'sarif'])('check -f %s: exit 1, nothing raw on stdout or stderr', async (format) => {
    const { code, stdout, stderr } = await run(['check', '-f', format, 'deals'], { cwd: dir });
    expect(code).toBe(1);
    noRaw(stdout);
    noRaw(stderr);
    expect(stdout.match(/before/g)?.length).toBeGreaterThanOrEqual(names.length);
  });

  it.each(['text', 'markdown'])('triage -f %s: diagnostics on stderr with nothing raw', async (format) => {
    const { code, stdout, stderr } = await run(['triage', '-f', format, ...names.map((name) => `deals/${name}.yaml`)], { cwd: dir });
    expect(code).toBe(1);
    noRaw(stdout);
    noRaw(stderr);
    expect(stderr).toContain('unknown-key');
    expect(stderr.match(/before/g)?.length).toBeGreaterThanOrEqual(names.length);
  });

  it('a usage error naming a missing file shows it sanitised', async () => {
    const { code, stderr } = await run(['triage', ...names.map((name) => `missing/${name}.yaml`)], { cwd: dir });
    expect(code).toBe(2);
    noRaw(stderr);
    // One line per missing file, none forged by a line break in a name.
    expect(stderr.trimEnd().split('\n')).toHaveLength(names.length);
  });

  it('check names missing paths and the report file sanitised', async () => {
    const missing = await run(['check', ...names.map((name) => `missing/${name}`)], { cwd: dir });
    expect(missing.code).toBe(2);
    noRaw(missing.stderr);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(names.length);
    const written = await run(['check', '-o', `out/${names.join('')}.txt`, 'deals'], { cwd: dir });
    expect(written.code).toBe(1);
    noRaw(written.stderr);
    expect(written.stderr).toContain('wrote the report to out/');
  });
});
