// The triage formats take every word around a briefing from one table (src/format/words.ts): the
// text, markdown and preview formats show the same verdict labels, headlines and section titles,
// and no other file of the briefing and format layers carries a copy that could drift from it.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/format/index.js';
import { plain } from '../../src/format/style.js';
import { askPosition, SECTION_TITLES, VERDICT_WORDS } from '../../src/format/words.js';
import { parseConfig } from '../../src/load/config.js';
import { triageText } from '../../src/triage/text.js';
import { AS_OF } from '../helpers/paths.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const configFile = 'fixtures/deal-triage.config.yaml';
const loaded = parseConfig(readFileSync(configFile, 'utf8'), configFile);
if (!loaded.ok) throw new Error('the fixture config must be valid');
const config = loaded.value;

function triaged(file: string, change: (text: string) => string = (text) => text) {
  const result = triageText(change(readFileSync(file, 'utf8')), file, config, AS_OF);
  if (!result.ok) throw new Error(`${file} must be valid`);
  return result;
}

const inEuros = (text: string) => text.replace(/^ {2}currency: USD\n/m, '').replace(/^value:\n/m, 'value:\n  currency: EUR\n');

describe('the words of the triage formats', () => {
  it.each([
    ['a join', 'fixtures/deals/acme-plants.yaml', inEuros],
    ['a wait', 'fixtures/deals/soylent-brief.yaml', inEuros],
    ['a decline', 'fixtures/deals/stark-pilot.yaml', inEuros],
  ])('%s: text, markdown and the preview show the verdict, and text and markdown every section, in the words of words.ts', (_name, file, change) => {
    const result = triaged(file, change);
    const words = VERDICT_WORDS[result.evaluation.verdict];
    const options = { explain: false, style: plain };
    const text = formatters.text([result], options);
    const markdown = formatters.markdown([result], options);
    expect(text).toContain(`\n${words.label}  ${words.headline}\n`);
    expect(markdown).toContain(`**Verdict: ${words.word}.** ${words.headline}`);
    expect(formatters.preview([result], options)).toContain(`\n${words.label}  ${words.headline}\n`);
    // Every section of these briefings has content (the euros give each a note), so each shows, in order.
    const titles = result.briefing.sections.map((id) => SECTION_TITLES[id]);
    expect(text.split('\n').filter((line) => (Object.values(SECTION_TITLES) as string[]).includes(line))).toEqual(titles);
    expect(markdown.split('\n').filter((line) => line.startsWith('## ')).map((line) => line.slice(3))).toEqual(titles);
  });

  it('are written as literals in words.ts only, in the briefing and format layers', () => {
    const phrases = [...Object.values(VERDICT_WORDS).map((words) => words.headline), ...Object.values(SECTION_TITLES).filter((title) => title.length > 12)];
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
      });
    const texts = [...sources(path.join(SRC, 'briefing')), ...sources(path.join(SRC, 'format'))].map((file) => [path.relative(SRC, file), readFileSync(file, 'utf8')] as const);
    const quoted = (text: string, phrase: string) => ["'", '"', '`'].some((quote) => text.includes(`${quote}${phrase}`));
    const where = Object.fromEntries(phrases.map((phrase) => [phrase, texts.filter(([, text]) => quoted(text, phrase)).map(([file]) => file)]));
    expect(where).toEqual(Object.fromEntries(phrases.map((phrase) => [phrase, [path.join('format', 'words.ts')]])));
  });
});

describe("an ask's position, in the same words in every format", () => {
  it.each<[string, { position: 'yes' | 'trade' | 'no'; exception: boolean; in_exchange?: string }, { answer: string; exception?: string }]>([
    ['yes', { position: 'yes', exception: false }, { answer: 'we agree' }],
    ['no', { position: 'no', exception: false }, { answer: 'the CEO says no' }],
    ['a trade, with what we want', { position: 'trade', exception: false, in_exchange: 'A three-year term' }, { answer: 'we agree only in exchange for: A three-year term' }],
    ['a trade, nothing named yet', { position: 'trade', exception: false }, { answer: 'we trade it; what we want in exchange is not named yet' }],
    ['an exception', { position: 'trade', exception: true, in_exchange: 'A case study' }, { answer: 'we agree only in exchange for: A case study', exception: 'only the CEO can grant this exception' }],
  ])('%s', (_case, ask, words) => {
    expect(askPosition(ask)).toEqual(words);
  });

  it('reads alike in text and in Markdown', () => {
    const result = triaged('fixtures/deals/acme-plants.yaml');
    const text = formatters.text([result], { explain: false, style: plain });
    const markdown = formatters.markdown([result], { explain: false, style: plain });
    for (const line of [
      '90-day payment terms: the CEO says no (Our standard is Net-30)',
      'Named support engineer for year one: we agree only in exchange for: A three-year term instead of one; only the CEO can grant this exception',
    ]) {
      expect(text).toContain(`• ${line}`);
      expect(markdown.replaceAll('**', '')).toContain(`- ${line}`);
    }
    expect(text).not.toContain('our position:');
    expect(markdown).not.toContain('may grant');
  });
});
