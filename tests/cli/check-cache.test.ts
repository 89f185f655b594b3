// `deal-triage check --cache`, through the real CLI entry: the output is the same bytes with and
// without the cache, cold and warm; a warm run reuses what it kept (shown by tampering with the
// kept reports: what a run reuses carries the mark, what it checks again does not); whatever is in
// the cache's place, the run's output and exit code are those of a run without it.

import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_FORMATS } from '../../src/format/check/index.js';
import { CACHE_FORMAT, STAMP_SETTLED_MS } from '../../src/check/cache.js';
import { cacheLimit } from '../../src/io/check-cache.js';
import { snapshotFolder } from '../check/helpers.js';
import { ANSI, ROOT, run, STACK_FRAME } from '../helpers/cli.js';
import type { Run } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const CONFIG = 'fixtures/deal-triage.config.yaml';
const CACHE = '.deal-triage-cache';
const MARK = ' (kept)';
const FOLDER_RULES = new Set(['duplicate-id', 'over-capacity']);

const tempDir = tempDirs('deal-triage-check-cache-');

/** A working folder: the fixtures' problems, valid deals and invalid files under deals/, and the config. */
function workspace(): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'fixtures/check/problems'), path.join(dir, 'deals/problems'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/deals'), path.join(dir, 'deals/valid'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/invalid'), path.join(dir, 'deals/invalid'), { recursive: true });
  cpSync(path.join(ROOT, CONFIG), path.join(dir, 'deal-triage.config.yaml'));
  return dir;
}

const checkIn = (cwd: string, ...args: string[]) => run(['check', ...args], { cwd });
const same = (a: Run, b: Run) => expect({ code: a.code, stdout: a.stdout, stderr: a.stderr }).toEqual({ code: b.code, stdout: b.stdout, stderr: b.stderr });

/** [content hash, problems, deal or null, stamp when kept] */
type CacheEntry = [string, unknown[][], unknown[] | null] | [string, unknown[][], unknown[] | null, number[]];
interface CacheDocument {
  version: string;
  node: string;
  config: string;
  today: string;
  files: Record<string, CacheEntry>;
}
const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheDocument;
/**
 * A cache's text without its entries' stamps: what the file system says of a file is kept only once
 * the file has been unchanged for a while, so the same files can be kept with stamps or without.
 */
const unstamped = (file: string) => {
  const document = readCache(file);
  for (const name of Object.keys(document.files)) document.files[name] = document.files[name]!.slice(0, 3) as CacheEntry;
  return JSON.stringify(document);
};

/** Marks every message the cache keeps, so that a report reused from it shows. */
function tamper(file: string, edit: (document: CacheDocument) => void = () => undefined): void {
  const document = readCache(file);
  for (const [, problems, deal] of Object.values(document.files)) {
    for (const p of problems) p[4] = `${String(p[4])}${MARK}`;
    for (const reason of (deal?.[3] ?? []) as string[][]) reason[1] = `${reason[1]}${MARK}`;
  }
  edit(document);
  writeFileSync(file, JSON.stringify(document));
}

/** For each file of a JSON report: whether its report came from the cache (every message marked) or was made (none). */
function origins(stdout: string): Record<string, 'kept' | 'checked' | 'mixed'> {
  const report = JSON.parse(stdout) as { files: { file: string; reasons: { message: string }[]; problems: { rule: string; message: string }[] }[] };
  return Object.fromEntries(
    report.files.map((file) => {
      const messages = [...file.reasons, ...file.problems.filter((p) => !FOLDER_RULES.has(p.rule))].map((m) => m.message);
      const marked = messages.filter((m) => m.endsWith(MARK)).length;
      return [file.file, marked === 0 ? 'checked' : marked === messages.length ? 'kept' : 'mixed'];
    }),
  );
}
const everyFile = (stdout: string, origin: string) => Object.fromEntries(Object.keys(origins(stdout)).map((file) => [file, origin]));

