// The `check` formatters (src/format/check/*), pure: a hand-built report in, text out. Each format
// is read back (JSON.parse, a regex per line, python3's XML parser) and compared with the report,
// with file names and messages full of the characters each format must escape.

import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckedFile } from '../../src/check/report.js';
import { CHECK_FORMATS, checkFormatters, formatStepSummary } from '../../src/format/check/index.js';
import { escapeData, escapeProperty } from '../../src/format/check/github.js';
import type { Problem } from '../../src/load/problem.js';
import { plain } from '../../src/format/style.js';
import type { Style } from '../../src/format/style.js';
import { GITHUB_COMMAND, problemsFromGithub, problemsFromJson, problemsFromJunit, problemsFromStylish, readJunit } from '../check/helpers.js';

const p = (file: string, line: number, column: number, rule: string, severity: Problem['severity'], message: string): Problem => ({
  file,
  line,
  column,
  rule,
  severity,
  message,
});

const ODD_FILE = 'deals/a,b:c 100%.yaml';
const XML_FILE = 'deals/<tom & "jerry">.yaml';
const MULTILINE = 'First line: 50% done,\nsecond line\r\nthird | a pipe <b>bold</b> & "quoted"';
const CONTROL = 'bell \u0007 escape \u001b[31m null \u0000 end';
const LONE_CR = 'before\rafter';

const file = (name: string, problems: Problem[], verdict: CheckedFile['verdict'] = 'join'): CheckedFile => ({
  file: name,
  id: verdict === null ? null : name.replace(/\W+/g, '-'),
  name: verdict === null ? null : `Deal ${name}`,
  verdict,
  reasons: [],
  problems,
});

/** Four files: one with errors and a warning, one clean, one with a warning only, one invalid. */
const REPORT: CheckReport = {
  files: [
    file(ODD_FILE, [
      p(ODD_FILE, 2, 5, 'duplicate-id', 'error', 'the id "x" is also used by deals/other.yaml:1: each deal needs its own id'),
      p(ODD_FILE, 7, 3, 'my-rule', 'warning', MULTILINE),
      p(ODD_FILE, 12, 14, 'lone-cr', 'warning', LONE_CR),
    ]),
    file('deals/clean.yaml', []),
    file('deals/warned.yaml', [p('deals/warned.yaml', 20, 14, 'ceo-brief-incomplete', 'warning', 'The CEO is requested, but the brief lacks history')], 'wait'),
    file(XML_FILE, [p(XML_FILE, 1, 1, 'yaml-syntax', 'error', CONTROL), p(XML_FILE, 3, 9, 'invalid-type', 'error', '1 < 2 && 3 > 2')], null),
  ],
  summary: { files: 4, invalid: 1, filesWithProblems: 3, errors: 3, warnings: 3, verdicts: { join: 2, wait: 1, decline: 0 }, overrides: 0 },
};
const ALL = REPORT.files.flatMap((f) => f.problems);
const located = (problems: readonly Problem[]) => problems.map(({ file, line, column, severity, rule }) => ({ file, line, column, severity, rule }));

const CLEAN: CheckReport = {
  files: [file('deals/a.yaml', []), file('deals/b.yaml', [], 'decline')],
  summary: { files: 2, invalid: 0, filesWithProblems: 0, errors: 0, warnings: 0, verdicts: { join: 1, wait: 0, decline: 1 }, overrides: 0 },
};

/** A style that marks what it colours, to see where colour would go. */
const marking: Style = {
  bold: (t) => `<bold>${t}</bold>`,
  dim: (t) => `<dim>${t}</dim>`,
  red: (t) => `<red>${t}</red>`,
  green: (t) => `<green>${t}</green>`,
  yellow: (t) => `<yellow>${t}</yellow>`,
  cyan: (t) => `<cyan>${t}</cyan>`,
};

const SUMMARY = '✖ 6 problems (3 errors, 3 warnings) in 3 of 4 files; verdicts: 2 join, 1 wait, 0 decline, 1 invalid';

