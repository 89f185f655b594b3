// `deal-triage triage`, driven through the real CLI entry in-process: argv in, stdout, stderr and
// the exit code out, with a fake terminal and environment.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters, TRIAGE_FORMATS } from '../../src/format/index.js';
import { invalidSummary } from '../../src/cli/commands/triage.js';
import { parseDealBytes } from '../../src/load/deal.js';
import { ANSI, ROOT, run, STACK_FRAME } from '../helpers/cli.js';
import type { RunOptions } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const CONFIG = 'fixtures/deal-triage.config.yaml';
const INVALID_FILES = readdirSync(path.join(ROOT, 'fixtures/invalid'))
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

const NO_CONFIG_NOTE =
  'deal-triage: no deal-triage.config.yaml found here or in a parent folder; using the built-in defaults\n';

/** triage with the fixture config, run from the repository root. */
const triage = (...args: string[]) => run(['triage', '--config', CONFIG, ...args]);

interface JsonResult {
  file: string;
  id: string | null;
  verdict: string | null;
  reasons: { rule: string; message: string }[];
  signals: { rule: string }[];
  roles: { role: string; rule: string }[];
  trace: { rule: string; fired: boolean; condition: unknown }[];
  problems: { file: string; line: number; column: number; rule: string; message: string }[];
}

const tempDir = tempDirs('deal-triage-cli-');

describe('verdicts', () => {
  it.each([
    ['acme-plants', 'JOIN', ['large-deal', 'follow-on-likely', 'prospect-much-larger', 'competitive-threat', 'close', 'reassure', 'say-no', 'grant-exception', 'commit']],
    ['globex-reference', 'JOIN', ['large-deal', 'strategic-logo', 'competitive-threat', 'commit']],
    ['cyberdyne-discovery', 'WAIT', ['too-early', 'brief-incomplete']],
    ['soylent-brief', 'WAIT', ['brief-incomplete']],
    ['initech-renewal', 'DECLINE', ['deal-closed']],
    ['umbrella-one-off', 'DECLINE', ['no-follow-on']],
    ['stark-pilot', 'DECLINE', ['small-deal', 'not-strategic']],
    ['wayne-custom', 'DECLINE', ['custom-work-burden']],
    ['hooli-expansion', 'DECLINE', ['not-strategic']],
  ])('%s: %s, exit 0, with the rule ids', async (id, verdict, ruleIds) => {
    const file = `fixtures/deals/${id}.yaml`;
    const { code, stdout, stderr } = await triage(file);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [title, verdictLine] = stdout.split('\n');
    expect(title).toContain(`(${id}, ${file})`);
    expect(verdictLine).toMatch(new RegExp(`^${verdict}  `));
    for (const rule of ruleIds) expect(stdout).toMatch(new RegExp(` ${rule}$`, 'm'));
  });

  it('gives a decline its reason and what it would take for the CEO to join', async () => {
    const { stdout } = await triage('fixtures/deals/wayne-custom.yaml');
    expect(stdout).toContain('35 days of custom work are unpaid, more than the 10 allowed');
    expect(stdout).toContain(
      [
        'What it would take for the CEO to join',
        '  • Cut the unpaid custom work to 10 days or fewer, by doing less of it or having the customer pay for more; 35 days are unpaid.',
        "  • Complete the CEO's brief by adding what it lacks: history, stakeholders, questions, objective.",
      ].join('\n'),
    );
  });

  it('lists the whole path to a join for a decline on signals: the signals within reach, then the wait behind it', async () => {
    const { stdout } = await triage('fixtures/deals/hooli-expansion.yaml');
    expect(stdout).toContain(
      [
        'What it would take for the CEO to join',
        '  • Make the deal strategic: the CEO joins only with at least 2 strategic signals, and it has 1.',
        '    Any one of these would do:',
        '    ◦ The follow-on is possible; likely or committed would count.',
        '    ◦ The prospect is 6.7× our size; 10× or more would count.',
        '    ◦ The account is not marked as a strategic logo; a name that opens a market or serves as a reference would count.',
        '    ◦ The competitive threat is not recorded; high would count.',
        "  • Complete the CEO's brief by adding what it lacks: history, stakeholders, questions, objective.",
      ].join('\n'),
    );
  });

  it('gives a wait what must happen first, and the strategic signals that make it worth the wait', async () => {
    const { stdout } = await triage('fixtures/deals/cyberdyne-discovery.yaml');
    expect(stdout).toContain(
      [
        'What must happen before the CEO joins',
        '  • Move the deal on to a stage where the CEO comes in (proposal, negotiation); it is at discovery.',
        "  • Complete the CEO's brief by adding what it lacks: history, stakeholders, questions, objective.",
        '',
        'Why it is strategic',
        '  ✓ Large deal: the potential value, $2,500,000, is at least $250,000. large-deal',
        '  ✓ Follow-on is likely. follow-on-likely',
        '  ✓ The prospect is 166.7× our size (much larger from 10×). prospect-much-larger',
      ].join('\n'),
    );
  });

  it('shows the same in markdown: the signals within reach as a nested list, a wait with its signals', async () => {
    const { stdout } = await triage('--format', 'markdown', 'fixtures/deals/hooli-expansion.yaml', 'fixtures/deals/cyberdyne-discovery.yaml');
    expect(stdout).toContain(
      [
        '## What it would take for the CEO to join',
        '',
        '- Make the deal strategic: the CEO joins only with at least 2 strategic signals, and it has 1.',
        '  Any one of these would do:',
        '  - The follow-on is possible; likely or committed would count.',
        '  - The prospect is 6.7× our size; 10× or more would count.',
        '  - The account is not marked as a strategic logo; a name that opens a market or serves as a reference would count.',
        '  - The competitive threat is not recorded; high would count.',
        "- Complete the CEO's brief by adding what it lacks: history, stakeholders, questions, objective.",
      ].join('\n'),
    );
    expect(stdout).toContain(['## Why it is strategic', '', '- Large deal: the potential value, $2,500,000, is at least $250,000. `large-deal`'].join('\n'));
  });

  it('prints the briefing for a join', async () => {
    const { stdout } = await triage('fixtures/deals/acme-plants.yaml');
    for (const heading of ['Why: the strategic signals', "The CEO's role", 'At a glance', 'Objective', 'History with the customer', 'Stakeholders', 'Open issues', 'Questions to expect', 'Asks and our position', 'Plan', 'Next meeting']) {
      expect(stdout).toMatch(new RegExp(`^${heading}$`, 'm'));
    }
    expect(stdout).toContain('Q: What happens to us if you are acquired?');
    expect(stdout).toContain('90-day payment terms: the CEO says no');
  });
});

