// `deal-triage import`, through the real CLI entry: each CRM's export (fixtures/import/) becomes
// deal files that load as valid deals; a re-import updates only what the CRM owns, in place,
// keeping what the head of sales wrote and every comment; an unchanged export writes nothing.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, run, STACK_FRAME } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { BIN, ensureBuilt } from '../helpers/terminal.js';
import { copyExports, nextWeek, read } from '../helpers/import.js';

const tempDir = tempDirs('deal-triage-import-');

/** A working folder with these fixtures copied in. */
const workspace = (...fixtures: string[]) => copyExports(tempDir(), ...fixtures);

const deals = (dir: string, folder = 'deals') => readdirSync(path.join(dir, folder)).sort();
const importIn = (dir: string, ...args: string[]) => run(['import', ...args], { cwd: dir });

describe('a first import', () => {
  it.each([
    ['salesforce.csv', [], ['acme-five-plant-rollout.yaml', 'globex-analytics-renewal.yaml', 'initech-pilot.yaml', 'umbrella-emea-expansion.yaml']],
    ['hubspot.csv', [], ['hooli-search-appliance.yaml', 'pied-piper-compression-pilot.yaml', 'stark-industries-renewal.yaml', 'wayne-enterprises.yaml']],
    ['pipedrive.csv', [], ['massive-dynamic.yaml', 'soylent-platform-deal.yaml', 'tyrell-replicant-qa.yaml', 'vandelay-imports-erp.yaml']],
    ['european.csv', ['--map', 'european.mapping.yaml'], ['braun-pilot-ost.yaml', 'muller-werk-augsburg.yaml', 'schafer-lagerverwaltung.yaml']],
  ])('%s: one valid deal file per row, which check accepts', async (csv, args, files) => {
    const dir = workspace(csv, 'european.mapping.yaml');
    const result = await importIn(dir, csv, ...args);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(0);
    expect(deals(dir)).toEqual(files);
    expect(result.stdout).toContain(`created: ${files.length}`);
    const checked = await run(['check', 'deals'], { cwd: dir });
    expect(checked.code).toBe(0);
  });

  it('reads a Salesforce report: M/D/YYYY dates, grouped amounts, its currency column, a quoted cell over two lines, the footer', async () => {
    const dir = workspace('salesforce.csv');
    const result = await importIn(dir, 'salesforce.csv');
    expect(result.stdout).toContain('4 rows read, and a footer of 4 lines skipped.');
    // Line 4 holds a quoted cell that goes on to line 5: the next row starts on line 6.
    expect(result.stdout).toContain('deals/umbrella-emea-expansion.yaml  (line 6, salesforce 0065g00000UmBr4AAB)');
    expect(parse(read(dir, 'deals/initech-pilot.yaml'))).toMatchObject({
      id: 'initech-pilot',
      name: 'Initech pilot',
      owner: 'Dana Reyes',
      type: 'new',
      stage: 'qualification',
      close_date: '2027-02-27',
      account: { name: 'Initech' },
      value: { amount: 1250000, currency: 'EUR' },
      follow_on: { potential: 'unknown' },
      crm: { source: 'salesforce', id: '0065g00000InTc3AAB' },
    });
    expect(parse(read(dir, 'deals/globex-analytics-renewal.yaml'))).toMatchObject({ type: 'renewal', stage: 'proposal' });
  });

  it('reads HubSpot stage ids and dates with a time, and the associated company', async () => {
    const dir = workspace('hubspot.csv');
    await importIn(dir, 'hubspot.csv');
    expect(parse(read(dir, 'deals/hooli-search-appliance.yaml'))).toMatchObject({
      stage: 'negotiation',
      close_date: '2026-12-20',
      account: { name: 'Hooli' },
      value: { amount: 1800000 },
      crm: { source: 'hubspot', id: '18342765401' },
    });
    expect(parse(read(dir, 'deals/wayne-enterprises.yaml'))).toMatchObject({ stage: 'closed-lost' });
    expect(parse(read(dir, 'deals/stark-industries-renewal.yaml'))).toMatchObject({ type: 'expansion', value: { amount: 320000.5 } });
  });

  it("reads Pipedrive's Organization column, and its status over the stage", async () => {
    const dir = workspace('pipedrive.csv');
    await importIn(dir, 'pipedrive.csv');
    expect(parse(read(dir, 'deals/tyrell-replicant-qa.yaml'))).toMatchObject({ stage: 'closed-won', account: { name: 'Tyrell Corporation' } });
    expect(parse(read(dir, 'deals/massive-dynamic.yaml'))).toMatchObject({ stage: 'closed-lost' });
    expect(parse(read(dir, 'deals/massive-dynamic.yaml'))).not.toHaveProperty('close_date');
    expect(parse(read(dir, 'deals/vandelay-imports-erp.yaml'))).toMatchObject({ stage: 'negotiation', value: { amount: 650000, currency: 'USD' }, crm: { id: '412' } });
  });

  it('reads a ";" export with a decimal comma and DD.MM.YYYY dates through a mapping file', async () => {
    const dir = workspace('european.csv', 'european.mapping.yaml');
    await importIn(dir, 'european.csv', '--map', 'european.mapping.yaml');
    expect(parse(read(dir, 'deals/muller-werk-augsburg.yaml'))).toMatchObject({
      name: 'Müller – Werk Augsburg',
      stage: 'proposal',
      close_date: '2026-12-15',
      account: { name: 'Müller Maschinenbau AG', employees: 4200 },
      value: { amount: 1250000.5, currency: 'EUR' },
      crm: { source: 'cobra', id: 'D-1001' },
    });
    expect(parse(read(dir, 'deals/braun-pilot-ost.yaml'))).toMatchObject({ name: 'Braun; Pilot Ost', value: { amount: 95000 } });
  });

  it('writes into --into, and prints the verdict counts with the deals that want the CEO (not with --quiet)', async () => {
    const dir = workspace('hubspot.csv');
    const result = await importIn(dir, 'hubspot.csv', '--into', 'pipeline');
    expect(deals(dir, 'pipeline')).toHaveLength(4);
    expect(result.stdout).toMatch(/Verdicts of the 4 deals in this export, as of 2026-12-01: 0 join, 0 wait, 4 decline/);
    const quiet = await importIn(dir, 'hubspot.csv', '--into', 'pipeline', '--quiet');
    expect(quiet.stdout).not.toContain('Verdicts');
  });

  it('gives two deals of the same name different ids', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'twins.csv'),
      'Record ID,Deal Name,Deal Stage,Deal owner,Amount,Associated Company\n1,Renewal,contractsent,Lee,100,A\n2,Renewal,contractsent,Lee,200,B\n3,Renewal,contractsent,Lee,300,C\n',
    );
    const result = await importIn(dir, 'twins.csv');
    expect(result.code).toBe(0);
    expect(deals(dir)).toEqual(['renewal-2.yaml', 'renewal-3.yaml', 'renewal.yaml']);
  });
});

