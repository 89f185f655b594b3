// import's cache, through the real CLI entry: on by default, in the user's cache folder, or where
// --cache-location says (most tests here, to see it); a re-import with the cache says and writes
// what one without it (--no-cache) does, cold and warm; what it keeps of a file stands only for the bytes
// it was kept with (shown by tampering with a kept verdict: a file as it was carries the mark, a file
// changed since does not); whatever is in the cache's place, the import is the import without it.

import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAMP_SETTLED_MS } from '../../src/check/cache.js';
import { userCacheFolder } from '../../src/io/import-cache.js';
import { run, STACK_FRAME } from '../helpers/cli.js';
import type { Run } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { copyExports, nextWeek, read } from '../helpers/import.js';

const CACHE = '.deal-triage-import-cache';
const tempDir = tempDirs('deal-triage-import-cache-');

const workspace = (...fixtures: string[]) => copyExports(tempDir(), ...fixtures);

const importIn = (dir: string, ...args: string[]) => run(['import', ...args], { cwd: dir });
/** The cache in the working folder, where the tests can see it. */
const CACHED = ['--cache-location', CACHE];
/** A first import, then a re-import, which keeps every file the first created. */
async function primed(dir: string, ...args: string[]): Promise<void> {
  for (let round = 0; round < 2; round++) await importIn(dir, 'hubspot.csv', ...CACHED, ...args);
}
const same = (a: Run, b: Run) => expect({ code: a.code, stdout: a.stdout, stderr: a.stderr }).toEqual({ code: b.code, stdout: b.stdout, stderr: b.stderr });

/** [file, content hash, [id, crm source, crm id, owned values, verdict] or null, stamp when kept] */
type Entry = [string, string, [string, string | null, string | null, unknown[], string | null] | null, number[]?];
interface CacheDocument {
  tool: string;
  import: number;
  files: Entry[];
}
const readCache = (dir: string, file = CACHE) => JSON.parse(read(dir, file)) as CacheDocument;
const readCacheAt = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheDocument;

/** Every verdict the cache at `file` keeps made "join": a deal the cache answers for says so, one read again does not. */
function everyVerdictJoin(file: string): CacheDocument {
  const document = readCacheAt(file);
  for (const entry of document.files) entry[2]![4] = 'join';
  writeFileSync(file, JSON.stringify(document));
  return document;
}