describe('--format json', () => {
  it('is an array with one object per file, carrying reasons, roles, signals and the trace', async () => {
    const files = ['fixtures/deals/acme-plants.yaml', 'fixtures/deals/soylent-brief.yaml', 'fixtures/deals/stark-pilot.yaml'];
    const { code, stdout } = await triage('--format', 'json', ...files);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as JsonResult[];
    expect(results.map((r) => [r.file, r.id, r.verdict])).toEqual([
      [files[0], 'acme-plants', 'join'],
      [files[1], 'soylent-brief', 'wait'],
      [files[2], 'stark-pilot', 'decline'],
    ]);
    const [acme, soylent, stark] = results as [JsonResult, JsonResult, JsonResult];
    expect(acme.reasons.map((r) => r.rule)).toEqual(['large-deal', 'follow-on-likely', 'prospect-much-larger', 'competitive-threat']);
    expect(acme.signals.map((s) => s.rule)).toEqual(['large-deal', 'follow-on-likely', 'prospect-much-larger', 'competitive-threat']);
    expect(acme.roles.map((r) => r.role)).toEqual(['close', 'reassure', 'say-no', 'grant-exception', 'commit']);
    expect(soylent.reasons.map((r) => r.rule)).toEqual(['brief-incomplete']);
    expect(soylent.roles).toEqual([]);
    expect(stark.reasons.map((r) => r.rule)).toEqual(['small-deal', 'not-strategic']);
    for (const result of results) {
      expect(result.problems).toEqual([]);
      // The explanation is always there: every built-in rule, in order.
      expect(result.trace.map((t) => t.rule).slice(0, 8)).toEqual([
        'deal-closed',
        'no-follow-on',
        'small-deal',
        'custom-work-burden',
        'not-strategic',
        'follow-on-unknown',
        'too-early',
        'brief-incomplete',
      ]);
    }
    expect(stark.trace.find((t) => t.rule === 'small-deal')?.fired).toBe(true);
  });

  it('lists an invalid file with its problems and exits 1', async () => {
    const { code, stdout } = await triage('--format', 'json', 'fixtures/deals/acme-plants.yaml', 'fixtures/invalid/wrong-type.yaml');
    expect(code).toBe(1);
    const [valid, invalid] = JSON.parse(stdout) as [JsonResult, JsonResult];
    expect(valid.verdict).toBe('join');
    expect(invalid).toMatchObject({ file: 'fixtures/invalid/wrong-type.yaml', id: null, verdict: null, reasons: [], roles: [] });
    expect(invalid.problems.map((p) => [p.line, p.column, p.rule])).toEqual([
      [7, 14, 'invalid-type'],
      [9, 11, 'invalid-type'],
      [12, 17, 'invalid-type'],
    ]);
    expect(invalid.problems[0]).toMatchObject({ file: 'fixtures/invalid/wrong-type.yaml', message: 'account.employees must be a number, not the text "lots"' });
  });

  it('is never coloured', async () => {
    const { stdout } = await run(['triage', '--config', CONFIG, '--format', 'json', '--color', 'fixtures/deals/acme-plants.yaml'], {
      env: { FORCE_COLOR: '3' },
      stdoutTTY: true,
    });
    expect(stdout).not.toMatch(ANSI);
    expect((): unknown => JSON.parse(stdout)).not.toThrow();
  });
});