describe('the same output with and without --cache', () => {
  it.each(CHECK_FORMATS)('%s: cold and warm runs give the bytes and exit code of a run without the cache', async (format) => {
    const dir = workspace();
    const plain = await checkIn(dir, '--format', format);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/yaml-syntax/);
    const cold = await checkIn(dir, '--format', format, '--cache');
    expect(existsSync(path.join(dir, CACHE))).toBe(true);
    const warm = await checkIn(dir, '--format', format, '--cache');
    same(cold, plain);
    same(warm, plain);
  });

  it.each(CHECK_FORMATS.filter((format) => format !== 'json'))('a cache made by a %s run gives json its reasons (which only json prints)', async (format) => {
    const dir = workspace();
    const plain = await checkIn(dir, '--format', 'json');
    expect(plain.stdout).toMatch(/"reasons": \[\n\s+\{/);
    await checkIn(dir, '--format', format, '--cache');
    const warm = await checkIn(dir, '--format', 'json', '--cache');
    same(warm, plain);
  });

  it('is the same for the fixtures as the repository has them, and --cache-location alone writes nothing (as ESLint)', async () => {
    const dir = tempDir();
    const before = snapshotFolder(path.join(ROOT, 'fixtures'));
    const plain = await run(['check', '--config', CONFIG, '--format', 'json', 'fixtures']);
    const location = path.join(dir, 'cache');
    expect(await run(['check', '--config', CONFIG, '--format', 'json', '--cache-location', location, 'fixtures'])).toEqual(plain);
    expect(existsSync(location)).toBe(false);
    for (let i = 0; i < 2; i++) same(await run(['check', '--config', CONFIG, '--format', 'json', '--cache', '--cache-location', location, 'fixtures']), plain);
    expect(snapshotFolder(path.join(ROOT, 'fixtures'))).toEqual(before);
  });
});

describe('what a warm run reuses', () => {
  it('every unchanged file, and none that changed; the folder rules are worked out again', async () => {
    const dir = workspace();
    await checkIn(dir, '--cache', '--format', 'json');
    const cache = path.join(dir, CACHE);
    tamper(cache);
    const warm = await checkIn(dir, '--cache', '--format', 'json');
    expect(origins(warm.stdout)).toEqual(everyFile(warm.stdout, 'kept'));
    // duplicate-id comes from the folder rules, not the cache: unmarked.
    expect(warm.stdout).toMatch(/"rule": "duplicate-id",\s+"severity": "error",\s+"message": "the id \\"acme-plants\\" is also used by [^"]*: each deal needs its own id"/);

    // A file changed (one byte): checked again, and its new report kept in place of the old one.
    const changed = path.join(dir, 'deals/valid/hooli-expansion.yaml');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}# reviewed\n`);
    const after = await checkIn(dir, '--cache', '--format', 'json');
    expect(origins(after.stdout)).toEqual({ ...everyFile(after.stdout, 'kept'), 'deals/valid/hooli-expansion.yaml': 'checked' });
    same(after, { ...(await checkIn(dir, '--format', 'json')), stdout: after.stdout });
  });

  it("a run whose format does not print reasons keeps those a json run cached; a file it checks again it keeps without them", async () => {
    const dir = workspace();
    await checkIn(dir, '--cache', '--format', 'json');
    const cache = path.join(dir, CACHE);
    tamper(cache);
    const kept = unstamped(cache);
    // Every file unchanged: the stylish run uses each kept report as it is, and leaves the cache as it was.
    expect((await checkIn(dir, '--cache')).stdout).toContain(MARK);
    expect(unstamped(cache)).toBe(kept);
    // One file changed: the stylish run rewrites the cache, the others' entries (reasons and all) as they were.
    const changed = path.join(dir, 'deals/valid/hooli-expansion.yaml');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}# reviewed\n`);
    await checkIn(dir, '--cache');
    expect(readCache(cache).files['deals/valid/hooli-expansion.yaml']![2]![3]).toBeNull();
    const after = await checkIn(dir, '--cache', '--format', 'json');
    expect(origins(after.stdout)).toEqual({ ...everyFile(after.stdout, 'kept'), 'deals/valid/hooli-expansion.yaml': 'checked' });
    same(after, { ...(await checkIn(dir, '--format', 'json')), stdout: after.stdout });
  });

  it('a renamed or moved file is reported under its new name, never its old one', async () => {
    const dir = workspace();
    await checkIn(dir, '--cache', '--format', 'json');
    tamper(path.join(dir, CACHE));
    renameSync(path.join(dir, 'deals/problems/wrong-type.yaml'), path.join(dir, 'deals/problems/moved-wrong-type.yaml'));
    mkdirSync(path.join(dir, 'deals/archive'));
    renameSync(path.join(dir, 'deals/valid/stark-pilot.yaml'), path.join(dir, 'deals/archive/stark-pilot.yaml'));

    const warm = await checkIn(dir, '--cache', '--format', 'json');
    expect(warm.stdout).not.toContain('deals/problems/wrong-type.yaml');
    expect(warm.stdout).not.toContain('deals/valid/stark-pilot.yaml');
    const found = origins(warm.stdout);
    expect(found['deals/problems/moved-wrong-type.yaml']).toBe('checked');
    expect(found['deals/archive/stark-pilot.yaml']).toBe('checked');
    const report = JSON.parse(warm.stdout) as { files: { file: string; problems: { file: string }[] }[] };
    for (const file of report.files) for (const p of file.problems) expect(p.file).toBe(file.file);

    // The old names are gone from the cache; the new ones are in it.
    const kept = Object.keys(readCache(path.join(dir, CACHE)).files);
    expect(kept).toContain('deals/problems/moved-wrong-type.yaml');
    expect(kept).not.toContain('deals/problems/wrong-type.yaml');
    expect(kept).not.toContain('deals/valid/stark-pilot.yaml');
  });

  it('holds the files of the last run only, sorted, and the same bytes for the same files', async () => {
    const dir = workspace();
    const cache = path.join(dir, CACHE);
    await checkIn(dir, '--cache', '--format', 'json');
    const first = unstamped(cache);
    expect(readFileSync(cache, 'utf8')).not.toMatch(/"\d{4}-\d{2}-\d{2}T/);
    const names = Object.keys(readCache(cache).files);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('deals/invalid/malformed.yaml');

    rmSync(path.join(dir, 'deals/invalid'), { recursive: true });
    await checkIn(dir, '--cache', '--format', 'json');
    expect(Object.keys(readCache(cache).files).filter((name) => name.startsWith('deals/invalid/'))).toEqual([]);

    // The files back: the cache is again what a cold run makes, byte for byte.
    cpSync(path.join(ROOT, 'fixtures/invalid'), path.join(dir, 'deals/invalid'), { recursive: true });
    await checkIn(dir, '--cache', '--format', 'json');
    expect(unstamped(cache)).toBe(first);
    rmSync(cache);
    await checkIn(dir, '--cache', '--format', 'json');
    expect(unstamped(cache)).toBe(first);
  });
});

