// Seeded, deterministic mutations of generated deal texts (bench/generate.js), for the differential
// harness (scripts/compare-builds.js): invalid and odd deal files, YAML-level (syntax, layout,
// encodings, YAML features) and schema-level (types, required fields, enums, dates, numbers,
// cross-field rules, folder rules). File i gets mutation i (mod the count) alone; every fourth file
// gets two to four of them combined. The same count and seed always give the same files.
//
//   node bench/mutate.js <folder> <count> [seed]

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dealTexts, random } from './generate.js';

/** Stands for a byte that is not UTF-8 (0xFF) until the text is encoded by `encode`. */
const BAD_BYTE = '\uF8FF';

const pickFrom = (rnd, list) => list[Math.floor(rnd() * list.length)];
/** Replaces the value of the first line `key: value` at that indentation (key may be a regex source). */
const setValue = (text, key, value) => text.replace(new RegExp(`^(${key}):[^\\n]*$`, 'm'), `$1: ${value}`);
const lines = (text) => text.split('\n');
/** Applies `edit` to one random line that matches `test`; unchanged when none does. */
function editRandomLine(text, rnd, test, edit) {
  const all = lines(text);
  const candidates = all.map((line, i) => (test(line) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const i = pickFrom(rnd, candidates);
  all[i] = edit(all[i]);
  return all.join('\n');
}
/** The lines of a top-level block (`key:` and its indented lines), as [start, end). */
function block(all, key) {
  const start = all.findIndex((line) => line === `${key}:`);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < all.length && all[end].startsWith(' ')) end++;
  return [start, end];
}
/** A top-level block of `key: value` lines rewritten as one flow mapping. */
function toFlow(text, key) {
  const all = lines(text);
  const found = block(all, key);
  if (!found) return text;
  const [start, end] = found;
  const pairs = all.slice(start + 1, end).filter((line) => /^ {2}[a-z_]+: /.test(line)).map((line) => line.trim());
  all.splice(start, end - start, `${key}: {${pairs.join(', ')}}`);
  return all.join('\n');
}
const removeBlock = (text, key) => {
  const all = lines(text);
  const found = block(all, key);
  if (!found) return text;
  all.splice(found[0], found[1] - found[0]);
  return all.join('\n');
};
const removeLine = (text, re) => text.replace(re, '');

/** Every mutation: a name and (text, rnd) => text. */
export const MUTATIONS = {
  // --- YAML level ---
  'unclosed-flow-seq': (t) => (/competitors: \[/.test(t) ? t.replace(/(competitors: \[[^\]\n]*)\]/, '$1') : t.replace(/^issues:\n {2}- ([^\n]*)$/m, 'issues: [$1')),
  'unclosed-flow-map': (t) => `${t}next_meeting: {date: 2027-01-12, with: the CFO\n`,
  'unclosed-double-quote': (t) => t.replace(/^name: (.*)$/m, 'name: "$1'),
  'unclosed-single-quote': (t) => t.replace(/^owner: (.*)$/m, "owner: '$1"),
  'quoted-escapes': (t, rnd) => setValue(t, 'name', pickFrom(rnd, ['"Acme \\u00e9 \\t \\" \\x41 \\N"', '"bad \\q escape"', "'it''s quoted'", '"line\\nbreak"', '"\\U0001F600"'])),
  'tab-indent': (t, rnd) => editRandomLine(t, rnd, (l) => l.startsWith('  '), (l) => `\t${l.slice(2)}`),
  'tab-after-colon': (t) => t.replace(/^id: /m, 'id:\t'),
  'duplicate-key-top': (t, rnd) => `${t}${pickFrom(rnd, ['owner: Sam Ortiz', 'stage: discovery', 'id: deal-dup'])}\n`,
  'duplicate-key-nested': (t) => t.replace(/^( {2}employees: [^\n]*)$/m, '$1\n$1'),
  'indent-extra-space': (t, rnd) => editRandomLine(t, rnd, (l) => l.startsWith('  '), (l) => ` ${l}`),
  'indent-missing-space': (t, rnd) => editRandomLine(t, rnd, (l) => l.startsWith('  '), (l) => l.slice(1)),
  'sequence-not-indented': (t) => t.replace(/^ {2}- /gm, '- ').replace(/^ {4}(?=[a-z_]+:)/gm, '  '),
  'anchor-alias': (t) => t.replace(/^owner: (.*)$/m, 'owner: &who $1').replace(/^( {2}name: ).*$/m, '$1*who'),
  'anchor-alias-block': (t) => `${t.replace(/^account:$/m, 'account: &acct')}billing: *acct\n`,
  'alias-undefined': (t) => setValue(t, ' {2}industry', '*nothing'),
  'merge-key': (t) => t.replace(/^account:$/m, 'account:\n  <<: {industry: Mining}'),
  tags: (t, rnd) =>
    pickFrom(rnd, [
      () => setValue(t, ' {2}amount', '!!str 240000'),
      () => setValue(t, ' {2}employees', '!!int "12"'),
      () => setValue(t, 'stage', '!stage negotiation'),
      () => setValue(t, ' {2}amount', '!!float 1'),
      () => t.replace(/^account:$/m, 'account: !!map'),
      () => setValue(t, 'close_date', '!!timestamp 2027-01-01'),
      () => setValue(t, 'strategic_logo', '!!bool "true"'),
    ])(),
  'multi-document': (t, rnd) => pickFrom(rnd, [`${t}---\nid: other\n`, `${t}---\n`, `---\n${t}...\n---\n${t}`]),
  'document-markers': (t, rnd) => pickFrom(rnd, [`---\n${t}`, `${t}...\n`, `%YAML 1.2\n---\n${t}`, `--- # the deal\n${t}`, `%TAG !e! tag:example.com,2000:\n---\n${t}`]),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  'crlf-mixed': (t, rnd) => editRandomLine(t, rnd, () => true, (l) => `${l}\r`),
  'lone-cr': (t) => t.replace(/^(name: [^\n]{3})/m, '$1\r'),
  bom: (t) => `\uFEFF${t}`,
  'bom-inside': (t) => t.replace(/^(owner: )/m, '$1\uFEFF'),
  'trailing-spaces': (t, rnd) => editRandomLine(editRandomLine(t, rnd, () => true, (l) => `${l}   `), rnd, () => true, (l) => `${l}\t`),
  'no-final-newline': (t) => t.replace(/\n+$/, ''),
  'blank-lines': (t, rnd) => editRandomLine(t, rnd, () => true, (l) => `${l}\n\n   \n`),
  'odd-comments': (t, rnd) =>
    pickFrom(rnd, [
      () => t.replace(/^account:$/m, 'account: # the customer'),
      () => t.replace(/^( {2}- request:)/m, '  # first ask\n$1'),
      () => t.replace(/^( {2}employees:)/m, '# at column 0, inside a block\n$1'),
      () => setValue(t, 'owner', 'Dana Reyes#not a comment'),
      () => t.replace(/(competitors: \[)([^,\n]*), ([^\]\n]*)\]/, '$1 # comment\n    $2, # two\n    $3]'),
      () => `# header\n#\n${t}# footer`,
      () => setValue(t, 'stage', 'negotiation # stage'),
      () => t.replace(/^ceo:$/m, 'ceo:   #'),
    ])(),
  'block-scalars': (t, rnd) =>
    pickFrom(rnd, [
      () => setValue(t, 'plan', '|\n  The CEO joins the call.\n  The owner leads.\n'),
      () => setValue(t, 'plan', '>-\n  Folded\n  text\n\n  paragraph'),
      () => setValue(t, 'plan', '|+\n  kept\n\n'),
      () => setValue(t, 'plan', '|2\n    indented by an indicator'),
      () => setValue(t, 'plan', '|\n'),
      () => setValue(t, 'objective', '>\n no indent error\nback at zero'),
      () => t.replace(/^issues:\n {2}- ([^\n]*)$/m, 'issues:\n  - |\n    $1\n    on two lines'),
    ])(),
  'flow-mappings': (t, rnd) => toFlow(t, pickFrom(rnd, ['account', 'value', 'custom_work', 'ceo', 'follow_on'])),
  'flow-everything': (t) => ['account', 'value', 'custom_work', 'ceo', 'follow_on'].reduce(toFlow, t),
  'multiline-flow': (t) => t.replace(/competitors: \[([^,\n]*), ([^\]\n]*)\]/, 'competitors: [\n    $1,\n    $2,\n  ]'),
  'quoted-keys': (t, rnd) =>
    pickFrom(rnd, [() => t.replace(/^id:/m, '"id":'), () => t.replace(/^owner:/m, "'owner':"), () => t.replace(/^( {2})amount:/m, '$1"amount" :'), () => t.replace(/^stage: (.*)$/m, '? stage\n: $1')])(),
  'quoted-values': (t, rnd) =>
    pickFrom(rnd, [() => setValue(t, 'stage', '"negotiation"'), () => setValue(t, 'close_date', "'2027-01-01'"), () => setValue(t, ' {2}employees', '"12000"'), () => setValue(t, 'strategic_logo', '"false"')])(),
  unicode: (t, rnd) =>
    pickFrom(rnd, [
      () => setValue(t, 'name', 'Ünïcödé — 日本語 🚀 e\u0301'),
      () => setValue(t, 'owner', 'Dana \u202eReyes\u202c'),
      () => setValue(t, 'name', 'zero\u200bwidth\u2028separator'),
      () => setValue(t, 'id', 'déal-1'),
      () => t.replace(/^owner:/m, 'öwner:'),
      () => setValue(t, 'name', '\uD83D'),
    ])(),
  'control-chars': (t, rnd) => setValue(t, 'name', `Acme${pickFrom(rnd, ['\x07', '\x1b[31mred\x1b[0m', '\x00', '\x7f', '\u0085', '\x08\x08', '\x1b]8;;http://x\x07link'])} Corp`),
  'invalid-utf8': (t) => t.replace(/^(name: [^\n]{2})/m, `$1${BAD_BYTE}`),
  'long-value': (t) => setValue(t, 'name', 'x'.repeat(6000)),
  'deep-nesting': (t) => setValue(t, 'issues', `${'['.repeat(60)}x${']'.repeat(60)}`),
  'not-a-mapping': (t, rnd) => pickFrom(rnd, ['- a\n- b\n', 'just text\n', '42\n', '', '# only a comment\n', '~\n', '[]\n', '{}\n']),
  'key-without-space': (t) => t.replace(/^id: /m, 'id:'),
  'yaml11-booleans': (t, rnd) => setValue(setValue(t, 'strategic_logo', pickFrom(rnd, ['yes', 'on', 'True', 'TRUE', 'n'])), ' {2}requested', pickFrom(rnd, ['Yes', 'off', 'false'])),
  'number-forms': (t, rnd) => setValue(t, ' {2}amount', pickFrom(rnd, ['0x1F', '0o17', '1_000', '+12', '1e3', '012', '1.', '.5', '1,000'])),
  // --- schema level ---
  'wrong-type': (t, rnd) =>
    pickFrom(rnd, [
      () => setValue(t, ' {2}employees', 'many'),
      () => setValue(t, 'strategic_logo', '"yes"'),
      () => t.replace(/^asks:\n(?: {2,}[^\n]*\n)*/m, 'asks: none\n'),
      () => t.replace(/^account:\n(?: {2,}[^\n]*\n)*/m, 'account: Acme\n'),
      () => setValue(t, 'owner', '[Dana, Sam]'),
      () => setValue(t, 'name', '{a: 1}'),
      () => setValue(t, 'id', '12345'),
      () => setValue(t, 'issues', 'one issue'),
      () => setValue(t, 'close_date', 'true'),
    ])(),
  'missing-required': (t, rnd) =>
    pickFrom(rnd, [
      () => removeLine(t, /^id: [^\n]*\n/m),
      () => removeLine(t, /^owner: [^\n]*\n/m),
      () => removeLine(t, /^name: [^\n]*\n/m),
      () => removeBlock(t, 'account'),
      () => removeBlock(t, 'value'),
      () => removeBlock(t, 'follow_on'),
      () => removeLine(t, /^ {2}amount: [^\n]*\n/m),
      () => removeLine(t, /^stage: [^\n]*\n/m),
      () => removeLine(t, /^ {4}position: [^\n]*\n/m),
    ])(),
  'extra-key': (t, rnd) =>
    pickFrom(rnd, [
      () => `${t}colour: red\n`,
      () => t.replace(/^( {2})employees:/m, '$1emplyees:'),
      () => `${t}__proto__: {admin: true}\n`,
      () => `${t}constructor: x\n`,
      () => t.replace(/^stage:/m, 'stgae:'),
      () => t.replace(/^( {2}requested: [^\n]*)$/m, '$1\n  when: soon'),
    ])(),
  'bad-enum': (t, rnd) =>
    pickFrom(rnd, [
      () => setValue(t, 'stage', 'won'),
      () => setValue(t, 'type', 'upsell'),
      () => setValue(t, ' {2}potential', 'maybe'),
      () => setValue(t, ' {4}role', 'sponsor'),
      () => setValue(t, ' {4}position', 'maybe'),
      () => setValue(t, ' {2}threat', 'extreme'),
      () => setValue(t, ' {2}currency', pickFrom(rnd, ['usd', 'XYZ', 'US$', 'EUR'])),
      () => setValue(t, 'stage', 'Negotiation'),
    ])(),
  'bad-date': (t, rnd) => setValue(t, pickFrom(rnd, ['close_date', ' {2}- date']), pickFrom(rnd, ['2026-02-30', '2027-13-01', '2026-1-5', '2026-02-28T10:00:00Z', '20260228', '2024-02-29', '2100-02-29', '0000-01-01', '2026-04-31', 'tomorrow', '9999-12-31'])),
  'nan-inf': (t, rnd) => setValue(t, pickFrom(rnd, [' {2}amount', ' {2}employees', ' {2}days', ' {2}annual_revenue']), pickFrom(rnd, ['.nan', '.inf', '-.inf', '.NaN', '.Inf', 'NaN', 'Infinity'])),
  'negative-number': (t, rnd) => setValue(t, pickFrom(rnd, [' {2}amount', ' {2}employees', ' {2}days', ' {2}compensated_days', ' {2}term_months']), pickFrom(rnd, ['-1', '-5', '-0', '-0.5'])),
  'huge-number': (t, rnd) => setValue(t, pickFrom(rnd, [' {2}amount', ' {2}employees', ' {2}days', ' {2}annual_revenue']), pickFrom(rnd, ['1e400', '99999999999999999999999', '1.7976931348623157e308', '9007199254740993', '1e-400'])),
  'fractional-number': (t, rnd) => setValue(t, pickFrom(rnd, [' {2}employees', ' {2}days', ' {2}amount', ' {2}term_months']), pickFrom(rnd, ['12.5', '1.005', '0.1', '20.1'])),
  'compensated-over-days': (t, rnd) => setValue(setValue(t, ' {2}days', pickFrom(rnd, ['5', '0', '20.1'])), ' {2}compensated_days', pickFrom(rnd, ['9', '1', '20.11'])),
  'empty-string': (t, rnd) => setValue(t, pickFrom(rnd, ['name', 'owner', 'id', 'plan', ' {2}name']), pickFrom(rnd, ['""', "''"])),
  null: (t, rnd) => setValue(t, pickFrom(rnd, ['name', 'owner', 'stage', ' {2}amount', 'plan', 'asks']), pickFrom(rnd, ['~', 'null', '', 'Null'])),
  'empty-block': (t, rnd) => t.replace(new RegExp(`^${pickFrom(rnd, ['account', 'value', 'custom_work', 'ceo'])}:\\n(?: {2,}[^\\n]*\\n)*`, 'm'), (m) => `${m.split('\n')[0]}\n`),
  'duplicate-id': (t) => setValue(t, 'id', 'deal-00000'),
  'bad-id': (t, rnd) => setValue(t, 'id', pickFrom(rnd, ['Deal_1', '-x', 'a b', 'UPPER', 'x'.repeat(300), '"deal/../x"'])),
  'ceo-requested': (t) => setValue(t, ' {2}requested', 'true'),
  'empty-lists': (t, rnd) => t.replace(new RegExp(`^${pickFrom(rnd, ['asks', 'stakeholders', 'issues'])}:\\n(?: {2,}[^\\n]*\\n)*`, 'm'), (m) => `${m.split('\n')[0]} []\n`),
  'closed-stage-requested': (t, rnd) => setValue(setValue(t, 'stage', pickFrom(rnd, ['closed-won', 'closed-lost'])), ' {2}requested', 'true'),
};
export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** The bytes of a mutated text: UTF-8, with each BAD_BYTE as 0xFF (not UTF-8). */
export function encode(text) {
  const parts = text.split(BAD_BYTE).map((part) => Buffer.from(part, 'utf8'));
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from([0xff]), part])));
}