describe('--format json, version 4', () => {
  it('gives each object the format version, and the briefing its figures as numbers, ISO dates and enums', async () => {
    const { stdout } = await triage('--format', 'json', 'fixtures/deals/acme-plants.yaml', 'fixtures/invalid/wrong-type.yaml');
    const [acme, invalid] = JSON.parse(stdout) as [Record<string, unknown> & { briefing: Record<string, unknown> }, Record<string, unknown>];
    expect(acme.version).toBe(4);
    expect(invalid).toMatchObject({ version: 4, verdict: null, policy_verdict: null, override: null, briefing: null });
    expect(acme.briefing.glance).toMatchObject({
      account: { name: 'Acme Corp', employees: 12000, annual_revenue: 4200000000, industry: 'Manufacturing' },
      size_ratio: 140,
      stage: 'negotiation',
      close_date: '2026-12-15',
      value: { amount: 240000, currency: 'USD', term_months: 12 },
      follow_on: { potential: 'likely', value: 1800000 },
      potential_value: 2040000,
      custom_work: { days: 15, compensated_days: 10, uncompensated_days: 5 },
      ceo_requested: true,
    });
    expect(acme.briefing.next_meeting).toEqual({ date: '2026-12-03', purpose: 'Negotiation call with Morgan Chu and Lee Park' });
    // Version 3: issues as {issue, response}; the counterpart first, marked; what a trade asks in exchange.
    expect(acme.briefing.issues).toEqual([
      { issue: 'Worried we are too small to support five plants', response: 'Three customers larger than Acme run us in every plant; Dana brings two as references' },
    ]);
    expect(acme.briefing.stakeholders).toEqual([
      { name: 'Morgan Chu', title: 'CFO', role: 'economic-buyer', counterpart: true },
      { name: 'Lee Park', title: 'VP Operations', role: 'champion', counterpart: false },
    ]);
    expect(acme.briefing.asks).toEqual([
      { request: '90-day payment terms', position: 'no', rationale: 'Our standard is Net-30', exception: false },
      { request: 'Named support engineer for year one', position: 'trade', exception: true, in_exchange: 'A three-year term instead of one' },
    ]);
    expect(acme.briefing.sections).toEqual(['signals', 'roles', 'glance', 'objective', 'history', 'stakeholders', 'issues', 'questions', 'asks', 'plan', 'next_meeting', 'notes']);
  });

  it('keeps the verdict, reasons, roles and changes at the top level only, and no display text in the briefing', async () => {
    const { stdout } = await triage('--format', 'json', 'fixtures/deals/acme-plants.yaml', 'fixtures/deals/stark-pilot.yaml');
    for (const result of JSON.parse(stdout) as { briefing: Record<string, unknown> }[]) {
      for (const copy of ['id', 'name', 'verdict', 'headline', 'reasons', 'roles', 'changes']) expect(result.briefing).not.toHaveProperty(copy);
      expect(JSON.stringify(result.briefing)).not.toMatch(/\$\d|\d,\d{3}|The CEO should/);
    }
  });

  it('gives each change what it needs as fact, op, value and actual, and a signals change the signals within reach', async () => {
    const { stdout } = await triage('--format', 'json', 'fixtures/deals/hooli-expansion.yaml', 'fixtures/deals/cyberdyne-discovery.yaml');
    const [hooli, cyberdyne] = JSON.parse(stdout) as { changes: unknown[]; signals: { rule: string }[]; briefing: { sections: string[] } }[];
    expect(hooli!.changes).toEqual([
      {
        rule: 'not-strategic',
        effect: 'decline',
        message: 'Make the deal strategic: the CEO joins only with at least 2 strategic signals, and it has 1.',
        needs: [{ fact: 'signal_count', op: 'gte', value: 2, actual: 1 }],
        signals: {
          need: 1,
          options: [
            {
              rule: 'follow-on-likely',
              message: 'The follow-on is possible; likely or committed would count.',
              needs: [{ fact: 'follow_on.potential', op: 'in', value: ['likely', 'committed'], actual: 'possible' }],
            },
            {
              rule: 'prospect-much-larger',
              message: 'The prospect is 6.7× our size; 10× or more would count.',
              needs: [{ fact: 'size_ratio', op: 'gte', value: 10, actual: 1200 / 180 }],
            },
            { rule: 'strategic-logo', message: 'The account is not marked as a strategic logo; a name that opens a market or serves as a reference would count.', needs: [{ fact: 'strategic_logo', op: 'eq', value: true, actual: false }] },
            {
              rule: 'competitive-threat',
              message: 'The competitive threat is not recorded; high would count.',
              needs: [{ fact: 'competition.threat', op: 'eq', value: 'high', actual: null }],
            },
          ],
        },
      },
      {
        rule: 'brief-incomplete',
        effect: 'wait',
        message: "Complete the CEO's brief by adding what it lacks: history, stakeholders, questions, objective.",
        // An operator that takes no value has none.
        needs: [{ fact: 'brief_missing', op: 'empty', actual: ['history', 'stakeholders', 'questions', 'objective'] }],
      },
    ]);
    expect(cyberdyne!.changes.map((c) => (c as { needs: unknown[] }).needs)).toEqual([
      [{ fact: 'stage', op: 'in', value: ['proposal', 'negotiation'], actual: 'discovery' }],
      [{ fact: 'brief_missing', op: 'empty', actual: ['history', 'stakeholders', 'questions', 'objective'] }],
    ]);
    expect(cyberdyne!.briefing.sections).toEqual(['why_not_yet', 'must_happen_first', 'strategic_signals', 'notes']);
    expect(cyberdyne!.signals.map((signal) => signal.rule)).toEqual(['large-deal', 'follow-on-likely', 'prospect-much-larger']);
  });

  it('gives a currency that differs from the company\'s as a typed note, which the text format words', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'eur.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/stark-pilot.yaml'), 'utf8').replace(/^value:\n/m, 'value:\n  currency: EUR\n'));
    const json = await run(['triage', '--config', path.join(ROOT, CONFIG), '-f', 'json', 'eur.yaml'], { cwd: dir });
    const [result] = JSON.parse(json.stdout) as [{ briefing: { notes: unknown[]; sections: string[] } }];
    expect(result.briefing.notes).toEqual([{ id: 'currency_differs', deal_currency: 'EUR', company_currency: 'USD' }]);
    expect(result.briefing.sections).toEqual(['why_declined', 'would_change', 'notes']);
    const text = await run(['triage', '--config', path.join(ROOT, CONFIG), 'eur.yaml'], { cwd: dir });
    expect(text.stdout).toContain('Note\n  The deal is in EUR and the company reports in USD: the policy\'s thresholds are compared without conversion');
  });
});