describe("a file the file system says is as it was (its stamp: device, inode, size, mtime, ctime)", () => {
  it('is not read again; one edited in place, even to the same size with its old mtime, is; one changed just before a run keeps no stamp', async () => {
    const dir = workspace();
    const cache = path.join(dir, CACHE);
    // Unchanged for long enough before the run reads them: each file's stamp is kept with its hash.
    await new Promise((resolve) => setTimeout(resolve, STAMP_SETTLED_MS + 250));
    await checkIn(dir, '--cache', '--format', 'json');
    const file = 'deals/valid/hooli-expansion.yaml';
    const info = lstatSync(path.join(dir, file));
    expect(readCache(cache).files[file]![3]).toEqual([info.dev, info.ino, info.size, info.mtimeMs, info.ctimeMs]);

    // A hash that is no file's: a file whose stamp is as kept is not read, so its kept report
    // stands; a file not read could not tell.
    tamper(cache, (d) => {
      for (const entry of Object.values(d.files)) entry[0] = 'not-the-hash';
    });
    const warm = await checkIn(dir, '--cache', '--format', 'json');
    expect(origins(warm.stdout)).toEqual(everyFile(warm.stdout, 'kept'));

    // The same size, the old mtime put back: its ctime has changed, so it is read (and checked).
    const text = readFileSync(path.join(dir, file), 'utf8');
    writeFileSync(path.join(dir, file), text.replace('Hooli', 'Hoopy'));
    utimesSync(path.join(dir, file), info.atime, info.mtime);
    expect(lstatSync(path.join(dir, file)).size).toBe(info.size);
    const after = await checkIn(dir, '--cache', '--format', 'json');
    expect(origins(after.stdout)[file]).toBe('checked');
    expect(after.stdout).toContain('Hoopy');
    // Changed just now: kept without a stamp, so the next run reads it.
    expect(readCache(cache).files[file]).toHaveLength(3);
    expect(readCache(cache).files['deals/valid/acme-plants.yaml']).toHaveLength(4);
  });
});