/** A deal the head of sales has worked on: the imported file with a brief, comments, another key order. */
const BRIEFED = `# Hooli: Gavin wants this before the board meeting.
id: hooli-search-appliance
name: Hooli — search appliance
owner: Lee Park
type: new
stage: negotiation   # moved up after the Dec 1 call
close_date: 2026-12-20
account:
  name: Hooli
  employees: 30000      # from their 10-K
value:
  amount: 1800000
  currency: USD
follow_on:
  potential: likely
  value: 5000000
  notes: Every data centre after the pilot
stakeholders:
  - name: Gavin Belson
    title: CEO
    role: economic-buyer
history:
  - date: 2026-11-14
    event: Pilot kicked off
questions:
  - question: What if you are acquired?
    answer: Escrow
objective: Signed order by Dec 20
ceo:
  requested: true
crm:
  id: "18342765401"   # the record in HubSpot
  source: hubspot
`;

describe('a re-import', () => {
  it("updates only the fields the CRM owns, in place: the brief, the comments and the key order stay", async () => {
    const dir = workspace('hubspot.csv');
    await importIn(dir, 'hubspot.csv');
    writeFileSync(path.join(dir, 'deals/hooli-search-appliance.yaml'), BRIEFED);
    nextWeek(dir);
    const result = await importIn(dir, 'hubspot.csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('updated: 1\n  deals/hooli-search-appliance.yaml  (line 2)\n    stage negotiation → closed-won\n    close_date 2026-12-20 → 2026-12-18\n    value.amount 1,800,000 → 1,950,000\n');
    // Byte for byte, the file is the one written by hand but for the three values.
    expect(read(dir, 'deals/hooli-search-appliance.yaml')).toBe(
      BRIEFED.replace('stage: negotiation   #', 'stage: closed-won   #').replace('close_date: 2026-12-20', 'close_date: 2026-12-18').replace('amount: 1800000', 'amount: 1950000'),
    );
  });

  it('lists a deal the export no longer has as not in this export, and keeps its file', async () => {
    const dir = workspace('hubspot.csv');
    await importIn(dir, 'hubspot.csv');
    const wayne = read(dir, 'deals/wayne-enterprises.yaml');
    nextWeek(dir);
    const result = await importIn(dir, 'hubspot.csv', '--format', 'json');
    const report = JSON.parse(result.stdout) as { notInExport: unknown[]; unchanged: number };
    expect(report.notInExport).toEqual([{ file: 'deals/wayne-enterprises.yaml', id: 'wayne-enterprises', crmId: '18342765404' }]);
    expect(report.unchanged).toBe(2);
    expect(read(dir, 'deals/wayne-enterprises.yaml')).toBe(wayne);
  });

  it('of an unchanged export writes nothing: every file byte-identical, its modification time untouched', async () => {
    const dir = workspace('salesforce.csv');
    await importIn(dir, 'salesforce.csv');
    const before = new Map(deals(dir).map((file) => [file, { text: read(dir, `deals/${file}`), mtime: statSync(path.join(dir, 'deals', file)).mtimeMs }]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await importIn(dir, 'salesforce.csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created: 0\nupdated: 0\nunchanged: 4\n');
    for (const [file, { text, mtime }] of before) {
      expect(read(dir, `deals/${file}`)).toBe(text);
      expect(statSync(path.join(dir, 'deals', file)).mtimeMs).toBe(mtime);
    }
  });

  it('adds a field the CRM now has, and removes one it no longer has, keeping the rest', async () => {
    const dir = workspace('pipedrive.csv');
    await importIn(dir, 'pipedrive.csv');
    const file = 'deals/massive-dynamic.yaml';
    writeFileSync(path.join(dir, file), `${read(dir, file)}objective: Win them back   # next quarter\n`);
    writeFileSync(
      path.join(dir, 'pipedrive.csv'),
      read(dir, 'pipedrive.csv').replace('Contact Made,Lost,Jordan Cruz,,415', 'Contact Made,Lost,Jordan Cruz,2027-01-31,415').replace('Kim Lee,2026-12-18,412', 'Kim Lee,,412'),
    );
    const result = await importIn(dir, 'pipedrive.csv');
    expect(result.stdout).toContain('close_date (none) → 2027-01-31');
    expect(result.stdout).toContain('close_date 2026-12-18 → (none)');
    expect(read(dir, file)).toContain('close_date: 2027-01-31');
    expect(read(dir, file)).toContain('objective: Win them back # next quarter');
    expect(read(dir, 'deals/vandelay-imports-erp.yaml')).not.toContain('close_date:');
  });
});

describe('--dry-run', () => {
  it('prints what an import would do and writes nothing, the first time or the next', async () => {
    const dir = workspace('hubspot.csv');
    const first = await importIn(dir, 'hubspot.csv', '--dry-run');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Dry run: importing hubspot.csv (hubspot) into deals/ would do this; nothing was written.');
    expect(first.stdout).toContain('to create: 4');
    expect(existsSync(path.join(dir, 'deals'))).toBe(false);

    await importIn(dir, 'hubspot.csv');
    writeFileSync(path.join(dir, 'deals/hooli-search-appliance.yaml'), BRIEFED);
    nextWeek(dir);
    const again = await importIn(dir, 'hubspot.csv', '--dry-run');
    expect(again.stdout).toContain('to update: 1');
    expect(again.stdout).toContain('stage negotiation → closed-won');
    expect(read(dir, 'deals/hooli-search-appliance.yaml')).toBe(BRIEFED);
  });

  it('gives the same report as the import itself, in JSON', async () => {
    const dir = workspace('pipedrive.csv');
    const dry = JSON.parse((await importIn(dir, 'pipedrive.csv', '--dry-run', '--format', 'json')).stdout) as Record<string, unknown>;
    const real = JSON.parse((await importIn(dir, 'pipedrive.csv', '--format', 'json')).stdout) as Record<string, unknown>;
    expect({ ...dry, dryRun: true }).toEqual({ ...real, dryRun: true });
    expect(real.created).toHaveLength(4);
  });
});

describe('ids', () => {
  it('never gives an id that belongs to another CRM record: the row is skipped, the other file untouched', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'keys.csv'),
      'Record ID,Deal Key,Deal Name,Deal Stage,Deal owner,Amount,Associated Company\n1,acme,Acme,contractsent,Lee,100,Acme\n2,beta,Beta,contractsent,Lee,100,Beta\n',
    );
    writeFileSync(path.join(dir, 'keys.yaml'), 'preset: hubspot\ncolumns:\n  "Deal Key": id\n');
    mkdirSync(path.join(dir, 'deals'));
    const theirs = 'id: acme\nname: Acme (Salesforce)\nowner: Dana\nstage: proposal\naccount:\n  name: Acme\nvalue:\n  amount: 5\nfollow_on:\n  potential: likely\ncrm:\n  source: salesforce\n  id: "006A"\n';
    writeFileSync(path.join(dir, 'deals/acme.yaml'), theirs);
    const result = await importIn(dir, 'keys.csv', '--map', 'keys.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('keys.csv:2:3: error: the id acme already belongs to deals/acme.yaml (salesforce record 006A); a deal\'s id is never given to another record (import-id-taken)');
    expect(read(dir, 'deals/acme.yaml')).toBe(theirs);
    expect(deals(dir)).toEqual(['acme.yaml', 'beta.yaml']);
  });

  it('makes a name-made id unique against files already in the folder', async () => {
    const dir = workspace('hubspot.csv');
    mkdirSync(path.join(dir, 'deals'));
    writeFileSync(path.join(dir, 'deals/wayne-enterprises.yaml'), 'not: a deal\n');
    const result = await importIn(dir, 'hubspot.csv');
    expect(result.stderr).toContain('deals/wayne-enterprises.yaml is not a valid deal file');
    expect(deals(dir)).toContain('wayne-enterprises-2.yaml');
    expect(read(dir, 'deals/wayne-enterprises.yaml')).toBe('not: a deal\n');
  });

  it('never writes through a symbolic link in the folder', async () => {
    const dir = workspace('hubspot.csv');
    mkdirSync(path.join(dir, 'deals'));
    writeFileSync(path.join(dir, 'outside.txt'), 'keep me\n');
    symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'deals/hooli-search-appliance.yaml'));
    const result = await importIn(dir, 'hubspot.csv');
    expect(read(dir, 'outside.txt')).toBe('keep me\n');
    expect(result.code).toBe(0);
    expect(deals(dir)).toContain('hooli-search-appliance-2.yaml');
  });

  it('refuses --into a symbolic link to a folder elsewhere, and writes nothing there', async () => {
    const dir = workspace('hubspot.csv');
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'deals'));
    const result = await importIn(dir, 'hubspot.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('deal-triage: --into deals is a symbolic link; import writes deal files only into a real folder');
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
  });

  it('refuses --into a folder reached through a symbolic link below the working folder, and an empty --into', async () => {
    const dir = workspace('hubspot.csv');
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'linked'));
    const result = await importIn(dir, 'hubspot.csv', '--into', 'linked/sub/deals');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('deal-triage: --into linked/sub/deals goes through linked, a symbolic link; import writes deal files only into a real folder: name the folder it leads to\n');
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
    const empty = await importIn(dir, 'hubspot.csv', '--into', '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('deal-triage: --into needs a folder: --into deals\n');
  });

  it('skips a second row of the same record', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'd.csv'), 'Record ID,Deal Name,Deal Stage,Deal owner,Amount,Associated Company\n7,A,contractsent,Lee,1,A\n7,B,contractsent,Lee,1,B\n');
    const result = await importIn(dir, 'd.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('d.csv:3:1: error: hubspot record 7 is on line 2 already; each record is one deal (import-duplicate-record)');
    expect(deals(dir)).toEqual(['a.yaml']);
  });
});