describe('what each format declares', () => {
  it.each(TRIAGE_FORMATS)('%s: coloured on a colour terminal exactly when it declares so; problems on stderr unless it carries them', async (format) => {
    const { code, stdout, stderr } = await run(['triage', '--config', CONFIG, '-f', format, '--color', 'fixtures/deals/acme-plants.yaml', 'fixtures/invalid/wrong-type.yaml'], {
      env: { FORCE_COLOR: '3' },
      stdoutTTY: true,
    });
    expect(code).toBe(1);
    expect(ANSI.test(stdout)).toBe(formatters[format].coloured);
    expect(stdout.includes('invalid-type')).toBe(formatters[format].carriesProblems);
    expect(stderr.includes('wrong-type.yaml:7:14')).toBe(!formatters[format].carriesProblems);
    const where = formatters[format].carriesProblems ? `in the ${format.toUpperCase()} output` : 'listed above';
    expect(stderr).toMatch(new RegExp(`deal-triage: 1 of 2 deal files is invalid; its problems are ${where}\\n$`));
  });

  it('declares text alone coloured and json alone carrying the problems', () => {
    expect(TRIAGE_FORMATS.filter((format) => formatters[format].coloured)).toEqual(['text']);
    expect(TRIAGE_FORMATS.filter((format) => formatters[format].carriesProblems)).toEqual(['json']);
  });

  it('does not offer the questionnaire\'s preview as a triage format', async () => {
    const { code, stderr } = await triage('-f', 'preview', 'fixtures/deals/acme-plants.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('preview');
  });
});

describe('--format markdown', () => {
  it('renders each verdict as Markdown, deals separated by a rule', async () => {
    const { code, stdout } = await triage('--format', 'markdown', 'fixtures/deals/acme-plants.yaml', 'fixtures/deals/soylent-brief.yaml', 'fixtures/deals/umbrella-one-off.yaml');
    expect(code).toBe(0);
    const blocks = stdout.split('\n\n---\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^# Acme — five-plant rollout\n\n\*\*Verdict: Join\.\*\*/);
    expect(blocks[0]).toContain('- Follow-on is likely. `follow-on-likely`');
    expect(blocks[0]).toContain('## Questions to expect');
    expect(blocks[0]).toContain('| Account | Acme Corp');
    expect(blocks[1]).toContain('**Verdict: Wait.**');
    expect(blocks[1]).toContain('`brief-incomplete`');
    expect(blocks[2]).toContain('**Verdict: Decline.**');
    expect(blocks[2]).toContain('`no-follow-on`');
  });

  it('is never coloured', async () => {
    const { stdout } = await run(['triage', '--config', CONFIG, '--format', 'markdown', 'fixtures/deals/acme-plants.yaml'], {
      env: { FORCE_COLOR: '1' },
      stdoutTTY: true,
    });
    expect(stdout).not.toMatch(ANSI);
  });
});

describe('--explain', () => {
  it("shows every rule's evaluation, including conditions not evaluated", async () => {
    const { code, stdout } = await triage('--explain', 'fixtures/deals/acme-plants.yaml');
    expect(code).toBe(0);
    const explanation = stdout.slice(stdout.indexOf('Explanation: every rule, in order'));
    expect(explanation).not.toBe(stdout);
    const { stdout: json } = await triage('--format', 'json', 'fixtures/deals/acme-plants.yaml');
    const [result] = JSON.parse(json) as [JsonResult];
    for (const trace of result.trace) expect(explanation).toMatch(new RegExp(`^  ${trace.rule} \\(`, 'm'));
    expect(explanation).toContain('  deal-closed (decline): did not fire\n    stage ("negotiation") in [closed-won, closed-lost] → false');
    expect(explanation).toContain('  large-deal (signal): fired\n    potential_value ($2,040,000) ≥ strategic_value ($250,000) → true');
    // `reassure` is an any-of: the first condition holds, so the second is skipped.
    expect(explanation).toContain('  reassure (role): fired\n    any of → true\n      prospect_much_larger (yes) = yes → true\n      open_issues is not empty → not evaluated');
    expect(explanation).toContain('  commit (role): fired\n    always applies');
  });

  it("shows the policy's thresholds in the company's currency, and the deal's amounts in the deal's", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'eur.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/stark-pilot.yaml'), 'utf8').replace(/^value:\n/m, 'value:\n  currency: EUR\n'));
    for (const format of ['text', 'markdown']) {
      // Markdown's escapes (potential\\_value, \\<) left out, the lines read alike.
      const stdout = (await run(['triage', '--config', path.join(ROOT, CONFIG), '--explain', '-f', format, 'eur.yaml'], { cwd: dir })).stdout.replaceAll('\\', '');
      expect(stdout).toContain('potential_value (€70,000) < small_deal_below ($100,000) → true');
      expect(stdout).toContain('potential_value (€70,000) ≥ strategic_value ($250,000) → false');
      // The messages too: the threshold is the policy's, never converted.
      expect(stdout).toContain('is below $100,000');
      expect(stdout).not.toMatch(/€(100|250),000/);
    }
  });

  it('shows a fired decline rule', async () => {
    const { stdout } = await triage('--explain', 'fixtures/deals/stark-pilot.yaml');
    expect(stdout).toContain('  small-deal (decline): fired\n    potential_value ($70,000) < small_deal_below ($100,000) → true');
  });

  it('is left out without --explain', async () => {
    const { stdout } = await triage('fixtures/deals/acme-plants.yaml');
    expect(stdout).not.toContain('Explanation');
    expect(stdout).not.toContain('not evaluated');
  });

  it('works in Markdown too', async () => {
    const { stdout } = await triage('--format', 'markdown', '--explain', 'fixtures/deals/acme-plants.yaml');
    expect(stdout).toContain('## Explanation: every rule, in order');
    expect(stdout).toContain('- **deal-closed (decline): did not fire**');
    expect(stdout).toContain('    - open\\_issues is not empty → not evaluated');
  });
});