describe('import --cache', () => {
  it('says and writes what an import without it does: first import, unchanged re-import cold and warm, an update', async () => {
    const plain = workspace('hubspot.csv');
    const cached = workspace('hubspot.csv');
    same(await importIn(cached, 'hubspot.csv', ...CACHED), await importIn(plain, 'hubspot.csv', '--no-cache'));
    expect(existsSync(path.join(plain, CACHE))).toBe(false);
    // The files a first import creates are kept when the next import reads them.
    expect(readCache(cached).files).toEqual([]);
    same(await importIn(cached, 'hubspot.csv', ...CACHED), await importIn(plain, 'hubspot.csv', '--no-cache'));
    expect(readCache(cached).files.map((entry) => entry[0])).toEqual([
      'deals/hooli-search-appliance.yaml',
      'deals/pied-piper-compression-pilot.yaml',
      'deals/stark-industries-renewal.yaml',
      'deals/wayne-enterprises.yaml',
    ]);
    for (let round = 0; round < 2; round++) same(await importIn(cached, 'hubspot.csv', ...CACHED), await importIn(plain, 'hubspot.csv', '--no-cache'));
    for (const dir of [plain, cached]) nextWeek(dir);
    for (const format of ['text', 'json']) same(await importIn(cached, 'hubspot.csv', ...CACHED, '-f', format, '--dry-run'), await importIn(plain, 'hubspot.csv', '--no-cache', '-f', format, '--dry-run'));
    same(await importIn(cached, 'hubspot.csv', ...CACHED), await importIn(plain, 'hubspot.csv', '--no-cache'));
    expect(read(cached, 'deals/hooli-search-appliance.yaml')).toBe(read(plain, 'deals/hooli-search-appliance.yaml'));
    same(await importIn(cached, 'hubspot.csv', ...CACHED), await importIn(plain, 'hubspot.csv', '--no-cache'));
  });

  it('an entry stands for the bytes it was kept with only: a file edited by hand since is read again', async () => {
    const dir = workspace('hubspot.csv');
    await primed(dir);
    everyVerdictJoin(path.join(dir, CACHE));
    const tampered = await importIn(dir, 'hubspot.csv', ...CACHED);
    expect(tampered.stdout).toContain('as of 2026-12-01: 4 join, 0 wait, 0 decline');
    // By hand: the brief written, and the stage moved, of one deal.
    const file = path.join(dir, 'deals/pied-piper-compression-pilot.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8').replace('stage: qualification', 'stage: discovery')}objective: a line by hand\n`);
    const edited = await importIn(dir, 'hubspot.csv', ...CACHED);
    expect(edited.stdout).toContain('updated: 1\n  deals/pied-piper-compression-pilot.yaml  (line 3)\n    stage discovery → qualification\n');
    expect(edited.stdout).toContain('as of 2026-12-01: 3 join, 0 wait, 1 decline');
    expect(read(dir, 'deals/pied-piper-compression-pilot.yaml')).toContain('stage: qualification\n');
    expect(read(dir, 'deals/pied-piper-compression-pilot.yaml')).toContain('objective: a line by hand\n');
  });

  it('keeps a stamp for a file that had settled, and then reads the file again only when the file system says it changed, even to the same size with its old mtime', async () => {
    const dir = workspace('hubspot.csv');
    await importIn(dir, 'hubspot.csv', ...CACHED);
    await new Promise((resolve) => setTimeout(resolve, STAMP_SETTLED_MS + 250));
    await importIn(dir, 'hubspot.csv', ...CACHED);
    const document = readCache(dir);
    expect(document.files.map((entry) => entry.length)).toEqual([4, 4, 4, 4]);
    // Unchanged: the warm run writes the cache not again.
    const before = statSync(path.join(dir, CACHE)).mtimeMs;
    const text = read(dir, CACHE);
    await importIn(dir, 'hubspot.csv', ...CACHED);
    expect(read(dir, CACHE)).toBe(text);
    expect(statSync(path.join(dir, CACHE)).mtimeMs).toBe(before);
    everyVerdictJoin(path.join(dir, CACHE));
    // The same size, the same mtime, another stage: its ctime tells.
    const file = path.join(dir, 'deals/stark-industries-renewal.yaml');
    const { atime, mtime, size } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('stage: proposal', 'stage: discovery').replace('imported from', 'imported frm'));
    utimesSync(file, atime, mtime);
    expect(statSync(file).size).toBe(size);
    const result = await importIn(dir, 'hubspot.csv', ...CACHED);
    expect(result.stdout).toContain('  deals/stark-industries-renewal.yaml  (line 4)\n    stage discovery → proposal\n');
    expect(result.stdout).toContain('3 join');
  }, 20_000);

  it('--quiet keeps no verdicts; the next import with verdicts works them out', async () => {
    const plain = workspace('hubspot.csv');
    const cached = workspace('hubspot.csv');
    await primed(cached, '-q');
    await importIn(plain, 'hubspot.csv', '--no-cache');
    expect(readCache(cached).files.map((entry) => entry[2]![4])).toEqual([null, null, null, null]);
    same(await importIn(cached, 'hubspot.csv', ...CACHED), await importIn(plain, 'hubspot.csv', '--no-cache'));
    expect(readCache(cached).files.map((entry) => entry[2]![4])).toEqual(['decline', 'decline', 'decline', 'decline']);
  });

  it('a cache made with another config, or on another day, is not used', async () => {
    const dir = workspace('hubspot.csv');
    await primed(dir);
    const document = everyVerdictJoin(path.join(dir, CACHE));
    const tomorrow = await run(['import', 'hubspot.csv', ...CACHED, '--today', '2026-12-02'], { cwd: dir });
    expect(tomorrow.stdout).not.toContain('4 join');
    writeFileSync(path.join(dir, CACHE), JSON.stringify(document));
    writeFileSync(path.join(dir, 'deal-triage.config.yaml'), 'company:\n  name: Us\n  annual_revenue: 20000000\n  currency: USD\n');
    const configured = await importIn(dir, 'hubspot.csv', ...CACHED);
    expect(configured.code).toBe(0);
    expect(configured.stdout).not.toContain('4 join');
  });

  it('a temporary file of the cache left by an import that was stopped is removed by the next import with the cache', async () => {
    const dir = workspace('hubspot.csv');
    const dead = `.${CACHE}.4194305-0badc0de.tmp`;
    writeFileSync(path.join(dir, dead), '{"tool":"deal-triage",');
    const dry = await importIn(dir, 'hubspot.csv', ...CACHED, '--dry-run');
    expect(dry.stderr).toContain(`deal-triage: note: a temporary file left beside ${CACHE} by an import that was stopped is there; the next import removes it\n`);
    const result = await importIn(dir, 'hubspot.csv', ...CACHED);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`deal-triage: note: removed a temporary file left beside ${CACHE} by an import that was stopped\n`);
    expect(existsSync(path.join(dir, dead))).toBe(false);
  });

  it('--dry-run neither writes nor changes the cache', async () => {
    const dir = workspace('hubspot.csv');
    await importIn(dir, 'hubspot.csv', '--dry-run', ...CACHED);
    expect(existsSync(path.join(dir, CACHE))).toBe(false);
    await importIn(dir, 'hubspot.csv', ...CACHED);
    const text = read(dir, CACHE);
    nextWeek(dir);
    await importIn(dir, 'hubspot.csv', '--dry-run', ...CACHED);
    expect(read(dir, CACHE)).toBe(text);
  });
});

describe('the cache by default', () => {
  const cacheFolder = (home: string) => path.join(home, 'deal-triage');

  it("is on, in the user's cache folder ($XDG_CACHE_HOME, else ~/.cache), one file per working and deals folder, never in the project; --no-cache neither reads nor writes it", async () => {
    const dir = workspace('hubspot.csv');
    const xdg = tempDir();
    const env = { XDG_CACHE_HOME: xdg, HOME: '/nonexistent-home' };
    const first = await run(['import', 'hubspot.csv'], { cwd: dir, env });
    expect(first.code).toBe(0);
    // The next import reads the files the first created, and keeps them.
    await run(['import', 'hubspot.csv'], { cwd: dir, env });
    const [name, ...others] = readdirSync(cacheFolder(xdg));
    expect(others).toEqual([]);
    expect(name).toMatch(/^import-[0-9a-f]{16}$/);
    expect(readdirSync(dir).sort()).toEqual(['deals', 'hubspot.csv']);
    // Used: every verdict it keeps made "join" shows; --no-cache shows the deals' own.
    const file = path.join(cacheFolder(xdg), name!);
    const document = everyVerdictJoin(file);
    expect((await run(['import', 'hubspot.csv'], { cwd: dir, env })).stdout).toContain('4 join');
    const without = await run(['import', 'hubspot.csv', '--no-cache'], { cwd: dir, env });
    expect(without.stdout).toContain('0 join, 0 wait, 4 decline');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(document);
    // Another deals folder: another file.
    await run(['import', 'hubspot.csv', '--into', 'other'], { cwd: dir, env });
    expect(readdirSync(cacheFolder(xdg))).toHaveLength(2);
    // Without $XDG_CACHE_HOME: ~/.cache.
    const home = tempDir();
    await run(['import', 'hubspot.csv'], { cwd: dir, env: { HOME: home } });
    expect(readdirSync(path.join(home, '.cache', 'deal-triage'))).toHaveLength(1);
    // $XDG_CACHE_HOME not there yet, the folder above it there: made, as the XDG specification asks.
    const above = tempDir();
    await run(['import', 'hubspot.csv'], { cwd: dir, env: { XDG_CACHE_HOME: path.join(above, 'cache') } });
    expect(readdirSync(path.join(above, 'cache', 'deal-triage'))).toHaveLength(1);
  });

  it('a home or cache folder that does not exist is never made: then there is no cache', async () => {
    const dir = workspace('hubspot.csv');
    const gone = path.join(tempDir(), 'nonexistent');
    for (const env of [{ HOME: gone }, { XDG_CACHE_HOME: path.join(gone, 'cache'), HOME: tempDir() }]) {
      const result = await run(['import', 'hubspot.csv', '--dry-run'], { cwd: dir, env });
      expect(result.code).toBe(0);
      expect(existsSync(gone)).toBe(false);
      expect((await run(['import', 'hubspot.csv', '--into', `deals-${Object.keys(env).length}`], { cwd: dir, env })).code).toBe(0);
      expect(existsSync(gone)).toBe(false);
    }
  });

  it('whatever has its name in the tool\'s own cache folder and is not a cache (a crash can leave zeros) is replaced', async () => {
    const dir = workspace('hubspot.csv');
    const xdg = tempDir();
    const env = { XDG_CACHE_HOME: xdg };
    await run(['import', 'hubspot.csv'], { cwd: dir, env });
    const [name] = readdirSync(cacheFolder(xdg));
    const file = path.join(cacheFolder(xdg), name!);
    writeFileSync(file, Buffer.alloc(1624));
    const result = await run(['import', 'hubspot.csv'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('cache');
    expect(readCacheAt(file).import).toBe(2);
  });

  it('one that cannot be written is not a note: the user did not ask for it', async () => {
    const dir = workspace('hubspot.csv');
    const xdg = tempDir();
    writeFileSync(path.join(xdg, 'deal-triage'), 'a file where the folder would be\n');
    const result = await run(['import', 'hubspot.csv'], { cwd: dir, env: { XDG_CACHE_HOME: xdg } });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('cache');
    expect(readFileSync(path.join(xdg, 'deal-triage'), 'utf8')).toBe('a file where the folder would be\n');
  });

  it.each([
    ['linux', { XDG_CACHE_HOME: '/x/cache', HOME: '/home/me' }, '/x/cache/deal-triage'],
    ['linux', { XDG_CACHE_HOME: 'relative', HOME: '/home/me' }, '/home/me/.cache/deal-triage'],
    ['linux', {}, undefined],
    ['darwin', { HOME: '/Users/me', XDG_CACHE_HOME: '/x' }, '/Users/me/Library/Caches/deal-triage'],
    ['win32', { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local', HOME: '/home/me' }, undefined],
  ] as const)('on %s with %j: %s', (platform, env, expected) => {
    const found = userCacheFolder(env, platform)?.folder;
    // A Windows path is not absolute to this (POSIX) machine's path module: no folder here.
    expect(found).toBe(expected);
  });
});

describe('whatever is in the cache\'s place, the import is the import without it', () => {
  const damaged: [string, (text: string) => string][] = [
    ['not JSON', () => '{"tool":"deal-triage", oops'],
    ['cut short', (text) => text.slice(0, text.length / 2)],
    ['check\'s cache', (text) => text.replace('"import":2', '"format":3')],
    ['an older layout', (text) => text.replace('"import":2', '"import":1')],
    ['an entry of the wrong shape', (text) => text.replace(/"(join|wait|decline)"\]/, '"maybe"]')],
    ['an id no deal could have', (text) => text.replace(/\["hooli-search-appliance",/, '["Hooli\\u001b[2J",')],
    ['an owned value that is an object', (text) => text.replace('"Lee Park"', '{"a":1}')],
    ['an owned id that is not the id', (text) => text.replace(/\["hooli-search-appliance","hubspot","18342765401",\["hooli-search-appliance"/, '["hooli-search-appliance","hubspot","18342765401",["other-deal"')],
    ['empty', () => ''],
  ];
  it.each(damaged)('%s: ignored, and rewritten', async (_what, damage) => {
    const plain = workspace('hubspot.csv');
    const cached = workspace('hubspot.csv');
    await importIn(plain, 'hubspot.csv', '--no-cache');
    await primed(cached);
    const good = read(cached, CACHE);
    const bad = damage(good);
    expect(bad).not.toBe(good);
    writeFileSync(path.join(cached, CACHE), bad);
    nextWeek(plain);
    nextWeek(cached);
    const result = await importIn(cached, 'hubspot.csv', ...CACHED);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    same(result, await importIn(plain, 'hubspot.csv', '--no-cache'));
    expect(readCache(cached).import).toBe(2);
  });

  it('a file that is not a cache: left as it is, with a note', async () => {
    const dir = workspace('hubspot.csv');
    writeFileSync(path.join(dir, CACHE), 'my notes\n');
    const result = await importIn(dir, 'hubspot.csv', ...CACHED);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`deal-triage: cannot write the cache to ${CACHE}: a file that is not a deal-triage cache is there, and it is not replaced; remove it, or give --cache-location another name\n`);
    expect(read(dir, CACHE)).toBe('my notes\n');
  });

  it('a symbolic link in its place is neither read nor written through', async () => {
    const dir = workspace('hubspot.csv');
    writeFileSync(path.join(dir, 'elsewhere'), '{"tool":"deal-triage",');
    symlinkSync('elsewhere', path.join(dir, CACHE));
    const result = await importIn(dir, 'hubspot.csv', ...CACHED);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`deal-triage: cannot write the cache to ${CACHE}: it is a symbolic link, and links are not written through\n`);
    expect(readlinkSync(path.join(dir, CACHE))).toBe('elsewhere');
    expect(read(dir, 'elsewhere')).toBe('{"tool":"deal-triage",');
  });

  it('a folder: the cache goes inside it, named from the working folder', async () => {
    const dir = workspace('hubspot.csv');
    mkdirSync(path.join(dir, 'caches'));
    expect((await importIn(dir, 'hubspot.csv', '--cache-location', 'caches/')).code).toBe(0);
    expect(existsSync(path.join(dir, CACHE))).toBe(false);
    const [name] = readdirSync(path.join(dir, 'caches'));
    expect(name).toMatch(/^\.deal-triage-import-cache_[0-9a-f]{16}$/);
  });

  it('a folder keeps one file per working folder and deals folder', async () => {
    const dir = workspace('hubspot.csv');
    mkdirSync(path.join(dir, 'caches'));
    for (const into of ['deals', 'pipeline']) await importIn(dir, 'hubspot.csv', '--cache-location', 'caches', '--into', into);
    expect(readdirSync(path.join(dir, 'caches'))).toHaveLength(2);
  });

  it('--no-cache with --cache-location: a usage error, exit 2, nothing written', async () => {
    const dir = workspace('hubspot.csv');
    const result = await importIn(dir, 'hubspot.csv', '--no-cache', '--cache-location', CACHE);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--no-cache and --cache-location disagree: keep one');
    expect(readdirSync(dir)).toEqual(['hubspot.csv']);
  });

  it.each([
    ['deals/cache.yaml', '--cache-location deals/cache.yaml: the cache is not a deal file; give it a name that does not end in .yaml or .yml'],
    ['hubspot.csv', '--cache-location hubspot.csv is hubspot.csv, which this import reads; keep the cache somewhere else'],
    ['', '--cache-location needs a path: a file, or a folder to keep the cache in'],
  ])('--cache-location %j: a usage error, exit 2, nothing written', async (location, message) => {
    const dir = workspace('hubspot.csv');
    const csv = read(dir, 'hubspot.csv');
    const result = await importIn(dir, 'hubspot.csv', '--cache-location', location);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(path.join(dir, 'deals'))).toBe(false);
    expect(read(dir, 'hubspot.csv')).toBe(csv);
  });
});