describe('--init-map', () => {
  it("writes a starter mapping from the header, with the closest preset's guesses and a comment on each column it cannot map", async () => {
    const dir = workspace('pipedrive.csv');
    const result = await importIn(dir, '--init-map', 'pipedrive.csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote pipedrive.mapping.yaml');
    const text = read(dir, 'pipedrive.mapping.yaml');
    expect(text).toContain('preset: pipedrive\n');
    expect(text).toContain('  "Deal - Title": name\n');
    expect(text).toContain('  "Organization": account.name\n');
    expect(text).toContain('  # "Deal - Pipeline": not mapped: no deal field holds it\n');
    expect(text).toContain('  # "Deal - Organization": not mapped: give the field it holds, or leave it\n');
    // It is a mapping the import takes as it is.
    const imported = await importIn(dir, 'pipedrive.csv', '--map', 'pipedrive.mapping.yaml');
    expect(imported.code).toBe(0);
    expect(deals(dir)).toHaveLength(4);
  });

  it('never replaces an existing file without --force', async () => {
    const dir = workspace('hubspot.csv');
    writeFileSync(path.join(dir, 'mine.yaml'), 'mine\n');
    const refused = await importIn(dir, '--init-map', 'hubspot.csv', '--map', 'mine.yaml');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('deal-triage: mine.yaml exists already; pass --force to replace it, or --map <file> to write another\n');
    expect(read(dir, 'mine.yaml')).toBe('mine\n');
    const forced = await importIn(dir, '--init-map', 'hubspot.csv', '--map', 'mine.yaml', '--force');
    expect(forced.code).toBe(0);
    expect(read(dir, 'mine.yaml')).toContain('preset: hubspot');
  });
});

