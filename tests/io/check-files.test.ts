// Reading and checking the files `check` found (src/io/check-files.ts), on this thread: how many
// threads a folder gets, and what a file that cannot be read becomes. Worker threads exist only in
// the built output; tests/cli/check-bin.test.ts compares them with this thread.

import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, checkOne, PARALLEL_MIN_FILES, threadsFor } from '../../src/io/check-files.js';
import { MAX_FILE_BYTES } from '../../src/load/limits.js';
import { dealYaml, loadConfig } from '../check/helpers.js';
import { tempDirs } from '../helpers/temp.js';
import { AS_OF } from '../helpers/paths.js';

const config = loadConfig();
const root = tempDirs('deal-triage-check-files-')();

describe('threadsFor', () => {
  const idle = (cores: number) => ({ cores, load: 0 });
  it.each([
    ['off, a large folder', 100_000, 'off', idle(8), 1],
    ['auto, a folder just too small for workers', PARALLEL_MIN_FILES - 1, 'auto', idle(8), 1],
    ['auto, a large folder, 2 idle cores', PARALLEL_MIN_FILES, 'auto', idle(2), 2],
    ['auto, a large folder, 8 idle cores', 100_000, 'auto', idle(8), 8],
    ['auto, a large folder, 1 core', 100_000, 'auto', idle(1), 1],
    ['auto, a large folder, 2 cores, one busy', 100_000, 'auto', { cores: 2, load: 1.2 }, 1],
    ['auto, a large folder, 8 cores, 5.6 busy', 100_000, 'auto', { cores: 8, load: 5.6 }, 2],
    ['auto, a large folder, more load than cores', 100_000, 'auto', { cores: 4, load: 9 }, 1],
    ['2, a small folder', 700, 2, idle(1), 2],
    ['8, fewer batches than threads', 300, 8, idle(8), 2],
    ['2, one file', 1, 2, idle(8), 1],
    ['1', 5000, 1, idle(8), 1],
  ] as const)('%s', (_name, files, concurrency, machine, threads) => {
    expect(threadsFor(files, concurrency, machine)).toBe(threads);
  });
});

describe('checkOne', () => {
  const entry = (name: string) => ({ path: path.join(root, name), file: `deals/${name}` });

  it('checks a readable file', () => {
    writeFileSync(path.join(root, 'ok.yaml'), dealYaml({ id: 'ok' }));
    expect(checkOne(entry('ok.yaml'), config, AS_OF)).toMatchObject({ file: 'deals/ok.yaml', problems: [], deal: { id: 'ok', verdict: 'join' } });
  });

  it.each([
    ['a file over 1 MiB', 'large.yaml', () => writeFileSync(path.join(root, 'large.yaml'), `# ${'x'.repeat(MAX_FILE_BYTES)}\n`), 'file-too-large'],
    ['a file gone before it was read', 'gone.yaml', () => undefined, 'file-unreadable'],
    ['a folder with a deal file name', 'folder.yaml', () => mkdirSync(path.join(root, 'folder.yaml')), 'file-unreadable'],
  ])('reports %s as a problem of that file, at 1:1, and goes on', (_name, name, make, rule) => {
    make();
    const report = checkOne(entry(name), config, AS_OF);
    expect(report.deal).toBeUndefined();
    expect(report.problems).toEqual([{ file: `deals/${name}`, line: 1, column: 1, rule, severity: 'error', message: expect.any(String) as string }]);
  });

  it.each([
    ['a file swapped for a named pipe after it was found', 'swapped-pipe.yaml', () => execFileSync('mkfifo', [path.join(root, 'swapped-pipe.yaml')]), 'not-a-file'],
    ['a file swapped for a link after it was found', 'swapped-link.yaml', () => (writeFileSync(path.join(root, 'target.yaml'), dealYaml()), symlinkSync('target.yaml', path.join(root, 'swapped-link.yaml'))), 'file-unreadable'],
  ])('reports %s without waiting or following it', { timeout: 10_000 }, (_name, name, make, rule) => {
    make();
    expect(checkOne(entry(name), config, AS_OF).problems).toEqual([{ file: `deals/${name}`, line: 1, column: 1, rule, severity: 'error', message: expect.any(String) as string }]);
  });

  it('reports a file discovery refused as its problem, without reading it', () => {
    writeFileSync(path.join(root, 'refused.yaml'), dealYaml({ id: 'refused' }));
    const refused = { rule: 'file-outside-folder', message: 'this is a symbolic link to a file outside the folder' } as const;
    expect(checkOne({ ...entry('refused.yaml'), refused }, config, AS_OF)).toEqual({
      file: 'deals/refused.yaml',
      problems: [{ file: 'deals/refused.yaml', line: 1, column: 1, severity: 'error', ...refused }],
    });
  });

  it('checkFiles keeps the order of the files given, broken ones included', async () => {
    writeFileSync(path.join(root, 'a.yaml'), dealYaml({ id: 'a' }));
    writeFileSync(path.join(root, 'b.yaml'), 'id: [\n');
    const files = ['b.yaml', 'missing.yaml', 'a.yaml'].map(entry);
    const reports = await checkFiles(files, config, 'auto', AS_OF);
    expect(reports.map((r) => [r.file, r.deal?.id ?? null, r.problems.map((p) => p.rule)])).toEqual([
      ['deals/b.yaml', null, ['yaml-syntax']],
      ['deals/missing.yaml', null, ['file-unreadable']],
      ['deals/a.yaml', 'a', []],
    ]);
  });
});