describe('every format', () => {
  it('the registry has the four formats of PRODUCT.md §8, and sarif (§14)', () => {
    expect([...CHECK_FORMATS].sort()).toEqual(['github', 'json', 'junit', 'sarif', 'stylish']);
    expect(Object.keys(checkFormatters).sort()).toEqual([...CHECK_FORMATS].sort());
  });

  it.each(CHECK_FORMATS)('%s ends with a newline and gives the same text twice', (format) => {
    const out = checkFormatters[format](REPORT, { style: plain });
    expect(out.endsWith('\n')).toBe(true);
    expect(checkFormatters[format](REPORT, { style: plain })).toBe(out);
  });

  it.each(CHECK_FORMATS.filter((f) => f !== 'stylish'))('%s is never coloured, whatever style it is given', (format) => {
    expect(checkFormatters[format](REPORT, { style: marking })).toBe(checkFormatters[format](REPORT, { style: plain }));
  });
});

describe('stylish', () => {
  const out = checkFormatters.stylish(REPORT, { style: plain });
  const lines = out.trimEnd().split('\n');

  it('groups the problems by file, one `line:col  severity  message  rule-id` line each', () => {
    expect(problemsFromStylish(out)).toEqual(located(ALL));
    // Files without problems are not listed.
    expect(lines).not.toContain('deals/clean.yaml');
    expect(lines.filter((line) => !line.startsWith(' ') && line !== '')).toEqual([ODD_FILE, 'deals/warned.yaml', XML_FILE, SUMMARY]);
  });

  it('aligns the columns within a file', () => {
    const rows = lines.slice(1, 4);
    expect(rows).toHaveLength(3);
    const at = (text: string) => rows.map((row) => row.indexOf(text));
    // The colon between line and column, the severity and the rule start in the same column.
    expect(new Set(rows.map((row) => row.indexOf(':'))).size).toBe(1);
    expect(new Set(rows.map((row) => row.search(/error|warning/))).size).toBe(1);
    expect(new Set([...at('duplicate-id'), ...at('my-rule'), ...at('lone-cr')].filter((i) => i >= 0)).size).toBe(1);
  });

  it('shows every message on one line', () => {
    expect(out).not.toMatch(/\r/);
    expect(out).toContain('First line: 50% done, second line third | a pipe <b>bold</b> & "quoted"');
    expect(out).toContain('before after');
  });

  it.each(['stylish', 'github'] as const)('%s shows control characters from deal text as U+FFFD, never raw (no terminal escapes)', (format) => {
    const text = checkFormatters[format](REPORT, { style: plain });
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(text).toContain('bell \uFFFD escape \uFFFD[31m null \uFFFD end');
  });

  it('ends with the counts of files, problems, errors, warnings and verdicts', () => {
    expect(lines.at(-1)).toBe(SUMMARY);
    expect(checkFormatters.stylish(CLEAN, { style: plain })).toBe('✔ 2 files checked, no problems; verdicts: 1 join, 0 wait, 1 decline\n');
  });

  it('colours only with the style it is given: errors red, warnings yellow', () => {
    const coloured = checkFormatters.stylish(REPORT, { style: marking });
    expect(coloured).toContain('<red>error  </red>');
    expect(coloured).toContain('<yellow>warning</yellow>');
    expect(coloured).toContain(`<red><bold>${SUMMARY}</bold></red>`);
    expect(checkFormatters.stylish(CLEAN, { style: marking })).toMatch(/^<green>✔ /);
    expect(out).not.toMatch(/<(red|yellow|green|bold|dim)>/);
  });
});

