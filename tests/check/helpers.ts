// Builders and readers for the `check` tests: deal texts written as YAML, positions found in a
// file's text (so expected lines and columns come from the fixture, not from the code under test),
// reports built through the real pure pipeline, and every output format read back into problems.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { checkFileBytes } from '../../src/check/file.js';
import type { FileReport } from '../../src/check/file.js';
import { buildReport } from '../../src/check/report.js';
import type { CheckReport } from '../../src/check/report.js';
import type { Position } from '../../src/load/problem.js';
import type { ResolvedConfig } from '../../src/policy/resolve.js';
import { baseDeal, merge } from '../engine/helpers.js';

export { COMPANY_YAML, loadConfig } from '../engine/helpers.js';

/** The base deal of the engine tests (a join under the company config) with `patch`, as YAML. */
export function dealYaml(patch: Record<string, unknown> = {}): string {
  return stringify(merge(baseDeal(), patch));
}

/**
 * Where the text right after `prefix` starts, on the first line that begins with `prefix`
 * (indentation included): `valueAt(text, '  requested: ')` is the position of that value.
 */
export function valueAt(text: string, prefix: string): Position {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
  return { line: index + 1, column: prefix.length + 1 };
}

export function fileReport(file: string, text: string, config: ResolvedConfig): FileReport {
  return checkFileBytes(new TextEncoder().encode(text), file, config, AS_OF);
}

/** A whole report from deal texts by file name, in the order given. */
export function reportOf(files: Record<string, string> | [string, string][], config: ResolvedConfig): CheckReport {
  const entries = Array.isArray(files) ? files : Object.entries(files);
  return buildReport(
    entries.map(([file, text]) => fileReport(file, text, config)),
    config,
  );
}

/** A problem as every format can show it: enough to say "this problem, at this place". */
export interface Located {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order `check` reports in: by file (code unit by code unit), then position, then rule. */
export const byPlace = (a: Located, b: Located) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.rule, b.rule);

export function located(file: string, at: Position, rule: string, severity = 'error'): Located {
  return { file, line: at.line, column: at.column, severity, rule };
}

// ---- Reading each output format back ---------------------------------------------------------

/** stylish: a file's path on its own line, then `  line:col  severity  message  rule-id` lines. */
export function problemsFromStylish(output: string): Located[] {
  const found: Located[] = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const row = /^ +(\d+):(\d+) +(error|warning) +.*? {2}(\S+)$/.exec(line);
    if (row) {
      if (file === undefined) throw new Error(`a problem line before any file: ${line}`);
      found.push({ file, line: Number(row[1]), column: Number(row[2]), severity: row[3]!, rule: row[4]! });
    } else if (line !== '' && !line.startsWith(' ') && !/^[✔✖] /.test(line)) {
      file = line;
    }
  }
  return found;
}

export function problemsFromJson(output: string): Located[] {
  const report = JSON.parse(output) as { files: { problems: Located[] }[] };
  return report.files.flatMap((file) => file.problems.map(({ file: f, line, column, severity, rule }) => ({ file: f, line, column, severity, rule })));
}

/** GitHub's toolkit unescaping (the inverse of escapeProperty / escapeData). */
export function unescapeGithub(text: string): string {
  return text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export const GITHUB_COMMAND = /^::(error|warning) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$/;

export function problemsFromGithub(output: string): (Located & { message: string })[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const m = GITHUB_COMMAND.exec(line);
      if (!m) throw new Error(`not a workflow command: ${line}`);
      return { severity: m[1]!, file: unescapeGithub(m[2]!), line: Number(m[3]), column: Number(m[4]), rule: unescapeGithub(m[5]!), message: unescapeGithub(m[6]!) };
    });
}

export interface JunitCase {
  attrs: Record<string, string>;
  failure: { attrs: Record<string, string>; text: string } | null;
  systemOut: string | null;
}

export interface Junit {
  root: string;
  rootAttrs: Record<string, string>;
  suites: { attrs: Record<string, string>; cases: JunitCase[] }[];
}

// An independent XML parser: if the output is not well-formed, minidom says where.
const JUNIT_READER = `
import json, sys
from xml.dom import minidom
doc = minidom.parseString(sys.stdin.buffer.read())
def text(el):
    return ''.join(n.data for n in el.childNodes if n.nodeType in (n.TEXT_NODE, n.CDATA_SECTION_NODE))
def attrs(el):
    return dict(el.attributes.items())
out = {'root': doc.documentElement.tagName, 'rootAttrs': attrs(doc.documentElement), 'suites': []}
for suite in doc.getElementsByTagName('testsuite'):
    cases = []
    for case in suite.getElementsByTagName('testcase'):
        failures = case.getElementsByTagName('failure')
        outs = case.getElementsByTagName('system-out')
        cases.append({
            'attrs': attrs(case),
            'failure': {'attrs': attrs(failures[0]), 'text': text(failures[0])} if failures else None,
            'systemOut': text(outs[0]) if outs else None,
        })
    out['suites'].append({'attrs': attrs(suite), 'cases': cases})
print(json.dumps(out))
`;
import { AS_OF } from '../helpers/paths.js';

/** Parses JUnit XML with python3's xml.dom.minidom; throws with python's message if it is not well-formed. */
export function readJunit(xml: string): Junit {
  const result = spawnSync('python3', ['-c', JUNIT_READER], { input: xml, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`python3 could not parse the JUnit XML:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Junit;
}

const PROBLEM_LINE = /^(.*):(\d+):(\d+): (error|warning): .* \(([a-z0-9-]+)\)$/;

export function problemsFromJunit(xml: string): Located[] {
  const junit = readJunit(xml);
  return junit.suites.flatMap((suite) =>
    suite.cases.flatMap((c) => {
      const text = c.failure?.text ?? c.systemOut ?? '';
      return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const m = PROBLEM_LINE.exec(line);
          if (!m) throw new Error(`not a problem line: ${line}`);
          return { file: m[1]!, line: Number(m[2]), column: Number(m[3]), severity: m[4]!, rule: m[5]! };
        });
    }),
  );
}

/** The results of a SARIF log as located problems: the URI decoded back to the path check shows. */
export function problemsFromSarif(output: string): Located[] {
  interface SarifResult {
    ruleId: string;
    level: string;
    locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  }
  const log = JSON.parse(output) as { runs: { results: SarifResult[] }[] };
  return log.runs.flatMap((r) =>
    r.results.map((result) => {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      return { file: decodeURIComponent(artifactLocation.uri), line: region.startLine, column: region.startColumn, severity: result.level, rule: result.ruleId };
    }),
  );
}

export const problemsFrom: Record<'stylish' | 'json' | 'github' | 'junit' | 'sarif', (output: string) => Located[]> = {
  stylish: problemsFromStylish,
  json: problemsFromJson,
  github: (output) => problemsFromGithub(output).map(({ message: _message, ...rest }) => rest),
  junit: problemsFromJunit,
  sarif: problemsFromSarif,
};

// ---- The file system, before and after --------------------------------------------------------

/** Every file under `folder` with its bytes and modification time: compare two to prove nothing was written. */
export function snapshotFolder(folder: string): Map<string, { bytes: string; mtimeMs: number }> {
  const files = new Map<string, { bytes: string; mtimeMs: number }>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(folder, full), { bytes: readFileSync(full).toString('base64'), mtimeMs: statSync(full).mtimeMs });
    }
  };
  walk(folder);
  return files;
}
