// `deal-triage import` on bad input, through the real CLI entry: an export that is not a table of
// deals, or a mapping that does not fit it, is a located problem, exit 2, and not a file written;
// a row that cannot become a deal is a located problem (file.csv:LINE:COLUMN, the line as an
// editor counts it), skipped, exit 1, and the other rows are imported.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ANSI, run, STACK_FRAME } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-import-bad-');
const HEADER = 'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Associated Company';
const ROW = (id: number, name = `Deal ${id}`) => `${id},${name},contractsent,2026-12-20,Lee Park,100000,Acme`;

/** Imports `bytes` as export.csv (with `files` beside it) in a fresh folder. */
async function importBytes(bytes: string | Uint8Array, args: string[] = [], files: Record<string, string> = {}) {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'export.csv'), bytes);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const result = await run(['import', 'export.csv', ...args], { cwd: dir });
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toMatch(ANSI);
  const written = existsSync(path.join(dir, 'deals')) ? readdirSync(path.join(dir, 'deals')).sort() : [];
  return { ...result, dir, written };
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('an export that is not a table of deals: exit 2, nothing written', () => {
  it.each([
    ['an empty file', '', 'export.csv:1:1', 'csv-empty', 'the file is empty'],
    ['only blank lines', '\n\n', 'export.csv:1:1', 'csv-empty', 'the file is empty'],
    ['no header', `${ROW(1)}\n${ROW(2)}\n`, 'export.csv:1:1', 'csv-no-header', 'the first line reads as data ("1"), not as column names'],
    ['a header with an empty name', `Record ID,,Deal Stage\n1,2,3\n`, 'export.csv:1:11', 'csv-no-header', 'column 2 of the first line has no name'],
    ['a duplicate column name', `${HEADER},Deal Name\n${ROW(1)},x\n`, 'export.csv:1:80', 'csv-duplicate-column', 'the column name "Deal Name" is there twice (columns 2 and 8)'],
    ['a ragged row', `${HEADER}\n${ROW(1)}\n2,Short,contractsent\n${ROW(3)}\n`, 'export.csv:3:9', 'csv-ragged-row', 'this row has 3 cells, and the header 7'],
    ['a row with a cell too many, located at that cell', `${HEADER}\n${ROW(1)},x\n`, 'export.csv:2:55', 'csv-ragged-row', 'this row has 8 cells, and the header 7'],
    ['a row with one cell among the rows (not a footer)', `${HEADER}\n${ROW(1)}\nstray\n${ROW(3)}\n`, 'export.csv:3:1', 'csv-ragged-row', 'this row has 1 cell, and the header 7'],
    ['a row with one cell at the very end, not set apart by a blank line (not a footer)', `${HEADER}\n${ROW(1)}\n18342765499\n`, 'export.csv:3:1', 'csv-ragged-row', 'this row has 1 cell, and the header 7'],
    ['a quote never closed', `${HEADER}\n${ROW(1)}\n2,"Open quote,contractsent,2026-12-20,Lee,1,Acme\n`, 'export.csv:3:3', 'csv-quote', 'this quoted cell is never closed: a " is missing'],
    ['a quote in the middle of a cell', `${HEADER}\n2,Say "hi",contractsent,2026-12-20,Lee,1,Acme\n`, 'export.csv:2:7', 'csv-quote', 'a quote in the middle of a cell'],
    ['text after a quoted cell', `${HEADER}\n2,"Say" hi,contractsent,2026-12-20,Lee,1,Acme\n`, 'export.csv:2:8', 'csv-quote', 'a quote ends this cell, but the cell goes on'],
    ['Latin-1 text', Buffer.from(`${HEADER}\n1,Caf\xe9 deal,contractsent,2026-12-20,Lee,1,Acme\n`, 'latin1'), 'export.csv:2:6', 'file-encoding', 'run again with --encoding latin1'],
    ['UTF-16 without its byte-order mark', Buffer.from(`${HEADER}\n${ROW(1)}\n`, 'utf16le'), 'export.csv:1:1', 'file-encoding', '--encoding utf-16le'],
  ])('%s', async (_name, bytes, where, rule, message) => {
    const result = await importBytes(bytes);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(where);
    expect(result.stderr).toContain(`(${rule})`);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('nothing was imported');
    expect(result.stdout).toBe('');
    expect(result.written).toEqual([]);
  });

  it('an export none of whose columns a preset knows asks for a mapping', async () => {
    const result = await importBytes('Foo,Bar\na,b\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'deal-triage: export.csv has none of the columns of a Salesforce, HubSpot or Pipedrive export; describe its columns in a mapping file: deal-triage import --init-map export.csv\n',
    );
  });

  it('an export that lacks a column a deal needs names the field, and how to give it', async () => {
    const result = await importBytes('Record ID,Deal Name,Deal Stage\n1,A,contractsent\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('export.csv:1:1: error: no column gives owner, which every deal needs; map a column to it (columns: { "Your column": owner }) or give it under defaults: (owner: …) (mapping-missing-field)');
    expect(result.written).toEqual([]);
  });
});

describe('a mapping file that does not fit: located in the mapping, exit 2, nothing written', () => {
  it.each([
    ['a misspelled field', 'preset: hubspot\ncolumns:\n  "Deal Name": nmae\n', 'map.yaml:3:16', 'invalid-value', 'columns.Deal Name is not a deal field a column can give; did you mean name?'],
    ['an unknown stage of ours', 'preset: hubspot\nstages:\n  contractsent: negociation\n', 'map.yaml:3:17', 'invalid-value', 'did you mean "negotiation"?'],
    ['a column the export does not have', 'preset: hubspot\ncolumns:\n  "Deal Nam": name\n', 'map.yaml:3:3', 'mapping-unknown-column', 'the export has no column "Deal Nam"; did you mean "Deal Name"?'],
    ['a bad date format', 'preset: hubspot\ndate_format: YYYY/MM/DD\n', 'map.yaml:2:14', 'invalid-value', 'date_format must be one of'],
    ['a bad decimal', 'preset: hubspot\ndecimal: ";"\n', 'map.yaml:2:10', 'invalid-value', 'decimal must be one of'],
    ['an unknown key', 'preset: hubspot\ncolums: {}\n', 'map.yaml:2:1', 'unknown-key', 'unknown key "colums"; did you mean "columns"?'],
    ['an unknown preset', 'preset: zoho\n', 'map.yaml:1:9', 'invalid-value', 'preset must be one of salesforce, hubspot, pipedrive'],
    ['a bad default', 'preset: hubspot\ndefaults:\n  value.currency: Euro\n', 'map.yaml:3:19', 'mapping-bad-default', 'the default for value.currency: "Euro" is not a currency code'],
    ['two columns for one field', 'preset: hubspot\ncolumns:\n  "Deal Name": name\n  "Associated Company": name\n', 'map.yaml:4:25', 'mapping-duplicate-field', '"Associated Company" and "Deal Name" both give name'],
    ['YAML that does not parse', 'preset: [hubspot\n', 'map.yaml:', 'yaml-syntax', ''],
  ])('%s', async (_name, mapping, where, rule, message) => {
    const result = await importBytes(`${HEADER}\n${ROW(1)}\n`, ['--map', 'map.yaml'], { 'map.yaml': mapping });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(where);
    expect(result.stderr).toContain(`(${rule})`);
    expect(result.stderr).toContain(message);
    expect(result.written).toEqual([]);
  });

  it('a missing mapping file is a usage error', async () => {
    const result = await importBytes(`${HEADER}\n${ROW(1)}\n`, ['--map', 'nope.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('deal-triage: no such mapping file: nope.yaml (deal-triage import --init-map <file.csv> writes a starter one)\n');
  });
});

describe('a row that cannot become a deal: located, skipped, the rest imported, exit 1', () => {
  it.each([
    ['an amount of abc', `${HEADER}\n${ROW(1)}\n2,Bad,contractsent,2026-12-20,Lee,abc,Acme\n`, 'export.csv:3:35', 'import-bad-amount', 'Amount: "abc" is not an amount'],
    ['an amount of -5', `${HEADER}\n${ROW(1)}\n2,Bad,contractsent,2026-12-20,Lee,-5,Acme\n`, 'export.csv:3:35', 'import-bad-amount', 'Amount: "-5" is negative; an amount must be 0 or more'],
    ['a date of 13/45/2026', `${HEADER}\n${ROW(1)}\n2,Bad,contractsent,13/45/2026,Lee,5,Acme\n`, 'export.csv:3:20', 'import-bad-date', 'Close Date: "13/45/2026" is not a date written YYYY-MM-DD'],
    ['a date that is not in the calendar', `${HEADER}\n${ROW(1)}\n2,Bad,contractsent,2026-02-30,Lee,5,Acme\n`, 'export.csv:3:20', 'import-bad-date', '"2026-02-30" is not a real date in the format YYYY-MM-DD (month 2, day 30)'],
    ['an unknown stage', `${HEADER}\n${ROW(1)}\n2,Bad,onhold,2026-12-20,Lee,5,Acme\n`, 'export.csv:3:7', 'import-unknown-stage', 'the stage "onhold" is not in the mapping\'s stages; add it under stages: in a mapping file ("onhold": proposal)'],
    ['an empty required cell', `${HEADER}\n${ROW(1)}\n2,Bad,contractsent,2026-12-20,,5,Acme\n`, 'export.csv:3:31', 'import-missing-value', '"Deal owner" is empty, and every deal needs its owner'],
    ['a decimal comma without the mapping saying so', `${HEADER}\n${ROW(1)}\n2,Bad,contractsent,2026-12-20,Lee,"1.250.000,50",Acme\n`, 'export.csv:3:35', 'import-bad-amount', '"1.250.000,50" is not an amount (it reads as a decimal comma: set decimal: "," in a mapping file)'],
    [
      'a bad cell after a quoted cell over lines (the line an editor shows)',
      `${HEADER}\n"1","Two\nlines","contractsent","2026-12-20","Lee","x","Acme"\n${ROW(2)}\n`,
      'export.csv:3:42',
      'import-bad-amount',
      '"x" is not an amount',
    ],
  ])('%s', async (_name, csv, where, rule, message) => {
    const result = await importBytes(csv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${where}: error: `);
    expect(result.stderr).toContain(`${message} (${rule})`);
    expect(result.stderr).toContain('1 row was skipped, the rest were imported');
    expect(result.stdout).toContain('skipped: 1');
    expect(result.written).toHaveLength(1);
  });

  it.each([
    ['1 row', `${HEADER}\n2,Bad,contractsent,2026-12-20,Lee,abc,Acme\n`, '1 row was skipped, the only one; fix it in the CRM or the mapping and import again'],
    ['2 rows', `${HEADER}\n2,Bad,contractsent,2026-12-20,Lee,abc,Acme\n3,Bad,contractsent,2026-12-20,Lee,-5,Acme\n`, '2 rows were skipped, every one; fix them in the CRM or the mapping and import again'],
  ])('every row skipped (%s): it does not say the rest were imported', async (_name, csv, said) => {
    const result = await importBytes(csv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`deal-triage: ${said}\n`);
    expect(result.stderr).not.toContain('the rest');
    expect(result.written).toHaveLength(0);
  });

  it('a row with several bad cells: each is reported, in column order, and the row is skipped once', async () => {
    const result = await importBytes(`${HEADER}\n${ROW(1)}\n2,,onhold,13/45/2026,Lee,abc,Acme\n`);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('export.csv:'));
    expect(lines).toEqual([
      'export.csv:3:3: error: "Deal Name" is empty, and every deal needs its name (import-missing-value)',
      'export.csv:3:4: error: Deal Stage: the stage "onhold" is not in the mapping\'s stages; add it under stages: in a mapping file ("onhold": proposal) (import-unknown-stage)',
      'export.csv:3:11: error: Close Date: "13/45/2026" is not a date written YYYY-MM-DD (import-bad-date)',
      'export.csv:3:26: error: Amount: "abc" is not an amount (import-bad-amount)',
    ]);
    expect(result.stderr).toContain('1 row was skipped, the rest were imported');
    expect(result.stdout).toContain('skipped: 1 ');
    const json = await importBytes(`${HEADER}\n${ROW(1)}\n2,,onhold,13/45/2026,Lee,abc,Acme\n`, ['--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ skippedRows: 1, skipped: [{ line: 3, column: 3 }, { column: 4 }, { column: 11 }, { column: 26 }] });
  });

  it('in JSON, lists each skipped row with its place, rule and reason', async () => {
    const result = await importBytes(`${HEADER}\n${ROW(1)}\n2,Bad,contractsent,2026-12-20,Lee,abc,Acme\n`, ['--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { skipped: unknown[] };
    expect(report.skipped).toEqual([{ file: 'export.csv', line: 3, column: 35, rule: 'import-bad-amount', message: 'Amount: "abc" is not an amount' }]);
  });
});

describe('hostile cells', () => {
  it('keeps a formula cell as text, never evaluated', async () => {
    const result = await importBytes(`${HEADER}\n1,"=HYPERLINK(""http://evil.example"",""Click"")",contractsent,2026-12-20,Lee,5,"=1+1"\n`);
    expect(result.code).toBe(0);
    const deal = parse(readFileSync(path.join(result.dir, 'deals', result.written[0]!), 'utf8')) as { name: string; account: { name: string } };
    expect(deal.name).toBe('=HYPERLINK("http://evil.example","Click")');
    expect(deal.account.name).toBe('=1+1');
  });

  it('keeps control characters in the file, escaped, and shows them sanitised', async () => {
    const result = await importBytes(`${HEADER}\n1,"Evil\u001b]0;pwned\u0007 deal",contractsent,2026-12-20,Lee,5,Acme\n2,\u001b[31mRed,contractsent,2026-12-20,Lee,abc,Acme\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stderr).not.toContain('\u001b');
    const file = result.written.find((f) => f.startsWith('evil'))!;
    const deal = parse(readFileSync(path.join(result.dir, 'deals', file), 'utf8')) as { name: string };
    expect(deal.name).toBe('Evil\u001b]0;pwned\u0007 deal');
  });

  it('an unknown stage with controls in it: the hint shows them escaped, and pasted into a mapping, it imports the row', async () => {
    const stage = 'Won\u001b[31m \u202eback';
    const result = await importBytes(`${HEADER}\n2,Deal,"${stage}",2026-12-20,Lee,5,Acme\n`);
    expect(result.code).toBe(1);
    for (const c of ['\u001b', '\u202e', '\ufffd']) expect(result.stderr).not.toContain(c);
    const hint = /in a mapping file \((.*): proposal\)/.exec(result.stderr)?.[1];
    expect(hint).toBe('"Won\\u001b[31m \\u202eback"');
    const mapping = `preset: hubspot\nstages:\n  ${hint}: closed-won\n`;
    const again = await importBytes(`${HEADER}\n2,Deal,"${stage}",2026-12-20,Lee,5,Acme\n`, ['--map', 'map.yaml'], { 'map.yaml': mapping });
    expect(again.code).toBe(0);
    expect(parse(readFileSync(path.join(again.dir, 'deals/deal.yaml'), 'utf8'))).toMatchObject({ stage: 'closed-won' });
  });

  it('a huge cell is quoted clipped in its problem, and a huge CRM id in the report', async () => {
    const id = '7'.repeat(5_000);
    const result = await importBytes(`${HEADER}\n${id},Deal,${'x'.repeat(100_000)},2026-12-20,Lee,5,Acme\n${id},Deal,contractsent,2026-12-20,Lee,5,Acme\n${id},Deal,contractsent,2026-12-20,Lee,5,Acme\n`);
    expect(result.code).toBe(1);
    for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) expect(line.length).toBeLessThan(400);
    expect(result.stderr).toContain(`Deal Stage: the stage "${'x'.repeat(79)}"… is not in the mapping's stages; add it under stages: in a mapping file ("Your stage": proposal)`);
    expect(result.stderr).toContain(`hubspot record ${'7'.repeat(79)}… is on line 3 already`);
  });

  it('--init-map escapes a hostile column name in the mapping it writes, comments included', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'export.csv'), `Record ID,"Weird\u202e col\u001b[31m",Deal Name\n1,2,3\n`);
    const result = await run(['import', '--init-map', 'export.csv'], { cwd: dir });
    expect(result.code).toBe(0);
    const text = readFileSync(path.join(dir, 'export.mapping.yaml'), 'utf8');
    for (const c of ['\u001b', '\u202e']) expect(text).not.toContain(c);
    expect(text).toContain('# "Weird\\u202e col\\u001b[31m": not mapped');
  });

  it('reads UTF-16 with its byte-order mark (Excel\'s "Unicode text"), tab-separated, CRLF', async () => {
    const text = `${HEADER}\r\n${ROW(1, 'Zürich rollout')}\r\n`.replaceAll(',', '\t');
    const result = await importBytes(utf16le(text));
    expect(result.code).toBe(0);
    expect(result.written).toEqual(['zurich-rollout.yaml']);
  });

  it('reads Latin-1 with --encoding latin1', async () => {
    const result = await importBytes(Buffer.from(`${HEADER}\n${ROW(1, 'Café deal')}\n`, 'latin1'), ['--encoding', 'latin1']);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(result.dir, 'deals/cafe-deal.yaml'), 'utf8')).toContain('name: Café deal');
  });

  it('refuses an encoding it does not know', async () => {
    const result = await importBytes(`${HEADER}\n${ROW(1)}\n`, ['--encoding', 'klingon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--encoding klingon is not an encoding this tool knows');
  });
});

describe('usage', () => {
  it.each([
    [['import'], 'deal-triage: name the CRM export to import: deal-triage import <file.csv> (or --init-map <file.csv> to start a mapping file)\n'],
    [['import', 'missing.csv'], 'deal-triage: no such file: missing.csv\n'],
    [['import', '.'], 'deal-triage: . is a folder; import takes a CSV file exported from your CRM\n'],
  ])('%j', async (argv, stderr) => {
    const dir = tempDir();
    const result = await run(argv, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(stderr);
  });
});
