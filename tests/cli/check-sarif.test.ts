// `deal-triage check -f sarif`, through the real CLI entry: the log validates against the official
// SARIF 2.1.0 schema (vendored in tests/vendor/sarif, see its NOTICE.md), lists a rule for every
// result, and its fingerprints survive lines moving.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS } from '../../src/check/rule-catalogue.js';
import { BUILT_IN_RULES } from '../../src/policy/built-in.js';
import { FOLDER_RULE_IDS } from '../../src/policy/folder-rules.js';
import { ONE_ON_ONE_RULE_IDS } from '../../src/policy/one-on-one-rules.js';
import { dealYaml } from '../check/helpers.js';
import { ROOT, run } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const CONFIG = 'fixtures/deal-triage.config.yaml';
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } }; results: SarifResult[] }[];
}

// The official schema, with the two formats it uses checked by the URL parser (ajv-formats is not a dependency).
// unicodeRegExp off: the schema's language pattern has a stray "]", which only a non-unicode RegExp accepts.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///root/') && !/[\s\\]/.test(value));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validateSarif = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'tests/vendor/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object);

function valid(stdout: string): SarifLog {
  const log = JSON.parse(stdout) as SarifLog;
  const ok = validateSarif(log);
  expect(ok, ajv.errorsText(validateSarif.errors, { separator: '\n' })).toBe(true);
  return log;
}

const tempDir = tempDirs('deal-triage-sarif-');

describe('check -f sarif', () => {
  it.each([
    ['problems of every kind', ['fixtures/check/problems'], 1],
    ['a folder with a warning only', ['fixtures/deals'], 0],
    ['invalid files', ['fixtures/invalid'], 1],
    ['warnings about dates', ['fixtures/check/dates'], 0],
  ])('%s: valid SARIF 2.1.0, the same bytes twice, exit %s', async (_name, paths, code) => {
    const first = await run(['check', '--config', CONFIG, '-f', 'sarif', ...paths]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(code);
    const log = valid(first.stdout);
    expect(log.runs).toHaveLength(1);
    expect((await run(['check', '--config', CONFIG, '-f', 'sarif', ...paths])).stdout).toBe(first.stdout);
    const { driver } = log.runs[0]!.tool;
    expect(driver).toMatchObject({ name: 'deal-triage', version: VERSION, informationUri: expect.stringMatching(/^https:\/\//) as string });
    for (const result of log.runs[0]!.results) {
      // Every result names the rule at its index, at the level check reports it.
      expect(driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).toMatch(new RegExp(`^${paths[0]}/[^/]+\\.yaml$`));
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.endLine).toBe(region.startLine);
      expect(region.endColumn).toBe(region.startColumn! + 1);
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('lists every rule that can report: the file problems, the enabled finding rules, the folder rules, the one-on-one rules, each described', async () => {
    const log = valid((await run(['check', '--config', CONFIG, '-f', 'sarif', 'fixtures/deals'])).stdout);
    const rules = log.runs[0]!.tool.driver.rules;
    const findings = BUILT_IN_RULES.filter((rule) => rule.effect === 'finding').map((rule) => rule.id);
    expect(rules.map((rule) => rule.id)).toEqual([...Object.keys(FILE_PROBLEMS), ...findings, ...FOLDER_RULE_IDS, ...ONE_ON_ONE_RULE_IDS]);
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.fullDescription.text.startsWith(rule.shortDescription.text)).toBe(true);
      expect(rule.help.text.length).toBeGreaterThan(5);
      expect(rule.help.markdown).toContain(`\`${rule.id}\``);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    expect(rules.find((rule) => rule.id === 'close-date-passed')?.defaultConfiguration.level).toBe('warning');
    expect(rules.find((rule) => rule.id === 'yaml-syntax')?.defaultConfiguration.level).toBe('error');
  });

  it("includes the config's own finding rules and severities, and leaves out the rules switched off", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'deal-triage.config.yaml'),
      [
        'rules:',
        '  - id: public-sector-review',
        '    effect: finding',
        '    severity: warning',
        '    description: A public-sector deal needs legal review.',
        '    at: account.industry',
        '    when: { fact: account.industry, op: eq, value: Government }',
        '    message: Ask legal to review the tender rules.',
        '  - id: close-date-passed',
        '    severity: error',
        '  - id: over-capacity',
        '    enabled: false',
        '',
      ].join('\n'),
    );
    mkdirSync(path.join(dir, 'deals'));
    writeFileSync(path.join(dir, 'deals/city.yaml'), dealYaml({ id: 'city', account: { name: 'City of Springfield', industry: 'Government' } }));
    const result = await run(['check', '-f', 'sarif'], { cwd: dir });
    const log = valid(result.stdout);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.find((rule) => rule.id === 'public-sector-review')).toMatchObject({
      shortDescription: { text: 'A public-sector deal needs legal review.' },
      defaultConfiguration: { level: 'warning' },
    });
    expect(rules.find((rule) => rule.id === 'close-date-passed')?.defaultConfiguration.level).toBe('error');
    expect(rules.map((rule) => rule.id)).not.toContain('over-capacity');
    const found = log.runs[0]!.results.find((r) => r.ruleId === 'public-sector-review');
    expect(found).toMatchObject({ level: 'warning', message: { text: 'Ask legal to review the tender rules.' } });
    expect(found?.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'deals/city.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('percent-encodes a file name as a URI, with forward slashes', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'deals/Q4 pipeline'), { recursive: true });
    writeFileSync(path.join(dir, 'deals/Q4 pipeline/Café #1 100%.yaml'), 'id: [broken\n');
    const log = valid((await run(['check', '-f', 'sarif'], { cwd: dir })).stdout);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'deals/Q4%20pipeline/Caf%C3%A9%20%231%20100%25.yaml',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('keeps each fingerprint when lines are added above the problem, and tells two problems apart', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'deals'));
    const deal = (prefix: string) => `${prefix}${dealYaml({ id: 'odd', colour: 'red', flavour: 'sour' })}`;
    writeFileSync(path.join(dir, 'deals/odd.yaml'), deal(''));
    const before = valid((await run(['check', '-f', 'sarif'], { cwd: dir })).stdout).runs[0]!.results;
    writeFileSync(path.join(dir, 'deals/odd.yaml'), deal('# a comment\n# and another\n'));
    const after = valid((await run(['check', '-f', 'sarif'], { cwd: dir })).stdout).runs[0]!.results;
    expect(after.map((r) => r.locations[0]!.physicalLocation.region.startLine)).toEqual(before.map((r) => r.locations[0]!.physicalLocation.region.startLine! + 2));
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    expect(new Set(before.map((r) => Object.values(r.partialFingerprints)[0])).size).toBe(before.length);
    expect(before.map((r) => r.ruleId)).toEqual(['unknown-key', 'unknown-key']);
  });

  it('writes the log to --output, as the upload step reads it', async () => {
    const dir = tempDir();
    const result = await run(['check', '--config', path.join(ROOT, CONFIG), '-f', 'sarif', '-o', path.join(dir, 'deal-triage.sarif'), path.join(ROOT, 'fixtures/check/problems')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    valid(readFileSync(path.join(dir, 'deal-triage.sarif'), 'utf8'));
  });
});
