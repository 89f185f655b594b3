import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/format/markdown.js';
import { markdownCode, markdownText } from '../../src/format/markdown-escape.js';
import { plain } from '../../src/format/style.js';
import { parseConfig } from '../../src/load/config.js';
import { triageText } from '../../src/triage/text.js';
import { AS_OF } from '../helpers/paths.js';

const configFile = 'fixtures/deal-triage.config.yaml';
const loaded = parseConfig(readFileSync(configFile, 'utf8'), configFile);
if (!loaded.ok) throw new Error('the fixture config must be valid');
const config = loaded.value;

function markdownOf(file: string, explain = false): string {
  return formatMarkdown([triageText(readFileSync(file, 'utf8'), file, config, AS_OF)], { explain, style: plain });
}

describe('markdown briefing', () => {
  it('renders the full briefing of a join', async () => {
    await expect(markdownOf('fixtures/deals/acme-plants.yaml')).toMatchFileSnapshot('./__snapshots__/acme-plants.md');
  });

  it('never contains ANSI colour codes', () => {
    // eslint-disable-next-line no-control-regex
    expect(markdownOf('fixtures/deals/acme-plants.yaml', true)).not.toMatch(/\u001b\[/);
  });

  it('gives a decline its reasons and what it would take to join, and no briefing sections', () => {
    const out = markdownOf('fixtures/deals/stark-pilot.yaml');
    expect(out).toContain('**Verdict: Decline.**');
    expect(out).toContain('## What it would take for the CEO to join');
    expect(out).toContain('`small-deal`');
    expect(out).not.toContain('## Questions to expect');
  });

  it('shows deal text with Markdown syntax as text, and a file name with backticks in a code span', () => {
    const deal = readFileSync('fixtures/deals/acme-plants.yaml', 'utf8')
      .replace(/^name: .*$/m, `name: ${JSON.stringify('![logo](https://evil.example/t.png) [Acme](https://evil.example)')}`)
      .replace(/^objective: .*$/m, `objective: ${JSON.stringify('Sign\r# Pwned\r\n> quoted\n- listed <b>bold</b> www.evil.example')}`);
    const out = formatMarkdown([triageText(deal, 'deals/`a``b`.yaml', config, AS_OF)], { explain: false, style: plain });
    expect(out).toContain('# !\\[logo\\](https\\://evil.example/t.png) \\[Acme\\](https\\://evil.example)\n');
    expect(out).toContain('\n## Objective\n\nSign \\# Pwned \\> quoted - listed \\<b\\>bold\\</b\\> www\\.evil.example\n');
    expect(out).toContain(' · ```deals/`a``b`.yaml```\n');
    expect(out).not.toMatch(/\r/);
  });
});

// What a CommonMark/GFM renderer (cmark-gfm, GitHub's) does with the escaped text: a backslash
// before ASCII punctuation makes it a literal character, so no link, image, HTML, autolink,
// emphasis, heading, list or quote can start; the rendered text is the input (folded to one line).
describe('markdownText: deal text as one line of Markdown', () => {
  it.each([
    ['plain prose stays readable', 'Net-30, five-plant: 50% done (soon)!', 'Net-30, five-plant: 50% done (soon)!'],
    ['emphasis, code, pipes', 'a|b *c* [d] `e` _f_ ~~g~~', 'a\\|b \\*c\\* \\[d\\] \\`e\\` \\_f\\_ \\~\\~g\\~\\~'],
    ['an image', '![img](https://evil.example/x.png)', '!\\[img\\](https\\://evil.example/x.png)'],
    ['a link', '[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['a reference link', '[click][1]', '\\[click\\]\\[1\\]'],
    ['an autolink', '<http://evil.example>', '\\<http\\://evil.example\\>'],
    ['raw HTML', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['a bare URL (GFM autolink)', 'see https://evil.example now', 'see https\\://evil.example now'],
    ['a www. address (GFM autolink)', 'www.evil.example and WWW.EVIL.EXAMPLE', 'www\\.evil.example and WWW\\.EVIL.EXAMPLE'],
    ['an e-mail address (GFM autolink)', 'bob@evil.example', 'bob\\@evil.example'],
    ['an entity', '&lt;b&gt; &#42;', '\\&lt;b\\&gt; \\&\\#42;'],
    ['a heading', '# Heading #', '\\# Heading \\#'],
    ['a quote', '> quote', '\\> quote'],
    ['a bullet', '- item', '\\- item'],
    ['a plus bullet', '+ item', '\\+ item'],
    ['a star bullet', '* item', '\\* item'],
    ['an ordered item', '1. item', '1\\. item'],
    ['an ordered item with a parenthesis', '12) item', '12\\) item'],
    ['a thematic break', '---', '\\---'],
    ['a fence', '```js', '\\`\\`\\`js'],
    ['a tilde fence', '~~~', '\\~\\~\\~'],
    ['an indented code block', '    indented code', 'indented code'],
    ['a backslash, and one at the end (a hard break)', 'back\\slash\\', 'back\\\\slash\\\\'],
    ['line breaks, a bare CR and blank lines', 'line one\rline two\r\n\r\n# three\nfour', 'line one line two \\# three four'],
    ['a NEL and a line separator', 'one\u0085two\u2028three', 'one\uFFFDtwo three'],
    ['an escape sequence', 'a\u001b]0;title\u0007b', 'a\uFFFD\\]0;title\uFFFDb'],
  ])('%s', (_name, input, expected) => {
    expect(markdownText(input)).toBe(expected);
  });
});

describe('markdownCode: any text in a code span', () => {
  it.each([
    ['a plain name', 'deals/a.yaml', '`deals/a.yaml`'],
    ['a backtick inside', 'deals/a`b.yaml', '``deals/a`b.yaml``'],
    ['a run of two', 'deals/``x`.yaml', '```deals/``x`.yaml```'],
    ['a backtick at the start', '`start', '`` `start ``'],
    ['a space at the end', 'end ', '` end  `'],
    ['a line break', 'new\nline\rhere', '`new\uFFFDline\uFFFDhere`'],
  ])('%s', (_name, input, expected) => {
    expect(markdownCode(input)).toBe(expected);
  });
});
