import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMarkdown, escapeMarkdown } from '../../src/format/markdown.js';
import { plain } from '../../src/format/style.js';
import { parseConfig } from '../../src/load/config.js';
import { triageText } from '../../src/triage.js';

const configFile = 'fixtures/deal-triage.config.yaml';
const loaded = parseConfig(readFileSync(configFile, 'utf8'), configFile);
if (!loaded.ok) throw new Error('the fixture config must be valid');
const config = loaded.value;

function markdownOf(file: string, explain = false): string {
  return formatMarkdown([triageText(readFileSync(file, 'utf8'), file, config)], { explain, style: plain });
}

describe('markdown briefing', () => {
  it('renders the full briefing of a join', async () => {
    await expect(markdownOf('fixtures/deals/acme-plants.yaml')).toMatchFileSnapshot('./__snapshots__/acme-plants.md');
  });

  it('never contains ANSI colour codes', () => {
    expect(markdownOf('fixtures/deals/acme-plants.yaml', true)).not.toMatch(/\u001b\[/);
  });

  it('gives a decline its reasons and what would change, and no briefing sections', () => {
    const out = markdownOf('fixtures/deals/stark-pilot.yaml');
    expect(out).toContain('**Verdict: Decline.**');
    expect(out).toContain('## What would change the verdict');
    expect(out).toContain('`small-deal`');
    expect(out).not.toContain('## Questions to expect');
  });

  it('escapes characters that would start Markdown formatting', () => {
    expect(escapeMarkdown('a|b *c* [d] `e`')).toBe('a\\|b \\*c\\* \\[d\\] \\`e\\`');
  });
});