describe('a problem late in the export, after hundreds of rows were read', () => {
  // Each row's text goes to a temporary file while the export is read; the problem on the last line
  // must leave the folder as it was: no deal file, no temporary file, and no folder made for them.
  const HEADER = 'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Associated Company';
  const rows = Array.from({ length: 400 }, (_, i) => `${i + 1},Deal ${i + 1},contractsent,2026-12-20,Lee Park,100000,Acme ${i}`);
  const late = `${HEADER}\n${rows.join('\n')}\n401,Short row,contractsent\n`;

  it('into a new folder: the folder is not left behind', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'export.csv'), late);
    const result = await importIn(dir, 'export.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('export.csv:402:');
    expect(result.stderr).toContain('nothing was imported');
    expect(readdirSync(dir)).toEqual(['export.csv']);
  });

  it('into a folder of deals: every file stays as it was, and no temporary file is left', async () => {
    const dir = workspace('hubspot.csv');
    await importIn(dir, 'hubspot.csv');
    const before = Object.fromEntries(deals(dir).map((name) => [name, read(dir, `deals/${name}`)]));
    // The same records, changed, then the bad row: neither the updates nor the new deals are written.
    const changed = read(dir, 'hubspot.csv').replaceAll('contractsent', 'closedwon');
    const more = Array.from({ length: 400 }, (_, i) => `${i + 1},Deal ${i + 1},contractsent,2026-12-20,Lee Park,100000,default,newbusiness,Acme ${i},2026-06-02 10:14`);
    writeFileSync(path.join(dir, 'hubspot.csv'), `${changed.trimEnd()}\n${more.join('\n')}\n401,Short\n`);
    const result = await importIn(dir, 'hubspot.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nothing was imported');
    expect(readdirSync(path.join(dir, 'deals')).sort()).toEqual(Object.keys(before).sort());
    for (const [name, text] of Object.entries(before)) expect(read(dir, `deals/${name}`)).toBe(text);
  });
});