describe('what makes the whole cache stale', () => {
  const configFile = (dir: string) => path.join(dir, 'deal-triage.config.yaml');

  it.each([
    ['another version of the tool', (_dir: string, d: CacheDocument) => (d.version = '0.0.1')],
    ['another version of Node', (_dir: string, d: CacheDocument) => (d.node = 'v18.0.0')],
    ['another day (--today)', (_dir: string, d: CacheDocument) => (d.today = '2026-11-30')],
    ['a changed policy', (dir: string) => writeFileSync(configFile(dir), readFileSync(configFile(dir), 'utf8').replace(/ceo_capacity: \d+/, 'ceo_capacity: 7'))],
    ['another company currency', (dir: string) => writeFileSync(configFile(dir), readFileSync(configFile(dir), 'utf8').replace(/currency: USD/, 'currency: EUR'))],
    ['a rule of its own', (dir: string) => writeFileSync(configFile(dir), readFileSync(configFile(dir), 'utf8').replace('rules: []', 'rules:\n  - id: small-deal\n    enabled: false\n'))],
  ])('%s: every file is checked again', async (_name, change) => {
    const dir = workspace();
    expect(readFileSync(configFile(dir), 'utf8')).toMatch(/ceo_capacity: \d+[\s\S]*currency: USD|currency: USD[\s\S]*ceo_capacity/);
    await checkIn(dir, '--cache', '--format', 'json');
    tamper(path.join(dir, CACHE), (document) => change(dir, document));
    const warm = await checkIn(dir, '--cache', '--format', 'json');
    expect(origins(warm.stdout)).toEqual(everyFile(warm.stdout, 'checked'));
    same(warm, await checkIn(dir, '--format', 'json'));
    // And rewritten for this run: the next one reuses it.
    tamper(path.join(dir, CACHE));
    expect(origins((await checkIn(dir, '--cache', '--format', 'json')).stdout)).toEqual(everyFile(warm.stdout, 'kept'));
  });

  it('a cache made on another --today is not reused: a close date that had not passed then has now', async () => {
    const dir = workspace();
    const onDay = (today: string, ...args: string[]) => run(['check', '--today', today, ...args], { cwd: dir });
    await onDay('2026-12-01', '--cache', '--format', 'json');
    tamper(path.join(dir, CACHE));
    // On the same day, given by the variable rather than the option: the same run, the cache reused.
    const sameDay = await run(['check', '--cache', '--format', 'json'], { cwd: dir, env: { DEAL_TRIAGE_TODAY: '2026-12-01' } });
    expect(origins(sameDay.stdout)).toEqual(everyFile(sameDay.stdout, 'kept'));

    const later = await onDay('2027-01-10', '--cache', '--format', 'json');
    expect(origins(later.stdout)).toEqual(everyFile(later.stdout, 'checked'));
    same(later, await onDay('2027-01-10', '--format', 'json'));
    // acme-plants closes 2026-12-15: on 2027-01-10 that has passed.
    expect(later.stdout).toContain('"rule": "close-date-passed"');
    expect(readCache(path.join(dir, CACHE)).today).toBe('2027-01-10');
  });

  it('the same config written in another order is the same config', async () => {
    const dir = workspace();
    await checkIn(dir, '--cache', '--format', 'json');
    tamper(path.join(dir, CACHE));
    const text = readFileSync(configFile(dir), 'utf8');
    const [head, policy] = text.split(/^(?=policy:)/m);
    expect(policy).toBeDefined();
    // The sections swapped, and a comment: a different file, the same config.
    writeFileSync(configFile(dir), `${policy!.trimEnd()}\n# reordered\n${head!}`);
    const warm = await checkIn(dir, '--cache', '--format', 'json');
    expect(warm.code).toBe(1);
    expect(origins(warm.stdout)).toEqual(everyFile(warm.stdout, 'kept'));
  });
});

