// Reading and loading an input file in one step (src/io/load-file.ts): the value or the located
// problems, with the text the code frames show, decoded once; a path that is not a file to read, in
// the caller's words.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputFile, loadInputFileSync } from '../../src/io/load-file.js';
import { ZOD_FALLBACK } from '../../src/io/load-file-zod.js';
import type { NotReadWording } from '../../src/io/load-file.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-load-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const wording: NotReadWording = {
  missing: (file) => `missing ${file}`,
  directory: (file) => `folder ${file}`,
  unreadable: (file, reason, notAFile) => `unreadable ${file}: ${reason}${notAFile ? ' (not a file)' : ''}`,
};

function at(name: string, content?: string | Buffer) {
  const file = path.join(root, name);
  if (content !== undefined) writeFileSync(file, content);
  return { path: file, file: name };
}

const DEAL = 'id: acme\nname: Acme\n';
const ACME = new URL('../../fixtures/deals/acme-plants.yaml', import.meta.url);

describe.each([
  ['loadInputFile', loadInputFile],
  ['loadInputFileSync', (...args: Parameters<typeof loadInputFile>) => Promise.resolve(loadInputFileSync(...args, ZOD_FALLBACK))],
] as const)('%s', (_name, load) => {
  it('gives an invalid deal its problems and its text, as decoded (a byte-order mark dropped)', async () => {
    const loaded = await load(at('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DEAL)])), 'deal', { wording });
    expect(loaded).toMatchObject({ read: true, ok: false, file: 'bom.yaml', text: DEAL });
  });

  it('gives bytes that are not UTF-8 a lenient text, for the frame of the bad byte', async () => {
    const loaded = await load(at('latin.yaml', Buffer.from('id: caf\xe9\n', 'latin1')), 'deal', { wording });
    expect(loaded).toMatchObject({ read: true, ok: false, text: 'id: caf\ufffd\n', problems: [{ rule: 'file-encoding', line: 1, column: 8 }] });
  });

  it('loads an empty config as the defaults', async () => {
    const loaded = await load(at('empty-config.yaml', ''), 'config', { wording });
    expect(loaded).toMatchObject({ read: true, ok: true, text: '', value: { company: { currency: 'USD' } } });
  });

  it('gives a deal that names no currency the one it is told, and its text', async () => {
    const text = readFileSync(ACME, 'utf8').replace(/^ *currency: USD\n/m, '');
    const loaded = await load(at('deal.yaml', text), 'deal', { wording, defaultCurrency: 'EUR' });
    expect(loaded).toMatchObject({ read: true, ok: true, text, value: { id: 'acme-plants', value: { currency: 'EUR' } } });
  });

  it('has no text for a file too large to read, only its problem', async () => {
    const loaded = await load(at('huge.yaml', '#'.repeat(1024 * 1024 + 1)), 'deal', { wording });
    expect(loaded).toMatchObject({ read: true, ok: false, text: undefined, problems: [{ rule: 'file-too-large' }] });
  });

  it.each([
    ['a missing file', () => at('nope.yaml'), 'missing nope.yaml', false],
    ['a folder', () => (mkdirSync(path.join(root, 'folder.yaml'), { recursive: true }), at('folder.yaml')), 'folder folder.yaml', false],
    [
      'a named pipe',
      () => (rmSync(path.join(root, 'pipe.yaml'), { force: true }), execFileSync('mkfifo', [path.join(root, 'pipe.yaml')]), at('pipe.yaml')),
      'unreadable pipe.yaml: it is a named pipe (FIFO), not a regular file (not a file)',
      true,
    ],
  ])('says of %s what the caller words, and reads nothing', async (_what, make, message, notAFile) => {
    expect(await load(make(), 'deal', { wording })).toEqual({ read: false, file: expect.any(String) as string, message, notAFile });
  });
});