describe('json', () => {
  const parsed = JSON.parse(checkFormatters.json(REPORT, { style: plain })) as {
    version: number;
    summary: unknown;
    files: { file: string; id: string | null; verdict: string | null; problems: Problem[] }[];
  };

  it('is a versioned object with the summary and every file, in order', () => {
    expect(parsed.version).toBe(1);
    expect(parsed.summary).toEqual(REPORT.summary);
    expect(parsed.files.map((f) => [f.file, f.id, f.verdict])).toEqual(REPORT.files.map((f) => [f.file, f.id, f.verdict]));
  });

  it('carries every problem as it is, messages unfolded', () => {
    expect(parsed.files.map((f) => f.problems)).toEqual(REPORT.files.map((f) => f.problems));
    expect(problemsFromJson(checkFormatters.json(REPORT, { style: plain }))).toEqual(located(ALL));
  });
});

describe('github', () => {
  // GitHub's toolkit (@actions/core, src/command.ts): data escapes %, CR, LF; properties also : and ,.
  it.each([
    ['plain text', 'plain text', 'plain text'],
    ['100%', '100%25', '100%25'],
    ['a\nb', 'a%0Ab', 'a%0Ab'],
    // Every line break is LF: a lone CR too (../../src/format/sanitize.ts).
    ['a\r\nb', 'a%0Ab', 'a%0Ab'],
    ['a\rb\u2028c\u2029d', 'a%0Ab%0Ac%0Ad', 'a%0Ab%0Ac%0Ad'],
    ['key: value, more', 'key: value, more', 'key%3A value%2C more'],
    ['%0A is not a newline', '%250A is not a newline', '%250A is not a newline'],
    ['50%: a,b\n', '50%25: a,b%0A', '50%25%3A a%2Cb%0A'],
    ['C:\\deals\\x.yaml', 'C:\\deals\\x.yaml', 'C%3A\\deals\\x.yaml'],
  ])('escapes %j as data %j and as a property %j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });

  const out = checkFormatters.github(REPORT, { style: plain });
  const lines = out.trimEnd().split('\n');

  it('writes one workflow command per problem, then the summary line', () => {
    expect(lines).toHaveLength(ALL.length + 1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(GITHUB_COMMAND);
    expect(lines.at(-1)).toBe(SUMMARY);
  });

  it('gives each problem its file, line, column, rule as title, and message, unescaping to the original (line breaks as LF, control characters as U+FFFD)', () => {
    // eslint-disable-next-line no-control-regex
    const shown = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD');
    expect(problemsFromGithub(out)).toEqual(ALL.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message: shown(message) })));
  });

  it('escapes the file path as a property and the message as data', () => {
    expect(lines[0]).toBe(
      '::error file=deals/a%2Cb%3Ac 100%25.yaml,line=2,col=5,title=duplicate-id::the id "x" is also used by deals/other.yaml:1: each deal needs its own id',
    );
    expect(lines[1]).toBe(
      '::warning file=deals/a%2Cb%3Ac 100%25.yaml,line=7,col=3,title=my-rule::First line: 50%25 done,%0Asecond line%0Athird | a pipe <b>bold</b> & "quoted"',
    );
    expect(lines[2]).toContain('::before%0Aafter');
  });

  it('writes only the summary line for a clean folder', () => {
    expect(checkFormatters.github(CLEAN, { style: plain })).toBe('✔ 2 files checked, no problems; verdicts: 1 join, 0 wait, 1 decline\n');
  });
});