describe('a cache that cannot be used is ignored, never an error', () => {
  const valid = (dir: string) => readFileSync(path.join(dir, CACHE), 'utf8');
  const document = (dir: string) => readCache(path.join(dir, CACHE));
  const entry = (dir: string, edit: (e: CacheEntry) => void) => {
    const d = document(dir);
    for (const e of Object.values(d.files)) edit(e);
    return JSON.stringify(d);
  };

  it.each<[string, (dir: string) => string | Buffer]>([
    ['empty', () => ''],
    ['cut short', (dir) => valid(dir).slice(0, valid(dir).length / 2)],
    ['files that is not a map', (dir) => JSON.stringify({ ...document(dir), files: [] })],
    ['not UTF-8', (dir) => Buffer.concat([Buffer.from(valid(dir).slice(0, 200)), Buffer.from([0xff, 0xfe]), Buffer.from(valid(dir).slice(200))])],
    ['the layout before this one', (dir) => JSON.stringify({ ...document(dir), format: CACHE_FORMAT - 1 })],
    ['a hash that is a number', (dir) => entry(dir, (e) => (e[0] = 42 as unknown as string))],
    ['an entry of two parts', (dir) => entry(dir, (e) => e.splice(2))],
  ])('%s: the output and exit code of a run without it; rewritten', async (_name, make) => {
    const dir = workspace();
    const plain = await checkIn(dir, '--format', 'json');
    await checkIn(dir, '--cache', '--format', 'json');
    // Each entry also marked, so that one used despite the damage would show.
    tamper(path.join(dir, CACHE));
    writeFileSync(path.join(dir, CACHE), make(dir));
    const run1 = await checkIn(dir, '--cache', '--format', 'json');
    same(run1, plain);
    expect(run1.stderr).not.toMatch(STACK_FRAME);
    // Rewritten: a cache the next run reuses.
    tamper(path.join(dir, CACHE));
    expect(origins((await checkIn(dir, '--cache', '--format', 'json')).stdout)).toEqual(everyFile(plain.stdout, 'kept'));
  });

  it.each<[string, (dir: string) => string]>([
    ['not JSON', () => 'deal-triage cache, honest\n'],
    ['JSON of another shape', () => JSON.stringify([1, 2, 3])],
    ['another tool', (dir) => JSON.stringify({ ...document(dir), tool: 'eslint' })],
  ])('%s (not begun as this tool writes a cache): the output and exit code of a run without it, a note, and the file left as it is', async (_name, make) => {
    const dir = workspace();
    const plain = await checkIn(dir, '--format', 'json');
    await checkIn(dir, '--cache', '--format', 'json');
    const text = make(dir);
    writeFileSync(path.join(dir, CACHE), text);
    const run = await checkIn(dir, '--cache', '--format', 'json');
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: plain.code, stdout: plain.stdout });
    expect(run.stderr).toBe(`${plain.stderr}deal-triage: cannot write the cache to ${CACHE}: a file that is not a deal-triage cache is there, and it is not replaced; remove it, or give --cache-location another name\n`);
    expect(readFileSync(path.join(dir, CACHE), 'utf8')).toBe(text);
  });

  type Damage = (e: CacheEntry) => boolean;
  const inProblems = (edit: (p: unknown[]) => void): Damage => (e) => (e[1].forEach(edit), e[1].length > 0);
  const inDeal = (edit: (d: unknown[]) => void): Damage => (e) => (e[2] ? (edit(e[2]), true) : false);

  it.each<[string, Damage]>([
    ['a line that is text', inProblems((p) => (p[0] = '3'))],
    ['a column of 0', inProblems((p) => (p[1] = 0))],
    ['a rule id with a terminal escape', inProblems((p) => (p[2] = 'x\u001b[2J'))],
    ['a severity of its own', inProblems((p) => (p[3] = 'fatal'))],
    ['a problem with a field more', inProblems((p) => p.push('more'))],
    ['a message that is not text', inProblems((p) => (p[4] = { toString: 'x' }))],
    ['a verdict of its own', inDeal((d) => (d[2] = 'maybe'))],
    ['a deal id with a newline', inDeal((d) => (d[0] = 'ok\nnot'))],
    ['a negative potential value', inDeal((d) => (d[4] = -1))],
    ['a currency in lower case', inDeal((d) => (d[5] = 'usd'))],
    ['a reason without its message', inDeal((d) => (d[3] as unknown[][]).forEach((r) => r.pop()))],
    ['a hash that is a number', (e) => ((e[0] = 42 as unknown as string), true)],
    ['a stamp of four numbers', (e) => ((e as unknown[])[3] = [1, 2, 3, 4], true)],
    ['a stamp with a number that is text', (e) => ((e as unknown[])[3] = [1, 2, 3, 4, '5'], true)],
  ])('an entry with %s: that file is checked again, the others are reused', async (_name, damage) => {
    const dir = workspace();
    const plain = await checkIn(dir, '--format', 'json');
    await checkIn(dir, '--cache', '--format', 'json');
    tamper(path.join(dir, CACHE));
    const d = document(dir);
    const damaged = Object.entries(d.files).filter(([, e]) => damage(e)).map(([file]) => file);
    expect(damaged.length).toBeGreaterThan(0);
    writeFileSync(path.join(dir, CACHE), JSON.stringify(d));
    const warm = await checkIn(dir, '--cache', '--format', 'json');
    expect(origins(warm.stdout)).toEqual({ ...everyFile(plain.stdout, 'kept'), ...Object.fromEntries(damaged.map((file) => [file, 'checked'])) });
    same({ ...warm, stdout: warm.stdout.replaceAll(MARK, '') }, plain);
  });

  it('a message kept in the cache is printed sanitised, as any message is', async () => {
    const dir = workspace();
    await checkIn(dir, '--cache', '--format', 'json');
    writeFileSync(path.join(dir, CACHE), entry(dir, (e) => e[1].forEach((p) => (p[4] = 'cleared\u001b[2J\u001b]8;;https://evil.example\u0007screen'))));
    const warm = await checkIn(dir, '--cache', '--format', 'json');
    expect(warm.stdout).toContain('cleared');
    expect(warm.stdout).not.toMatch(ANSI);
    // eslint-disable-next-line no-control-regex
    expect(warm.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('a cache larger than the bound for the folder is not read', async () => {
    const dir = workspace();
    const plain = await checkIn(dir, '--format', 'json');
    await checkIn(dir, '--cache', '--format', 'json');
    tamper(path.join(dir, CACHE));
    const files = Object.keys(document(dir).files).length;
    const text = valid(dir);
    writeFileSync(path.join(dir, CACHE), `${text.trimEnd()}${' '.repeat(cacheLimit(files))}\n`);
    same(await checkIn(dir, '--cache', '--format', 'json'), plain);
  });

  it('a folder in its place: the cache goes inside it', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, CACHE));
    const plain = await checkIn(dir);
    same(await checkIn(dir, '--cache'), plain);
    expect(readdirSync(path.join(dir, CACHE))).toEqual([expect.stringMatching(/^\.deal-triage-cache_[0-9a-f]{16}$/)]);
  });
});

