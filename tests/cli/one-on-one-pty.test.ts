// `deal-triage one-on-one log` end to end: the built executable in a pseudo-terminal made by
// `script` (util-linux), answered keystroke by keystroke, as `new`'s terminal tests do.

import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { canRunPty, ensureBuilt, KEY, Terminal } from '../helpers/terminal.js';

const FIXTURE = path.join(ROOT, 'fixtures/one-on-one');
const tempDir = tempDirs('deal-triage-one-on-one-pty-');


function fixtureCopy(): string {
  const cwd = tempDir();
  for (const name of ['deal-triage.config.yaml', 'one-on-ones.yaml']) copyFileSync(path.join(FIXTURE, name), path.join(cwd, name));
  return cwd;
}

describe.runIf(canRunPty)('deal-triage one-on-one log in a terminal (end to end)', () => {
  beforeAll(ensureBuilt, 120_000);

  it('records a meeting from the answers, marking a commitment done and adding one', async () => {
    const cwd = fixtureCopy();
    const term = new Terminal(['one-on-one', 'log'], cwd);
    try {
      await term.waitFor('Never what was said.');
      await term.answer('When did you meet? (YYYY-MM-DD)', KEY.enter);
      await term.waitFor('? How many minutes did it last?');
      term.type('0\r');
      await term.waitFor('minutes must be at least 1 (the meeting took place)');
      term.type('\u007f80\r');
      await term.waitFor('✔ How many minutes did it last? 80');
      // The suggestion is highlighted: Enter takes the bike ride.
      await term.answer('Where did you meet?', KEY.enter);
      await term.answer('Is it done: the CEO (Dana Reyes) — Call the Orbis COO', 'y\r');
      await term.answer('Is it done: the CEO (Dana Reyes) — Join the Monday sales stand-up', KEY.enter);
      await term.answer('Is it done: the head of sales (Sam Ortiz) — Take a real day off', KEY.enter);
      await term.answer('Did either of you commit to something?', 'y\r');
      await term.answer('Who commits?', `${KEY.down}${KEY.enter}`);
      await term.answer('What will the head of sales do? (one line)', 'Bring the renewal list to Friday\r');
      await term.answer('By when? (YYYY-MM-DD)', KEY.enter);
      await term.answer('Another commitment?', KEY.enter);
      await term.answer('Record this meeting?', KEY.enter);
      await term.waitFor('Recorded the one-on-one of 2026-12-01 in one-on-ones.yaml (bike-ride, 80 min; 1 commitment; 1 marked done)');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    const text = readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8');
    expect(text).toContain('        what: Call the Orbis COO before the pricing call\n        due: 2026-11-24\n        done: true\n');
    expect(text.endsWith('  - date: 2026-12-01\n    minutes: 80\n    venue: bike-ride\n    commitments:\n      - by: head-of-sales\n        what: Bring the renewal list to Friday\n        due: 2026-12-08\n        done: false\n')).toBe(true);
  }, 30_000);

  it('Ctrl-C at a question: exit 130, one line, the log untouched', async () => {
    const cwd = fixtureCopy();
    const before = readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8');
    const term = new Terminal(['one-on-one', 'log'], cwd);
    try {
      await term.answer('When did you meet? (YYYY-MM-DD)', KEY.enter);
      await term.waitFor('? How many minutes did it last?');
      term.type(KEY.ctrlC);
      expect(await term.exited).toBe(130);
    } finally {
      term.kill();
    }
    expect(term.output).toContain('deal-triage: cancelled; nothing was written');
    expect(term.output).not.toMatch(/^\s+at /m);
    expect(readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8')).toBe(before);
  }, 30_000);
});