/**
 * `count` mutated deals: { name (file name, saying which mutations), mutations, bytes }.
 * @param {number} count
 * @param {number} seed
 */
export function* mutatedDeals(count, seed = 7) {
  const rnd = random(seed ^ 0x5eed);
  let i = 0;
  let single = 0;
  for (const text of dealTexts(count, seed)) {
    const names = i % 4 === 3 ? Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pickFrom(rnd, MUTATION_NAMES)) : [MUTATION_NAMES[single++ % MUTATION_NAMES.length]];
    // The mutation that breaks the encoding goes last: the others edit text.
    names.sort((a, b) => Number(a === 'invalid-utf8') - Number(b === 'invalid-utf8'));
    const mutated = names.reduce((current, name) => MUTATIONS[name](current, rnd), text);
    const ext = i % 10 === 9 ? 'yml' : 'yaml';
    yield { name: `m-${String(i).padStart(5, '0')}-${names.join('+')}.${ext}`, mutations: names, bytes: encode(mutated) };
    i++;
  }
}

/** Writes `count` mutated deals into `folder`; returns how many files each mutation went into. */
export function writeMutated(folder, count, seed = 7) {
  mkdirSync(folder, { recursive: true });
  const uses = Object.fromEntries(MUTATION_NAMES.map((name) => [name, 0]));
  for (const deal of mutatedDeals(count, seed)) {
    writeFileSync(path.join(folder, deal.name), deal.bytes);
    for (const name of new Set(deal.mutations)) uses[name]++;
  }
  return uses;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, count, seed] = process.argv.slice(2);
  if (!folder || !count) {
    console.error('usage: node bench/mutate.js <folder> <count> [seed]');
    process.exit(2);
  }
  const uses = writeMutated(folder, Number(count), seed === undefined ? 7 : Number(seed));
  console.log(Object.entries(uses).map(([name, n]) => `${name} ${n}`).join('\n'));
}