describe('a cache that cannot be written is a note, and the exit code is unchanged', () => {
  it.each([
    ['package.json', '{"name":"my-app"}\n'],
    ['README.md', '# notes\n'],
    ['a cache of another tool', '{"tool":"other","format":1}\n'],
  ])('a file that is not a cache in its place (%s) is never replaced', async (_name, text) => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'kept'), text);
    const plain = await checkIn(dir);
    const result = await checkIn(dir, '--cache', '--cache-location', 'kept');
    expect(result.code).toBe(plain.code);
    expect(result.stdout).toBe(plain.stdout);
    expect(result.stderr).toBe(
      `${plain.stderr}deal-triage: cannot write the cache to kept: a file that is not a deal-triage cache is there, and it is not replaced; remove it, or give --cache-location another name\n`,
    );
    expect(readFileSync(path.join(dir, 'kept'), 'utf8')).toBe(text);
  });

  it.each([
    ['empty', () => ''],
    ['cut short in its first bytes', (cache: string) => cache.slice(0, 5)],
    ['cut short after them', (cache: string) => cache.slice(0, 200)],
  ])('a cache %s is rewritten', async (_name, cut) => {
    const dir = workspace();
    await checkIn(dir, '--cache');
    const whole = readFileSync(path.join(dir, CACHE), 'utf8');
    const kept = unstamped(path.join(dir, CACHE));
    writeFileSync(path.join(dir, CACHE), cut(whole));
    const plain = await checkIn(dir);
    same(await checkIn(dir, '--cache'), plain);
    expect(unstamped(path.join(dir, CACHE))).toBe(kept);
  });

  it('a file where its folder should be', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'notes.txt'), 'keep me\n');
    const plain = await checkIn(dir);
    const result = await checkIn(dir, '--cache', '--cache-location', 'notes.txt/cache');
    expect(result.code).toBe(plain.code);
    expect(result.stdout).toBe(plain.stdout);
    expect(result.stderr).toBe(`${plain.stderr}deal-triage: cannot write the cache to notes.txt/cache: part of the path is a file, not a folder\n`);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('keep me\n');
  });

  it('a named pipe in its place: not read (the run does not wait for a writer), not written', async () => {
    const dir = workspace();
    execFileSync('mkfifo', [path.join(dir, CACHE)]);
    const plain = await checkIn(dir);
    const result = await checkIn(dir, '--cache');
    expect(result.code).toBe(plain.code);
    expect(result.stdout).toBe(plain.stdout);
    expect(result.stderr).toBe(`${plain.stderr}deal-triage: cannot write the cache to ${CACHE}: it is a named pipe (FIFO), not a regular file\n`);
    expect(lstatSync(path.join(dir, CACHE)).isFIFO()).toBe(true);
  });

  it('a symbolic link in its place is neither read nor written through', async () => {
    const dir = workspace();
    // A cache that would be reused, and a file elsewhere, each behind a link.
    await checkIn(dir, '--cache', '--cache-location', 'real-cache');
    tamper(path.join(dir, 'real-cache'));
    const keptText = readFileSync(path.join(dir, 'real-cache'), 'utf8');
    const outside = path.join(tempDir(), 'victim.txt');
    writeFileSync(outside, 'not a cache\n');
    const plain = await checkIn(dir, '--format', 'json');

    symlinkSync(path.join(dir, 'real-cache'), path.join(dir, CACHE));
    const viaLink = await checkIn(dir, '--cache', '--format', 'json');
    expect(viaLink.stdout).toBe(plain.stdout);
    expect(viaLink.code).toBe(plain.code);
    expect(viaLink.stderr).toBe(`${plain.stderr}deal-triage: cannot write the cache to ${CACHE}: it is a symbolic link, and links are not written through\n`);
    expect(readFileSync(path.join(dir, 'real-cache'), 'utf8')).toBe(keptText);

    symlinkSync(outside, path.join(dir, 'elsewhere'));
    const out = await checkIn(dir, '--cache', '--cache-location', 'elsewhere');
    expect(out.code).toBe(plain.code);
    expect(readFileSync(outside, 'utf8')).toBe('not a cache\n');
    expect(readlinkSync(path.join(dir, 'elsewhere'))).toBe(outside);
  });
});