describe('invalid deal files', () => {
  it.each(INVALID_FILES)('%s: exit 1, every problem as file:line:column on stderr, no stack trace', async (name) => {
    const file = `fixtures/invalid/${name}`;
    const { code, stdout, stderr } = await triage(file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const loaded = parseDealBytes(readFileSync(path.join(ROOT, file)), file);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    for (const p of loaded.problems) {
      expect(stderr).toContain(`${file}:${p.line}:${p.column}: error: ${p.message} (${p.rule})\n`);
    }
    expect(stderr).toMatch(/deal-triage: the deal file is invalid; its problems are listed above\n$/);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('shows the offending line with a caret under the column', async () => {
    const { stderr } = await triage('fixtures/invalid/wrong-type.yaml');
    expect(stderr).toContain(
      [
        'fixtures/invalid/wrong-type.yaml:7:14: error: account.employees must be a number, not the text "lots" (invalid-type)',
        '  7 |   employees: lots',
        `    | ${' '.repeat(13)}^`,
        'fixtures/invalid/wrong-type.yaml:9:11: error: value.amount must be a number, not the text "240,000" (invalid-type)',
        '  9 |   amount: 240,000',
        `    | ${' '.repeat(10)}^`,
      ].join('\n'),
    );
    expect(stderr).toContain('  12 | strategic_logo: maybe\n     | ' + ' '.repeat(16) + '^');
  });

  it('locates problems in a CRLF file and shows its line without the carriage return', async () => {
    const dir = tempDir();
    const text = readFileSync(path.join(ROOT, 'fixtures/invalid/unknown-key.yaml'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(path.join(dir, 'crlf.yaml'), text);
    const { code, stderr } = await run(['triage', '--config', path.join(ROOT, CONFIG), 'crlf.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('crlf.yaml:7:3: error: unknown key "employes" in account; did you mean "employees"? (unknown-key)\n  7 |   employes: 5000\n    |   ^\n');
    expect(stderr).not.toContain('\r');
  });

  it('refuses a file over 1 MiB (exit 1, file-too-large)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'huge.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    const { code, stderr } = await run(['triage', '--config', path.join(ROOT, CONFIG), 'huge.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('huge.yaml:1:1: error: the file is 1,048,579 bytes; the limit is 1 MiB (1,048,576 bytes) (file-too-large)\n');
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('reports a valid and an invalid file together, exit 1', async () => {
    const { code, stdout, stderr } = await triage('fixtures/deals/acme-plants.yaml', 'fixtures/invalid/unknown-key.yaml', 'fixtures/deals/stark-pilot.yaml');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^JOIN {2}/m);
    expect(stdout).toMatch(/^DECLINE {2}/m);
    expect(stdout).not.toContain('unknown-key');
    expect(stderr).toContain('fixtures/invalid/unknown-key.yaml:7:3: error: unknown key "employes"');
    expect(stderr).toContain('fixtures/invalid/unknown-key.yaml:12:1: error: unknown key "stakeholder"');
    expect(stderr).toContain('deal-triage: 1 of 3 deal files is invalid; its problems are listed above\n');
  });

  it('counts every invalid file', async () => {
    const { code, stderr } = await triage('fixtures/invalid/empty.yaml', 'fixtures/invalid/wrong-type.yaml');
    expect(code).toBe(1);
    expect(stderr).toContain('fixtures/invalid/empty.yaml:1:1: error: the file is empty');
    expect(stderr).toContain('fixtures/invalid/wrong-type.yaml:7:14: error:');
    expect(stderr).toContain('deal-triage: both deal files are invalid; their problems are listed above\n');
  });

  it.each<[invalid: number, files: number, output: string | undefined, line: string]>([
    [1, 1, undefined, 'the deal file is invalid; its problems are listed above'],
    [1, 1, 'JSON', 'the deal file is invalid; its problems are in the JSON output'],
    [1, 2, undefined, '1 of 2 deal files is invalid; its problems are listed above'],
    [2, 2, undefined, 'both deal files are invalid; their problems are listed above'],
    [2, 5, 'JSON', '2 of 5 deal files are invalid; their problems are in the JSON output'],
    [3, 3, undefined, 'all 3 deal files are invalid; their problems are listed above'],
  ])('says %i of %i files are invalid (output %s) in a sentence', (invalid, files, output, line) => {
    expect(invalidSummary(invalid, files, output)).toBe(line);
  });
});

describe('paths', () => {
  it('triages the other files when one is missing, reports it last and exits 2', async () => {
    const { code, stdout, stderr } = await triage('fixtures/deals/acme-plants.yaml', 'fixtures/deals/nope.yaml', 'fixtures/deals/hooli-expansion.yaml');
    expect(code).toBe(2);
    expect(stdout).toContain('(acme-plants, fixtures/deals/acme-plants.yaml)');
    expect(stdout).toContain('(hooli-expansion, fixtures/deals/hooli-expansion.yaml)');
    expect(stderr).toBe('deal-triage: no such file: fixtures/deals/nope.yaml\n');
  });

  it('exits 2 for a missing file, with nothing else when it is the only one', async () => {
    const { code, stdout, stderr } = await triage('fixtures/deals/nope.yaml', 'fixtures/deals/gone.yaml');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('deal-triage: no such file: fixtures/deals/nope.yaml\ndeal-triage: no such file: fixtures/deals/gone.yaml\n');
  });

  it('exits 2 for a directory, with a hint', async () => {
    const { code, stdout, stderr } = await triage('fixtures/deals');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('deal-triage: fixtures/deals is a folder; triage takes deal files (for example fixtures/deals/*.yaml)\n');
  });

  it('reports every bad path at once', async () => {
    const { code, stderr } = await triage('missing-one.yaml', 'fixtures', 'missing-two.yaml');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'deal-triage: no such file: missing-one.yaml\ndeal-triage: fixtures is a folder; triage takes deal files (for example fixtures/*.yaml)\ndeal-triage: no such file: missing-two.yaml\n',
    );
  });

  it.each([
    ['a named pipe', (file: string) => execFileSync('mkfifo', [file]), 'cannot read deal.yaml: it is a named pipe (FIFO), not a regular file'],
    ['a link to a device', (file: string) => symlinkSync('/dev/zero', file), 'deal.yaml is a symbolic link to a file outside its folder, and is not read; triage the file itself'],
  ])('exits 2 at once for %s, never waiting on it nor reading it', { timeout: 10_000 }, async (_name, make, message) => {
    const cwd = tempDir();
    make(path.join(cwd, 'deal.yaml'));
    const { code, stdout, stderr } = await run(['triage', '--config', path.join(ROOT, CONFIG), 'deal.yaml'], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`deal-triage: ${message}\n`);
  });

  it('reads a deal through a symbolic link to a file in the same folder', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'stark.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/stark-pilot.yaml')));
    symlinkSync('stark.yaml', path.join(cwd, 'deal.yaml'));
    const { code, stdout } = await run(['triage', '--config', path.join(ROOT, CONFIG), 'deal.yaml'], { cwd });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Stark — dashboard pilot (stark-pilot, deal.yaml)');
  });

  it('never reads through a symbolic link that leads out of its folder, and triages the other files', async () => {
    const cwd = tempDir();
    symlinkSync('/etc/passwd', path.join(cwd, 'deal.yaml'));
    writeFileSync(path.join(cwd, 'stark.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/stark-pilot.yaml')));
    const { code, stdout, stderr } = await run(['triage', '--config', path.join(ROOT, CONFIG), 'deal.yaml', 'stark.yaml'], { cwd });
    expect(code).toBe(2);
    expect(stdout.split('\n')[0]).toBe('Stark — dashboard pilot (stark-pilot, stark.yaml)');
    expect(stderr).toBe('deal-triage: deal.yaml is a symbolic link to a file outside its folder, and is not read; triage the file itself\n');
    expect(stdout + stderr).not.toContain('root:');
  });

  it('shows a file outside the working folder by its absolute path', async () => {
    const dir = tempDir();
    const { stdout } = await run(['triage', '--config', path.join(ROOT, CONFIG), path.join(ROOT, 'fixtures/deals/stark-pilot.yaml')], { cwd: dir });
    expect(stdout.split('\n')[0]).toBe(`Stark — dashboard pilot (stark-pilot, ${path.join(ROOT, 'fixtures/deals/stark-pilot.yaml').split(path.sep).join('/')})`);
  });
});

describe('config', () => {
  // Acme joins under the defaults; with at most 2 unpaid custom-work days allowed, its 5 make it a decline.
  const STRICT = 'policy:\n  max_uncompensated_custom_days: 2\n';
  let project: string;
  let acme: string;

  beforeAll(() => {
    project = tempDir();
    writeFileSync(path.join(project, 'deal-triage.config.yaml'), STRICT);
    mkdirSync(path.join(project, 'deals', 'emea'), { recursive: true });
    acme = path.join(project, 'deals', 'acme.yaml');
    writeFileSync(acme, readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml')));
  });

  it('is found in the working folder', async () => {
    const { code, stdout, stderr } = await run(['triage', 'deals/acme.yaml'], { cwd: project });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^DECLINE {2}/m);
    expect(stdout).toContain('5 days of custom work are unpaid, more than the 2 allowed');
    expect(stdout).toMatch(/ custom-work-burden$/m);
  });

  it('is found in a parent folder', async () => {
    const { code, stdout, stderr } = await run(['triage', '../acme.yaml'], { cwd: path.join(project, 'deals', 'emea') });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^DECLINE {2}/m);
    expect(stdout).toMatch(/ custom-work-burden$/m);
  });

  it('is found under its .yml name too', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deal-triage.config.yml'), STRICT);
    const { stdout, stderr } = await run(['triage', acme], { cwd: dir });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^DECLINE {2}/m);
  });

  it('is overridden by --config', async () => {
    const { code, stdout } = await run(['triage', '--config', path.join(ROOT, CONFIG), 'deals/acme.yaml'], { cwd: project });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^JOIN {2}/m);
  });

  it('falls back to the built-in defaults with a one-line note on stderr', async () => {
    const { code, stdout, stderr } = await run(['triage', acme], { cwd: tempDir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^JOIN {2}/m);
    expect(stderr).toBe(NO_CONFIG_NOTE);
  });

  it("applies the company's currency to a deal that names none", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deal-triage.config.yaml'), 'company:\n  currency: EUR\n');
    const { stdout } = await run(['triage', path.join(ROOT, 'fixtures/deals/stark-pilot.yaml')], { cwd: dir });
    expect(stdout).toContain('The potential value, €70,000, is below €100,000: a small sale.');
  });

  it('accepts an empty config file as all defaults', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deal-triage.config.yaml'), '');
    const { code, stdout, stderr } = await run(['triage', acme], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^JOIN {2}/m);
  });

  it('exits 2 for an invalid --config, with every problem located', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.yaml'), 'policy:\n  small_deal_belo: 5\n  ceo_capacity: -1\n');
    const { code, stdout, stderr } = await run(['triage', '--config', 'bad.yaml', acme], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('bad.yaml:2:3: error: unknown key "small_deal_belo" in policy; did you mean "small_deal_below"? (unknown-key)\n  2 |   small_deal_belo: 5\n    |   ^\n');
    expect(stderr).toContain('bad.yaml:3:17: error: policy.ceo_capacity must be 0 or more, not -1 (out-of-range)');
    expect(stderr).toMatch(/deal-triage: the config file bad\.yaml is invalid; fix it or pass another with --config\n$/);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 for an invalid discovered config', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deal-triage.config.yaml'), 'company:\n  name: Twice\n  name: Again\n');
    const { code, stderr } = await run(['triage', acme], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('deal-triage.config.yaml:3:3: error: duplicate key "name"');
    expect(stderr).toContain('the config file deal-triage.config.yaml is invalid');
  });

  it('exits 2 for a config whose rule refers to itself through an alias, without crashing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'loop.yaml'), 'rules:\n  - id: loop\n    effect: decline\n    when: &w {not: *w}\n');
    const { code, stderr } = await run(['triage', '--config', 'loop.yaml', acme], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('loop.yaml:4:20: error: the alias "*w" is inside the value it refers to');
    expect(stderr).not.toContain('internal error');
  });

  it('exits 2 when --config names a missing file', async () => {
    const { code, stdout, stderr } = await triage('fixtures/deals/acme-plants.yaml', '--config', 'nope.config.yaml');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('deal-triage: config file not found: nope.config.yaml\n');
  });

  it('exits 2 when --config names a folder', async () => {
    const { code, stderr } = await run(['triage', '--config', 'fixtures', 'fixtures/deals/acme-plants.yaml']);
    expect(code).toBe(2);
    expect(stderr).toBe('deal-triage: --config names a folder, not a file: fixtures\n');
  });
});

