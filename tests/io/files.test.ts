// Reading an input file (src/io/files.ts): opened without blocking, then examined through the open
// descriptor, so what is checked is what is read: a pipe, a device or a file that grew past the limit
// is refused without a hang and without reading more than the limit; and finding the config file.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, readInputFile, readInputFileSync } from '../../src/io/files.js';
import type { ReadOptions } from '../../src/io/files.js';
import { MAX_FILE_BYTES } from '../../src/load/limits.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-files-');

const fifo = (file: string) => execFileSync('mkfifo', [file]);

const readers = [
  ['readInputFile', (file: string, options?: ReadOptions) => readInputFile(file, options)],
  ['readInputFileSync', (file: string, options?: ReadOptions) => Promise.resolve(readInputFileSync(file, options))],
] as const;

describe.each(readers)('%s', (_name, read) => {
  it('reads a regular file', async () => {
    const file = path.join(tempDir(), 'a.yaml');
    writeFileSync(file, 'id: a\n');
    const outcome = await read(file);
    expect(outcome.kind === 'ok' && new TextDecoder().decode(outcome.bytes)).toBe('id: a\n');
  });

  it('reads an empty file', async () => {
    const file = path.join(tempDir(), 'a.yaml');
    writeFileSync(file, '');
    expect(await read(file)).toEqual({ kind: 'ok', bytes: new Uint8Array() });
  });

  it('refuses a named pipe at once, without waiting for a writer', { timeout: 10_000 }, async () => {
    const file = path.join(tempDir(), 'pipe.yaml');
    fifo(file);
    expect(await read(file)).toEqual({ kind: 'unreadable', reason: 'it is a named pipe (FIFO), not a regular file', notAFile: true });
  });

  it('refuses a link to a named pipe, and a device that never ends', { timeout: 10_000 }, async () => {
    const dir = tempDir();
    fifo(path.join(dir, 'pipe'));
    symlinkSync('pipe', path.join(dir, 'link.yaml'));
    expect(await read(path.join(dir, 'link.yaml'))).toMatchObject({ kind: 'unreadable', notAFile: true });
    expect(await read('/dev/zero')).toEqual({ kind: 'unreadable', reason: 'it is a device, not a regular file', notAFile: true });
  });

  it('refuses a file over the limit, saying its size', async () => {
    const file = path.join(tempDir(), 'big.yaml');
    writeFileSync(file, 'x'.repeat(MAX_FILE_BYTES + 10));
    expect(await read(file)).toEqual({ kind: 'too-large', size: MAX_FILE_BYTES + 10 });
  });

  // A regular file that fstat says is empty but holds megabytes (Linux's symbol table): what a file
  // that grew after fstat looks like. Reading stops one byte past the limit.
  const growing = '/proc/kallsyms';
  it.runIf(existsSync(growing) && statSync(growing).size === 0)('reads no more than the limit and one byte of a file larger than fstat said', async () => {
    expect(await read(growing)).toEqual({ kind: 'too-large', size: MAX_FILE_BYTES + 1 });
  });

  it('tells a folder and a missing file apart', async () => {
    const dir = tempDir();
    expect(await read(dir)).toEqual({ kind: 'directory' });
    expect(await read(path.join(dir, 'nope.yaml'))).toEqual({ kind: 'missing' });
  });

  it('with noFollow, refuses a symbolic link instead of reading its target', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'secret.yaml'), 'token: 123\n');
    symlinkSync('secret.yaml', path.join(dir, 'link.yaml'));
    expect(await read(path.join(dir, 'link.yaml'), { noFollow: true })).toEqual({ kind: 'unreadable', reason: 'it was replaced by a symbolic link while being checked' });
    expect((await read(path.join(dir, 'link.yaml'))).kind).toBe('ok');
  });
});

describe('findConfigFile', () => {
  it.each([
    ['a regular file', (file: string) => writeFileSync(file, 'rules: []\n')],
    ['a dangling link', (file: string) => symlinkSync('nowhere.yaml', file)],
    ['a folder', (file: string) => mkdirSync(file)],
    ['a named pipe', fifo],
  ])('finds %s with the config name, rather than skipping it for a parent folder', async (_name, make) => {
    const root = tempDir();
    writeFileSync(path.join(root, 'deal-triage.config.yaml'), 'rules: []\n');
    mkdirSync(path.join(root, 'team'));
    make(path.join(root, 'team/deal-triage.config.yaml'));
    expect(await findConfigFile(path.join(root, 'team'))).toBe(path.join(root, 'team/deal-triage.config.yaml'));
  });

  it('looks upwards when there is none', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'deal-triage.config.yml'), 'rules: []\n');
    mkdirSync(path.join(root, 'a/b'), { recursive: true });
    expect(await findConfigFile(path.join(root, 'a/b'))).toBe(path.join(root, 'deal-triage.config.yml'));
  });
});