describe('the GitHub step summary', () => {
  const out = formatStepSummary(REPORT);
  const rows = out.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| File') && !line.startsWith('| ---'));
  /** A table row's cells: split at the pipes that are not escaped. */
  const cells = (row: string) => row.slice(2, -2).split(/ (?<!\\)\| /);

  it('is a heading, the summary line and a table with every problem', () => {
    expect(out).toMatch(/^## deal-triage check\n\n/);
    expect(out).toContain(`\n${SUMMARY}\n`);
    expect(out).toContain('| File | Line | Column | Severity | Rule | Message |');
    expect(rows).toHaveLength(ALL.length);
    expect(rows.map((row) => cells(row).slice(1, 5))).toEqual(ALL.map((q) => [String(q.line), String(q.column), q.severity, q.rule]));
  });

  it('keeps each row on one line with six cells: "|" escaped, newlines folded, HTML and entities shown as text', () => {
    expect(out).not.toMatch(/\r/);
    for (const row of rows) expect(cells(row)).toHaveLength(6);
    const [, multiline] = rows;
    expect(cells(multiline!)[5]).toBe('First line: 50% done, second line third \\| a pipe \\<b\\>bold\\</b\\> \\& "quoted"');
    expect(cells(rows[4]!)[0]).toBe('deals/\\<tom \\& "jerry"\\>.yaml');
  });

  it.each([
    ['a pipe', 'deals/a|b.yaml', 'deals/a\\|b.yaml'],
    ['a newline', 'deals/a\nb.yaml', 'deals/a\uFFFDb.yaml'],
    ['a bare CR', 'deals/a\rb.yaml', 'deals/a\uFFFDb.yaml'],
    ['a link', 'deals/[x](https:evil).yaml', 'deals/\\[x\\](https:evil).yaml'],
    ['an image and HTML', '![i](//e.png)<b>.yaml', '!\\[i\\](//e.png)\\<b\\>.yaml'],
  ])('keeps a row whole for a file name with %s', (_name, name, shown) => {
    const report: CheckReport = {
      files: [file(name, [p(name, 1, 2, 'r', 'error', 'message with | a pipe and\r# a heading')])],
      summary: { files: 1, invalid: 0, filesWithProblems: 1, errors: 1, warnings: 0, verdicts: { join: 1, wait: 0, decline: 0 }, overrides: 0 },
    };
    const table = formatStepSummary(report).split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| File') && !line.startsWith('| ---'));
    expect(table).toHaveLength(1);
    expect(cells(table[0]!)).toEqual([shown, '1', '2', 'error', 'r', 'message with \\| a pipe and \\# a heading']);
  });

  it('has no table for a clean folder', () => {
    expect(formatStepSummary(CLEAN)).toBe('## deal-triage check\n\n✔ 2 files checked, no problems; verdicts: 1 join, 0 wait, 1 decline\n\n');
  });
});

describe('junit', () => {
  const xml = checkFormatters.junit(REPORT, { style: plain });
  // Parsed in each test, so output that is not well-formed fails the tests, not the collection.
  const parse = () => {
    const junit = readJunit(xml);
    return { junit, cases: junit.suites.flatMap((s) => s.cases) };
  };

  it('is well-formed XML (python3 xml.dom.minidom) with one test case per file', () => {
    const { junit, cases } = parse();
    expect(junit.root).toBe('testsuites');
    expect(junit.suites).toHaveLength(1);
    expect(cases.map((c) => c.attrs.name)).toEqual(REPORT.files.map((f) => f.file));
    expect(cases.map((c) => c.attrs.file)).toEqual(REPORT.files.map((f) => f.file));
    expect(junit.rootAttrs).toMatchObject({ tests: '4', failures: '2' });
    expect(junit.suites[0]?.attrs).toMatchObject({ tests: '4', failures: '2' });
  });

  it('fails the files with errors, listing every problem; files with only warnings pass, their warnings in system-out', () => {
    const [odd, clean, warned, xmlFile] = parse().cases;
    expect(odd?.failure?.attrs.message).toBe('1 error, 2 warnings');
    expect(odd?.failure?.text.split('\n')).toHaveLength(3);
    expect(xmlFile?.failure?.attrs).toMatchObject({ message: '2 errors, 0 warnings', type: 'yaml-syntax' });
    expect(clean?.failure).toBeNull();
    expect(clean?.systemOut).toBeNull();
    expect(warned?.failure).toBeNull();
    expect(warned?.systemOut).toBe('deals/warned.yaml:20:14: warning: The CEO is requested, but the brief lacks history (ceo-brief-incomplete)');
    expect(problemsFromJunit(xml)).toEqual(located(ALL));
  });

  it('keeps & < > " in names and messages, and replaces characters XML cannot hold', () => {
    const [odd, , , xmlFile] = parse().cases;
    expect(xmlFile?.attrs.name).toBe(XML_FILE);
    expect(xmlFile?.failure?.text).toContain('1 < 2 && 3 > 2 (invalid-type)');
    expect(xmlFile?.failure?.text).toContain('bell \uFFFD escape \uFFFD[31m null \uFFFD end');
    expect(odd?.failure?.text).toContain('First line: 50% done, second line third | a pipe <b>bold</b> & "quoted" (my-rule)');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it.each([
    ['a control character in a file name', 'deals/x\u0001y.yaml', 'deals/x\uFFFDy.yaml'],
    ['a tab and a newline in a file name (a newline is shown as U+FFFD)', 'deals/a\tb\nc.yaml', 'deals/a\tb\uFFFDc.yaml'],
    ['a lone surrogate', 'deals/\uD800.yaml', 'deals/\uFFFD.yaml'],
    ['an emoji (a surrogate pair)', 'deals/🚀.yaml', 'deals/🚀.yaml'],
    ['quotes and apostrophes', `deals/"it's".yaml`, `deals/"it's".yaml`],
  ])('stays well-formed with %s', (_name, name, shown) => {
    const report: CheckReport = {
      files: [file(name, [p(name, 1, 1, 'r', 'error', `in ${name}`)])],
      summary: { files: 1, invalid: 0, filesWithProblems: 1, errors: 1, warnings: 0, verdicts: { join: 1, wait: 0, decline: 0 }, overrides: 0 },
    };
    const parsed = readJunit(checkFormatters.junit(report, { style: plain }));
    expect(parsed.suites[0]?.cases[0]?.attrs.name).toBe(shown);
  });

  it('has no timings: a clean folder passes every test case', () => {
    const parsed = readJunit(checkFormatters.junit(CLEAN, { style: plain }));
    expect(parsed.rootAttrs).toMatchObject({ tests: '2', failures: '0', errors: '0', time: '0' });
    expect(parsed.suites[0]?.cases.every((c) => c.failure === null && c.systemOut === null)).toBe(true);
  });
});

describe('messages fold in linear time', () => {
  // A regex with white space on both sides of the line breaks (/\s*[\r\n]+\s*/) backtracked on
  // every start in a run of white space that no line break ends: 95 s for one 300 KB message.
  // A linear fold takes milliseconds; the ceiling is far above that and far below the old time.
  const SIZE = 300_000;
  it.each([
    ['spaces, then a letter', `a${' '.repeat(SIZE)}b`],
    ['Unicode spaces and tabs, then a letter', `a${'\u3000\u00a0\t'.repeat(SIZE / 3)}b`],
    ['lines of spaces', `a${`${' '.repeat(999)}\n`.repeat(SIZE / 1000)}b`],
    ['CRs between spaces', `a${'  \r'.repeat(SIZE / 3)}b`],
  ])('stylish, github, junit and the step summary with 300 KB of %s', (_name, message) => {
    const report: CheckReport = {
      files: [file('deals/big.yaml', [p('deals/big.yaml', 1, 1, 'my-rule', 'warning', message)])],
      summary: { files: 1, invalid: 0, filesWithProblems: 1, errors: 0, warnings: 1, verdicts: { join: 1, wait: 0, decline: 0 }, overrides: 0 },
    };
    const started = performance.now();
    const outputs = [
      checkFormatters.stylish(report, { style: plain }),
      checkFormatters.github(report, { style: plain }),
      checkFormatters.junit(report, { style: plain }),
      formatStepSummary(report),
    ];
    expect(performance.now() - started).toBeLessThan(2000);
    const row = outputs[0]!.split('\n')[1]!;
    expect(row).toMatch(/^ {2}1:1 {2}warning {2}a\s+b\s+my-rule$/);
    expect(row).not.toContain('\n');
  });
});