describe('--init-map on an export no preset knows', () => {
  it('comments every column, says which fields are still needed, and keeps the delimiter it found', async () => {
    const dir = workspace('european.csv');
    const result = await importIn(dir, '--init-map', 'european.csv');
    expect(result.code).toBe(0);
    const text = read(dir, 'european.mapping.yaml');
    expect(text).toContain('source: csv');
    expect(text).toContain('  # "Kunde": not mapped: give the field it holds, or leave it\n');
    expect(text).toContain('  # still needed, from a column or under defaults: crm.id, name, owner, stage, account.name, value.amount\n');
    expect(text).toContain('delimiter: ";"\n');
    // Until its columns are mapped, the import says what each needed field lacks.
    const imported = await importIn(dir, 'european.csv', '--map', 'european.mapping.yaml');
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('no column gives crm.id, which every deal needs');
  });
});

describe('the verdicts of a large export', () => {
  it('lists the first 50 deals that want the CEO by name, and counts the rest; --format json lists them all', async () => {
    const dir = tempDir();
    copyFileSync(path.join(ROOT, 'fixtures/deal-triage.config.yaml'), path.join(dir, 'deal-triage.config.yaml'));
    mkdirSync(path.join(dir, 'deals'));
    // 60 briefed deals that join, each a HubSpot record; the export leaves every one unchanged.
    const template = readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml'), 'utf8');
    const rows = ['Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Associated Company'];
    for (let n = 10; n < 70; n++) {
      writeFileSync(path.join(dir, `deals/acme-${n}.yaml`), `${template.replace('id: acme-plants', `id: acme-${n}`)}crm:\n  source: hubspot\n  id: "${n}"\n`);
      rows.push(`${n},Acme — five-plant rollout,contractsent,2026-12-15,Dana Reyes,240000,Acme Corp`);
    }
    writeFileSync(path.join(dir, 'export.csv'), `${rows.join('\n')}\n`);
    const text = await importIn(dir, 'export.csv');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('unchanged: 60');
    expect(text.stdout).toContain(': 60 join, 0 wait, 0 decline');
    const listed = Array.from({ length: 50 }, (_, i) => `deals/acme-${i + 10}.yaml`).join(', ');
    expect(text.stdout).toContain(`The CEO should join: ${listed}, … and 10 more\n`);
    const json = await importIn(dir, 'export.csv', '-f', 'json');
    expect((JSON.parse(json.stdout) as { verdicts: { joins: string[] } }).verdicts.joins).toEqual(Array.from({ length: 60 }, (_, i) => `deals/acme-${i + 10}.yaml`));
  });
});