describe('usage', () => {
  it.each([
    ['an unknown command', ['bogus'], "deal-triage: unknown command 'bogus'"],
    ['an unknown option', ['triage', '--bogus', 'fixtures/deals/acme-plants.yaml'], "deal-triage: unknown option '--bogus'"],
    ['a bad --format', ['triage', '--format', 'xml', 'fixtures/deals/acme-plants.yaml'], "deal-triage: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, markdown (or md), json."],
    ['a bad check --format', ['check', '--format', 'md', 'fixtures/deals'], "deal-triage: option '-f, --format <format>' argument 'md' is invalid. Allowed choices are stylish, json, github, junit, sarif."],
    ['triage without files', ['triage'], "deal-triage: missing required argument 'file'"],
    ['--config without a value', ['triage', 'fixtures/deals/acme-plants.yaml', '--config'], "deal-triage: option '-c, --config <file>' argument missing"],
  ])('exits 2 for %s, with the one prefix', async (_name, argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr).toContain('(run with --help for usage)');
  });

  it('suggests the closest command', async () => {
    const { code, stderr } = await run(['triag', 'fixtures/deals/acme-plants.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('(Did you mean triage?)');
  });

  it('exits 2 with the help on stderr when given no arguments', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: deal-triage [options] [command]');
    expect(stderr).toContain('triage [options] <file...>');
  });

  it.each([['--help'], ['-h'], ['help']])('%s prints the help on stdout, exit 0', async (flag) => {
    const { code, stdout, stderr } = await run([flag]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: deal-triage [options] [command]');
    expect(stdout).toContain('Exit codes: 0 success (for triage, whatever the verdict); 1 a deal file is invalid, or check found problems;\n2 usage, config or internal error; 130 interrupted (Ctrl-C in new).');
  });

  it('triage --help lists its options, exit 0', async () => {
    const { code, stdout } = await run(['triage', '--help']);
    expect(code).toBe(0);
    for (const option of ['--format <format>', '--explain', '--config <file>', '--color', '--no-color']) expect(stdout).toContain(option);
  });

  it.each([['--version'], ['-v'], ['triage', '--version']])('%s prints the version, exit 0', async (...argv) => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${manifest.version}\n`);
  });
});

describe('colour', () => {
  const acme = 'fixtures/deals/acme-plants.yaml';
  const invalid = 'fixtures/invalid/wrong-type.yaml';

  it.each<[string, string[], RunOptions]>([
    ['by default on a stream that is not a terminal', [], {}],
    ['with NO_COLOR on a terminal', [], { stdoutTTY: true, stderrTTY: true, env: { NO_COLOR: '1' } }],
    ['with --no-color on a terminal', ['--no-color'], { stdoutTTY: true, stderrTTY: true }],
    ['with --no-color and FORCE_COLOR', ['--no-color'], { env: { FORCE_COLOR: '1' } }],
    ['with FORCE_COLOR=0 on a terminal', [], { stdoutTTY: true, stderrTTY: true, env: { FORCE_COLOR: '0' } }],
    ['on a dumb terminal', [], { stdoutTTY: true, stderrTTY: true, env: { TERM: 'dumb' } }],
  ])('none %s', async (_name, flags, options) => {
    const out = await run(['triage', '--config', CONFIG, ...flags, acme], options);
    expect(out.stdout).toMatch(/^JOIN {2}/m);
    expect(out.stdout).not.toMatch(ANSI);
    const err = await run(['triage', '--config', CONFIG, ...flags, invalid], options);
    expect(err.stderr).toContain(`${invalid}:7:14: error:`);
    expect(err.stderr).not.toMatch(ANSI);
  });

  it.each<[string, string[], RunOptions]>([
    ['on a terminal', [], { stdoutTTY: true, stderrTTY: true }],
    ['with FORCE_COLOR=1', [], { env: { FORCE_COLOR: '1' } }],
    ['with --color', ['--color'], {}],
    ['with --color over NO_COLOR', ['--color'], { env: { NO_COLOR: '1' } }],
  ])('ANSI %s', async (_name, flags, options) => {
    const out = await run(['triage', '--config', CONFIG, ...flags, acme], options);
    expect(out.stdout).toMatch(ANSI);
    // eslint-disable-next-line no-control-regex
    expect(out.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/^JOIN {2}/m);
    const err = await run(['triage', '--config', CONFIG, ...flags, invalid], options);
    expect(err.stderr).toMatch(ANSI);
  });

  it('colours each stream by its own terminal', async () => {
    const { stdout } = await run(['triage', '--config', CONFIG, acme], { stdoutTTY: false, stderrTTY: true });
    expect(stdout).not.toMatch(ANSI);
    const { stderr } = await run(['triage', '--config', CONFIG, invalid], { stdoutTTY: true, stderrTTY: false });
    expect(stderr).not.toMatch(ANSI);
  });
});

describe('determinism', () => {
  const files = ['fixtures/deals/acme-plants.yaml', 'fixtures/deals/soylent-brief.yaml', 'fixtures/deals/wayne-custom.yaml', 'fixtures/invalid/bad-values.yaml'];

  it.each([['text'], ['markdown'], ['json']])('the same input twice gives byte-identical %s output', async (format) => {
    const first = await triage('--format', format, '--explain', ...files);
    const second = await triage('--format', format, '--explain', ...files);
    expect(first.code).toBe(1);
    expect(second).toEqual(first);
    expect(first.stdout.length).toBeGreaterThan(0);
  });
});
