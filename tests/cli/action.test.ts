// The GitHub Action (action.yml): its check step's script (scripts/action-check.sh) run the way the
// runner runs it, with GITHUB_ACTION_PATH, GITHUB_STEP_SUMMARY and the inputs as INPUT_* variables,
// against the fixtures: annotations on stdout, the summary written, the check's exit code; inputs
// that look like shell stay values. And the action's definition: composite, Node 20, every input
// passed through the environment, none written into a script. Runs the built bin (`npm run build`).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-action-');
const SCRIPT = path.join(ROOT, 'scripts/action-check.sh');

function runStep(inputs: Record<string, string>, extra: Record<string, string> = {}) {
  const summary = path.join(tempDir(), 'step-summary.md');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_ACTIONS: 'true',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, value])),
    ...extra,
  };
  const result = spawnSync('bash', [SCRIPT], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, 'utf8') };
}

describe('the action step (scripts/action-check.sh)', () => {
  it('checks the example deals: annotations, the step summary, exit 0', () => {
    const run = runStep({ path: 'deals', 'working-directory': 'fixtures', today: '2026-12-01' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning file=deals\/soylent-brief\.yaml,line=\d+,col=\d+,title=ceo-brief-incomplete::/m);
    expect(run.summary).toMatch(/^## deal-triage check\n\n✖ 1 problem \(0 errors, 1 warning\) in 1 of 9 files/);
  });

  it('fails on a folder with problems (exit 1), with error annotations', () => {
    const run = runStep({ path: 'check/problems', 'working-directory': 'fixtures', today: '2026-12-01' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=check\/problems\/acme-plants\.yaml,line=1,col=5,title=duplicate-id::/m);
    expect(run.summary).toContain('duplicate-id');
  });

  it('passes config and max-warnings: one warning over 0 fails', () => {
    const run = runStep({
      path: 'fixtures/deals',
      config: 'fixtures/deal-triage.config.yaml',
      'max-warnings': '0',
      today: '2026-12-01',
      'working-directory': '.',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('deal-triage: 1 warning, more than --max-warnings 0 allows');
  });

  it('takes several paths, one per line', () => {
    const run = runStep({ path: ' deals/acme-plants.yaml\n\ndeals/hooli-expansion.yaml \n', 'working-directory': 'fixtures', today: '2026-12-01' });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('no problems');
    expect(run.summary).toContain('2 files checked');
  });

  it.each([
    ['path', { path: '$(touch pwned-path)' }],
    ['config', { path: 'deals', config: '"; touch pwned-config; echo "' }],
    ['today', { path: 'deals', today: '`touch pwned-today`' }],
    ['max-warnings', { path: 'deals', 'max-warnings': '0; touch pwned-max' }],
  ])('an input that looks like shell (%s) stays a value: nothing runs, a usage error', (_name, inputs) => {
    const dir = tempDir();
    const run = runStep({ ...inputs, 'working-directory': dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^deal-triage: /);
    for (const name of ['pwned-path', 'pwned-config', 'pwned-today', 'pwned-max']) expect(existsSync(path.join(dir, name))).toBe(false);
  });

  it('outside the runner (no GITHUB_ACTION_PATH) says what it is, exit 2', () => {
    const result = spawnSync('bash', [SCRIPT], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^deal-triage: GITHUB_ACTION_PATH is not set/);
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string }>;
    runs: { using: string; steps: { uses?: string; with?: Record<string, unknown>; run?: string; env?: Record<string, string> }[] };
  };

  it('is a composite action on Node 20 with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'max-warnings', 'path', 'today', 'working-directory']);
    const setup = action.runs.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with).toEqual({ 'node-version': 20 });
  });

  it('never writes an input into a script: each reaches the check step as INPUT_*', () => {
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
    const check = action.runs.steps.find((step) => step.run?.includes('scripts/action-check.sh'));
    expect(check?.env).toEqual(
      Object.fromEntries(Object.keys(action.inputs).map((name) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, `\${{ inputs.${name} }}`])),
    );
  });

  it('installs from its own checkout', () => {
    const install = action.runs.steps.find((step) => step.run?.includes('npm ci'));
    expect(install?.run).toMatch(/^cd "\$GITHUB_ACTION_PATH" && npm ci\b/);
  });
});
