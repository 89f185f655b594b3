// Writing a file whole or not at all, never replacing one unless told to, never leaving a
// temporary file behind.

import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/write-file.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-write-');

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

  const pipe = (dir: string) => execFileSync('mkfifo', [path.join(dir, 'deal.yaml')]);
  const linkToPipe = (dir: string) => (execFileSync('mkfifo', [path.join(dir, 'pipe')]), symlinkSync('pipe', path.join(dir, 'deal.yaml')));
  const linkToDevice = (dir: string) => symlinkSync('/dev/null', path.join(dir, 'deal.yaml'));
  it.each([
    ['a named pipe', pipe, 'it is a named pipe (FIFO), not a regular file'],
    ['a link to a named pipe', linkToPipe, 'it is a named pipe (FIFO), not a regular file'],
    ['a link to a device', linkToDevice, 'it is a device, not a regular file'],
  ])('never replaces nor opens %s, with overwrite or without', { timeout: 10_000 }, async (_name, setUp, reason) => {
    for (const overwrite of [false, true]) {
      const dir = tempDir();
      setUp(dir);
      const before = readdirSync(dir).map((name) => [name, lstatSync(path.join(dir, name)).mode]);
      expect(await writeFileAtomic(path.join(dir, 'deal.yaml'), 'x\n', { overwrite })).toEqual({ kind: 'failed', reason, target: true });
      expect(readdirSync(dir).map((name) => [name, lstatSync(path.join(dir, name)).mode])).toEqual(before);
    }
  });

  it('with noFollow, refuses a symbolic link, leaving the link and its file as they were', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deal.yaml'), 'mine\n');
    symlinkSync('deal.yaml', path.join(dir, 'report.txt'));
    expect(await writeFileAtomic(path.join(dir, 'report.txt'), 'report\n', { overwrite: true, noFollow: true })).toEqual({
      kind: 'failed',
      reason: 'it is a symbolic link, and links are not written through',
      target: true,
    });
    expect(readlinkSync(path.join(dir, 'report.txt'))).toBe('deal.yaml');
    expect(readFileSync(path.join(dir, 'deal.yaml'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).sort()).toEqual(['deal.yaml', 'report.txt']);
  });

  const folderInTheWay = (dir: string) => mkdirSync(path.join(dir, 'deal.yaml'));
  const fileInTheWay = (dir: string) => writeFileSync(path.join(dir, 'deals'), '');
  it.each([
    // `target`: the name itself is in the way (its folder can take another file), or not.
    ['a folder in the way', folderInTheWay, 'deal.yaml', { reason: 'it is a folder', target: true }],
    ['a file where a folder should be', fileInTheWay, 'deals/deal.yaml', { reason: 'part of the path is a file, not a folder' }],
  ])('fails with a reason, leaving nothing behind: %s', async (_name, setUp, target, failure) => {
    const dir = tempDir();
    setUp(dir);
    const before = readdirSync(dir);
    expect(await writeFileAtomic(path.join(dir, target), 'x\n', { overwrite: true })).toEqual({ kind: 'failed', ...failure });
    expect(readdirSync(dir)).toEqual(before);
  });
});
