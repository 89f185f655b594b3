// Writing a file whole or not at all, never replacing one unless told to, never leaving a
// temporary file behind.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/write-file.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-write-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the file and its folders', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a/b/deal.yaml');
    expect(await writeFileAtomic(file, 'id: x\n', { overwrite: false })).toEqual({ kind: 'written' });
    expect(readFileSync(file, 'utf8')).toBe('id: x\n');
    expect(readdirSync(path.dirname(file))).toEqual(['deal.yaml']);
  });

  it('does not replace an existing file without overwrite', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'deal.yaml');
    writeFileSync(file, 'mine\n');
    expect(await writeFileAtomic(file, 'theirs\n', { overwrite: false })).toEqual({ kind: 'exists' });
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['deal.yaml']);
  });

  it('replaces it with overwrite', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'deal.yaml');
    writeFileSync(file, 'mine\n');
    expect(await writeFileAtomic(file, 'theirs\n', { overwrite: true })).toEqual({ kind: 'written' });
    expect(readFileSync(file, 'utf8')).toBe('theirs\n');
    expect(readdirSync(dir)).toEqual(['deal.yaml']);
  });

  it('replaces the file a symbolic link points to, keeping the link', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real/deal.yaml'), 'old\n');
    symlinkSync('real/deal.yaml', path.join(dir, 'link.yaml'));
    expect(await writeFileAtomic(path.join(dir, 'link.yaml'), 'new\n', { overwrite: true })).toEqual({ kind: 'written' });
    expect(readlinkSync(path.join(dir, 'link.yaml'))).toBe('real/deal.yaml');
    expect(readFileSync(path.join(dir, 'real/deal.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['deal.yaml']);
  });

  const folderInTheWay = (dir: string) => mkdirSync(path.join(dir, 'deal.yaml'));
  const fileInTheWay = (dir: string) => writeFileSync(path.join(dir, 'deals'), '');
  it.each([
    ['a folder in the way', folderInTheWay, 'deal.yaml', 'it is a folder'],
    ['a file where a folder should be', fileInTheWay, 'deals/deal.yaml', 'part of the path is a file, not a folder'],
  ])('fails with a reason, leaving nothing behind: %s', async (_name, setUp, target, reason) => {
    const dir = tempDir();
    setUp(dir);
    const before = readdirSync(dir);
    expect(await writeFileAtomic(path.join(dir, target), 'x\n', { overwrite: true })).toEqual({ kind: 'failed', reason });
    expect(readdirSync(dir)).toEqual(before);
  });
});