describe('a mapping default for a field no column gives', () => {
  it('a money default is written as the amount it is', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'export.csv'), 'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Associated Company\n7,Big deal,contractsent,2027-01-20,Lee Park,900000,Acme\n');
    writeFileSync(path.join(dir, 'map.yaml'), 'preset: hubspot\ndefaults:\n  account.annual_revenue: "5,000,000,000"\n  follow_on.potential: likely\n');
    const result = await importIn(dir, 'export.csv', '--map', 'map.yaml');
    expect(result.stderr).not.toContain('import-invalid-deal');
    expect(result.code).toBe(0);
    expect(parse(read(dir, 'deals/big-deal.yaml'))).toMatchObject({ account: { name: 'Acme', annual_revenue: 5_000_000_000 }, follow_on: { potential: 'likely' } });
  });
});

/**
 * The built binary importing a 40,000-row export, once it has started writing (the hidden folder
 * its new files go to is there, or the folder itself), or after 10 s whatever it is doing; `output`
 * settles when it ends.
 */
async function startLargeImport(folderThere = false) {
  ensureBuilt();
  const dir = tempDir();
  if (folderThere) mkdirSync(path.join(dir, 'deals'));
  const header = 'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Associated Company';
  const rows = Array.from({ length: 40_000 }, (_, i) => `${i + 1},Deal ${i + 1},contractsent,2026-12-20,Lee Park,100000,Acme ${i}`);
  writeFileSync(path.join(dir, 'export.csv'), `${header}\n${rows.join('\n')}\n`);
  // Its cache in a folder of its own, not the user's.
  const child = spawn(process.execPath, [BIN, 'import', 'export.csv', '-q'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: tempDir() } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const started = Date.now();
  const writing = () => (folderThere ? readdirSync(path.join(dir, 'deals')).length > 0 : readdirSync(dir).length > 1);
  while (Date.now() - started < 10_000 && !writing()) await new Promise((resolve) => setTimeout(resolve, 10));
  return { dir, child, output };
}

describe('Ctrl-C during an import', () => {
  it('leaves no signal handler behind, on any way out', async () => {
    const count = () => ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => process.listenerCount(signal));
    const before = count();
    const dir = workspace('hubspot.csv', 'european.csv');
    writeFileSync(path.join(dir, 'ragged.csv'), `${read(dir, 'hubspot.csv')}1,2\n`);
    await importIn(dir, 'hubspot.csv'); // imported
    await importIn(dir, 'hubspot.csv', '--into', 'other', '--dry-run'); // dry run
    await importIn(dir, 'european.csv', '--preset', 'hubspot'); // the preset lacks columns
    await importIn(dir, 'ragged.csv', '--into', 'third'); // not a table
    expect(count()).toEqual(before);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('through the real binary, %s: it writes nothing, not even a temporary file, and exits %i; or else it finished', async (signal, exit) => {
    const { dir, child, output } = await startLargeImport();
    child.kill(signal);
    const { code, stderr } = await output;
    if (code === exit) {
      expect(stderr).toContain('deal-triage: interrupted; nothing was imported');
      expect(readdirSync(dir)).toEqual(['export.csv']);
    } else {
      // The machine was quicker than the signal: then every deal is there, and no temporary file.
      expect(code).toBe(0);
      expect(readdirSync(path.join(dir, 'deals'))).toHaveLength(40_000);
    }
  }, 60_000);
});

describe('a file that appears at a new deal\'s name during the import', () => {
  it.each([
    ['into a folder that was there', true],
    ['into a new folder, which appears meanwhile', false],
  ])('%s: it is left as it is; that deal is reported not written, is not counted as created, and the exit code is 2', async (_case, folderThere) => {
    // The import has started writing: the last row's name was free when it looked.
    const { dir, output } = await startLargeImport(folderThere);
    let planted = false;
    try {
      mkdirSync(path.join(dir, 'deals'), { recursive: true });
      writeFileSync(path.join(dir, 'deals/deal-40000.yaml'), 'mine\n', { flag: 'wx' });
      planted = true;
    } catch {
      // The import got there first (a very quick machine): nothing to test.
    }
    const { code, stdout, stderr } = await output;
    if (!planted) return;
    expect(code).toBe(2);
    expect(read(dir, 'deals/deal-40000.yaml')).toBe('mine\n');
    expect(stdout).toContain('created: 39,999\n');
    expect(stdout).toContain('not written: deals/deal-40000.yaml: a file of that name appeared during the import; it was left as it is');
    expect(stderr).toContain('deal-triage: 1 deal file was not written (the "not written" line above says why); import again once it is fixed\n');
    expect(readdirSync(path.join(dir, 'deals'))).toHaveLength(40_000);
    // Nothing hidden is left beside the folder or in it.
    expect(readdirSync(dir).sort()).toEqual(['deals', 'export.csv']);
    expect(readdirSync(path.join(dir, 'deals')).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);
});

describe('a symbolic link that appears at the new deals folder\'s name during the import', () => {
  it('is not written through: no deal is written, each is reported not written, exit 2, and nothing hidden is left', async () => {
    const { dir, output } = await startLargeImport();
    mkdirSync(path.join(dir, 'elsewhere'));
    let planted = false;
    try {
      symlinkSync('elsewhere', path.join(dir, 'deals'));
      planted = true;
    } catch {
      // The import got there first: nothing to test.
    }
    const { code, stdout } = await output;
    if (!planted) return;
    expect(code).toBe(2);
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
    expect(stdout).toContain('created: 0\n');
    expect(stdout).toContain('not written: deals/deal-1.yaml: the folder became a symbolic link during the import; nothing is written through it');
    expect(readdirSync(dir).sort()).toEqual(['deals', 'elsewhere', 'export.csv']);
  }, 60_000);
});

describe('temporary files an import stopped by force left behind', () => {
  it('are removed by the next import (a dry run only says so); a live process\'s are not touched', async () => {
    const dir = workspace('hubspot.csv');
    mkdirSync(path.join(dir, 'deals'));
    // A process id no process has here (above the kernel's limit), and this test's own, alive.
    const dead = '.hooli-search-appliance.yaml.4194305-0badc0de.tmp';
    const alive = `.wayne-enterprises.yaml.${process.pid}-0badc0de.tmp`;
    for (const name of [dead, alive]) writeFileSync(path.join(dir, 'deals', name), 'half a deal');
    const dry = await importIn(dir, 'hubspot.csv', '--dry-run');
    expect(dry.stderr).toContain('deal-triage: note: a temporary file left in deals by an import that was stopped is there; the next import removes it\n');
    expect(existsSync(path.join(dir, 'deals', dead))).toBe(true);
    const result = await importIn(dir, 'hubspot.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('deal-triage: note: removed a temporary file left in deals by an import that was stopped\n');
    expect(existsSync(path.join(dir, 'deals', dead))).toBe(false);
    expect(existsSync(path.join(dir, 'deals', alive))).toBe(true);
  });

  it('a first import\'s hidden folder of new files beside the deals folder is removed by the next import; a live process\'s is not touched', async () => {
    const dir = workspace('hubspot.csv');
    const dead = '.deals.4194305-0badc0de.tmp';
    const alive = `.deals.${process.pid}-0badc0de.tmp`;
    for (const name of [dead, alive]) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'half-a-deal.yaml'), 'half a deal');
    }
    const dry = await importIn(dir, 'hubspot.csv', '--dry-run');
    expect(dry.stderr).toContain('deal-triage: note: a temporary folder left beside deals by an import that was stopped is there; the next import removes it\n');
    expect(existsSync(path.join(dir, dead))).toBe(true);
    const result = await importIn(dir, 'hubspot.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('deal-triage: note: removed a temporary folder left beside deals by an import that was stopped\n');
    expect(existsSync(path.join(dir, dead))).toBe(false);
    expect(existsSync(path.join(dir, alive, 'half-a-deal.yaml'))).toBe(true);
    expect(deals(dir)).toEqual(deals(dir).filter((name) => !name.startsWith('.')));
  });
});