describe('--cache-location', () => {
  it('an empty one is a usage error: exit 2, nothing written', async () => {
    const dir = workspace();
    const result = await checkIn(dir, '--cache', '--cache-location', '');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('--cache-location needs a path');
    expect(readdirSync(dir).filter((name) => name.startsWith(CACHE))).toEqual([]);
  });

  it('a path ending in a separator is a folder: the file inside is named from the working folder, as ESLint names it', async () => {
    const dir = workspace();
    const plain = await checkIn(dir);
    same(await checkIn(dir, '--cache', '--cache-location', 'tmp/caches/'), plain);
    const [name] = readdirSync(path.join(dir, 'tmp/caches'));
    expect(name).toMatch(/^\.deal-triage-cache_[0-9a-f]{16}$/);
    // Another project keeping its cache in the same folder gets a file of its own.
    const other = workspace();
    await checkIn(other, '--cache', '--cache-location', path.join(dir, 'tmp/caches/'));
    expect(readdirSync(path.join(dir, 'tmp/caches'))).toHaveLength(2);
  });

  it.each([
    ['a deal file being checked', 'deals/valid/acme-plants.yaml', '--cache-location deals/valid/acme-plants.yaml: the cache is not a deal file'],
    ['a name a deal file would have', 'cache.yml', '--cache-location cache.yml: the cache is not a deal file'],
    ['the config file', 'deal-triage.config.yaml', '--cache-location deal-triage.config.yaml: the cache is not a deal file'],
    ['a file being checked, by another name', 'deals/readme.txt', '--cache-location deals/readme.txt is one of the files being checked'],
    ['a hard link to a deal file', 'hard-link', '--cache-location hard-link is one of the files being checked'],
    ['the config, by another name', 'config-link', '--cache-location config-link is one of the files being checked'],
    ['the report file', 'report.txt', '--cache-location report.txt is where the report goes'],
  ])('%s: refused, exit 2, nothing written', async (_name, location, message) => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'deals/readme.txt'), 'id: [\n');
    linkSync(path.join(dir, 'deals/valid/acme-plants.yaml'), path.join(dir, 'hard-link'));
    linkSync(path.join(dir, 'deal-triage.config.yaml'), path.join(dir, 'config-link'));
    const before = snapshotFolder(dir);
    const result = await checkIn(dir, '--cache', '--cache-location', location, '-o', 'report.txt', '--config', 'config-link', 'deals', 'deals/readme.txt');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`deal-triage: ${message}`);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(snapshotFolder(dir)).toEqual(before);
  });
});
