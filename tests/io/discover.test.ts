// Finding the deal files `check` reads (src/io/discover.ts), in temporary folders: every .yaml and
// .yml file under the paths, recursively, in a stable order, each once; the config file, dot-files,
// dot-folders and node_modules skipped; a path named on the command line taken whatever its name.

import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDealFiles } from '../../src/io/discover.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-discover-');

/** A temporary folder holding `files` (relative paths; a trailing slash makes an empty folder). */
function tree(files: readonly string[]): string {
  const root = tempDir();
  for (const file of files) {
    const full = path.join(root, file);
    if (file.endsWith('/')) {
      mkdirSync(full, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, 'id: x\n');
  }
  return root;
}

async function found(root: string, paths: string[]): Promise<string[]> {
  const result = await discoverDealFiles(paths, root);
  if (!result.ok) throw new Error(`discovery failed: ${JSON.stringify(result)}`);
  for (const file of result.files.filter((entry) => !entry.refused)) expect(file.path).toBe(realpathSync(path.resolve(root, file.file)));
  return result.files.map((file) => file.file);
}

/** What discovery found, each with the problem it is reported as instead of being read, if any. */
async function entries(root: string, paths: string[]): Promise<[string, string | null][]> {
  const result = await discoverDealFiles(paths, root);
  if (!result.ok) throw new Error(`discovery failed: ${JSON.stringify(result)}`);
  return result.files.map((file) => [file.file, file.refused?.rule ?? null]);
}

describe('what is a deal file', () => {
  it.each([
    // [name, files in the tree, expected]
    ['.yaml and .yml files, at any depth', ['deals/a.yaml', 'deals/b.yml', 'deals/eu/c.yaml', 'deals/eu/de/d.yml'], ['deals/a.yaml', 'deals/b.yml', 'deals/eu/c.yaml', 'deals/eu/de/d.yml']],
    ['not other extensions', ['deals/a.yaml', 'deals/notes.md', 'deals/a.json', 'deals/a.yaml.bak', 'deals/yaml', 'deals/README'], ['deals/a.yaml']],
    ['not the config file, under either name, at any depth', ['deals/a.yaml', 'deals/deal-triage.config.yaml', 'deals/eu/deal-triage.config.yml'], ['deals/a.yaml']],
    ['not dot-files', ['deals/a.yaml', 'deals/.hidden.yaml', 'deals/.draft.yml'], ['deals/a.yaml']],
    ['not in dot-folders', ['deals/a.yaml', 'deals/.git/x.yaml', 'deals/.github/workflows/ci.yml', 'deals/eu/.archive/old.yaml'], ['deals/a.yaml']],
    ['not in node_modules, at any depth', ['deals/a.yaml', 'deals/node_modules/pkg/x.yaml', 'deals/eu/node_modules/y.yml'], ['deals/a.yaml']],
    ['but a folder that only looks like one of those', ['deals/node_modules_old/a.yaml', 'deals/git/b.yaml', 'deals/config/deal-triage.yaml'], ['deals/config/deal-triage.yaml', 'deals/git/b.yaml', 'deals/node_modules_old/a.yaml']],
    ['nothing in empty folders', ['deals/empty/', 'deals/a.yaml'], ['deals/a.yaml']],
  ])('%s', async (_name, files, expected) => {
    expect(await found(tree(files), ['deals'])).toEqual(expected);
  });

  it('finds none in a folder without deal files (the command then stops with exit 2)', async () => {
    expect(await found(tree(['deals/notes.md', 'deals/.hidden.yaml', 'deals/sub/']), ['deals'])).toEqual([]);
  });
});

describe('order', () => {
  it('sorts by the path shown, code unit by code unit, whatever the order on disk', async () => {
    // Created out of order; '-' (0x2d) sorts before '/' (0x2f), capitals before lower case.
    const files = ['deals/b.yaml', 'deals/a/z.yaml', 'deals/a-b.yaml', 'deals/B.yaml', 'deals/a.yaml', 'deals/10.yaml', 'deals/9.yaml', 'deals/é.yaml'];
    const expected = ['deals/10.yaml', 'deals/9.yaml', 'deals/B.yaml', 'deals/a-b.yaml', 'deals/a.yaml', 'deals/a/z.yaml', 'deals/b.yaml', 'deals/é.yaml'];
    expect(await found(tree(files), ['deals'])).toEqual(expected);
  });

  it('sorts across the paths given, not in the order they were given', async () => {
    const root = tree(['b/1.yaml', 'a/2.yaml']);
    expect(await found(root, ['b', 'a'])).toEqual(['a/2.yaml', 'b/1.yaml']);
  });
});

describe('the paths given', () => {
  it('takes a file named explicitly, whatever its name', async () => {
    const root = tree(['deals/a.yaml', 'deals/.hidden.yaml', 'deals/notes.txt', 'deal-triage.config.yaml']);
    expect(await found(root, ['deals/.hidden.yaml', 'deals/notes.txt'])).toEqual(['deals/.hidden.yaml', 'deals/notes.txt']);
    expect(await found(root, ['deal-triage.config.yaml'])).toEqual(['deal-triage.config.yaml']);
  });

  it('walks a dot-folder named explicitly', async () => {
    expect(await found(tree(['.deals/a.yaml', '.deals/.b.yaml']), ['.deals'])).toEqual(['.deals/a.yaml']);
  });

  it.each([
    ['the same folder twice', ['deals', 'deals']],
    ['a folder and a file in it', ['deals', 'deals/a.yaml']],
    ['a file and the folder it is in', ['deals/a.yaml', 'deals']],
    ['the same folder spelled differently', ['deals', './deals/', 'deals/../deals']],
    ['a folder and its parent', ['deals/eu', 'deals']],
  ])('checks each file once: %s', async (_name, paths) => {
    expect(await found(tree(['deals/a.yaml', 'deals/eu/b.yaml']), paths)).toEqual(['deals/a.yaml', 'deals/eu/b.yaml']);
  });

  it('shows paths relative to the working folder, and absolute ones outside it', async () => {
    const root = tree(['inside/a.yaml']);
    const outside = tree(['b.yaml']);
    const result = await found(root, ['inside', path.join(outside, 'b.yaml')]);
    expect(result).toContain('inside/a.yaml');
    expect(result).toContain(path.join(outside, 'b.yaml').split(path.sep).join('/'));
  });

  it('reports every missing path, and the files under the others', async () => {
    const root = tree(['deals/a.yaml']);
    expect(await discoverDealFiles(['deals', 'nope', 'deals/missing.yaml', 'deals/a.yaml/child'], root)).toEqual({
      ok: false,
      missing: ['nope', 'deals/missing.yaml', 'deals/a.yaml/child'],
      unreadable: [],
      // The files under the paths that could be read: the command checks them, then reports the rest.
      files: [{ path: path.join(realpathSync(root), 'deals/a.yaml'), file: 'deals/a.yaml' }],
    });
  });
});

describe('symbolic links and files that are not regular files', () => {
  const link = (root: string, target: string, name: string) => symlinkSync(target, path.join(root, name));

  it('reads a link to a file inside the folder once, by its real path; does not follow a link to a folder', async () => {
    const root = tree(['deals/a.yaml', 'deals/sub/b.yaml', 'elsewhere/c.yaml']);
    link(root, 'sub/b.yaml', 'deals/b-link.yaml');
    link(root, path.join(root, 'elsewhere'), 'deals/linked');
    // A link back up the tree would never end if it were followed.
    link(root, root, 'deals/loop');
    link(root, path.join(root, 'deals'), 'deals/loop.yaml');
    // The same file by two names is checked once, under its own name rather than a link's.
    expect(await entries(root, ['deals'])).toEqual([
      ['deals/a.yaml', null],
      ['deals/sub/b.yaml', null],
    ]);
    const result = await discoverDealFiles(['deals'], root);
    expect(result.ok && result.files[1]?.path).toBe(realpathSync(path.join(root, 'deals/sub/b.yaml')));
    // Reached only through links, under the first of them in sort order.
    const linked = tree(['deals/.hidden/c.yaml']);
    link(linked, '.hidden/c.yaml', 'deals/z-link.yaml');
    link(linked, '.hidden/c.yaml', 'deals/m-link.yaml');
    expect(await entries(linked, ['deals'])).toEqual([['deals/m-link.yaml', null]]);
  });

  it.each([
    ['a link to a file outside the folder', (root: string) => link(root, path.join(root, 'secret.yaml'), 'deals/x.yaml'), 'file-outside-folder'],
    ['a relative link out of the folder', (root: string) => link(root, '../secret.yaml', 'deals/x.yaml'), 'file-outside-folder'],
    ['a link out through a linked folder', (root: string) => (link(root, root, 'deals/up'), link(root, 'up/secret.yaml', 'deals/x.yaml')), 'file-outside-folder'],
    ['a link to an absolute path outside', (root: string) => link(root, '/etc/hostname', 'deals/x.yaml'), 'file-outside-folder'],
    ['a dangling link', (root: string) => link(root, 'nowhere.yaml', 'deals/x.yaml'), 'file-unreadable'],
    ['a link to itself', (root: string) => link(root, 'x.yaml', 'deals/x.yaml'), 'file-unreadable'],
    ['a named pipe', (root: string) => execFileSync('mkfifo', [path.join(root, 'deals/x.yaml')]), 'not-a-file'],
    ['a link to a named pipe in the folder', (root: string) => (execFileSync('mkfifo', [path.join(root, 'deals/pipe')]), link(root, 'pipe', 'deals/x.yaml')), 'not-a-file'],
    ['a link to /dev/null', (root: string) => link(root, '/dev/null', 'deals/x.yaml'), 'not-a-file'],
  ])('reports %s as a problem of its own, never to be read', async (_name, make, rule) => {
    const root = tree(['deals/a.yaml', 'secret.yaml']);
    make(root);
    expect(await entries(root, ['deals'])).toEqual([
      ['deals/a.yaml', null],
      ['deals/x.yaml', rule],
    ]);
  });

  it('says why a link loop cannot be followed in words, as every other file-system error is said', async () => {
    const root = tree(['deals/a.yaml']);
    link(root, 'x.yaml', 'deals/x.yaml');
    link(root, 'loop.yaml', 'loop.yaml');
    const inFolder = await discoverDealFiles(['deals'], root);
    expect(inFolder.ok && inFolder.files[1]?.refused?.message).toBe('this is a symbolic link that cannot be followed: too many symbolic links (a link loop?)');
    expect(await discoverDealFiles(['loop.yaml'], root)).toEqual({
      ok: false,
      missing: [],
      unreadable: [{ path: 'loop.yaml', reason: 'too many symbolic links (a link loop?)' }],
      files: [],
    });
  });

  it('reads a link named on the command line, wherever it leads', async () => {
    const root = tree(['deals/a.yaml', 'elsewhere/b.yaml']);
    link(root, path.join(root, 'elsewhere/b.yaml'), 'deals/b.yaml');
    expect(await entries(root, ['deals/b.yaml'])).toEqual([['deals/b.yaml', null]]);
  });

  it('walks a folder named through a link as the folder it is: links inside it to its own files are read', async () => {
    const root = tree(['real/a.yaml', 'real/sub/b.yaml']);
    link(root, 'real', 'alias');
    link(root, 'sub/b.yaml', 'real/c.yaml');
    // c.yaml is b.yaml, shown under its own name.
    expect(await entries(root, ['alias'])).toEqual([
      ['alias/a.yaml', null],
      ['alias/sub/b.yaml', null],
    ]);
  });

  it('a hard link is a regular file: read (it is no way out of the folder)', async () => {
    const root = tree(['deals/a.yaml']);
    linkSync(path.join(root, 'deals/a.yaml'), path.join(root, 'deals/b.yaml'));
    expect(await found(root, ['deals'])).toEqual(['deals/a.yaml', 'deals/b.yaml']);
  });
});
