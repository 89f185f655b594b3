// StagedWrites, the writer of import: texts to temporary files first, then every one takes its name,
// or none does. A name anything took in between is never replaced, a link never written through, and
// a discarded run leaves the folder as it found it.

import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StagedWrites } from '../../src/io/staged-writes.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-staged-');

describe('StagedWrites', () => {
  it('writes nothing under a target name before commit, then every file, and no temporary file is left', () => {
    const dir = tempDir();
    const staged = new StagedWrites(path.join(dir, 'deals'));
    staged.stage(path.join(dir, 'deals/a.yaml'), 'id: a\n', { replace: false });
    staged.stage(path.join(dir, 'deals/b.yaml'), 'id: b\n', { replace: false });
    // The folder did not exist: its files are in a hidden folder beside it until the commit.
    expect(readdirSync(dir).filter((name) => !name.startsWith('.'))).toEqual([]);
    expect(staged.failure).toBeUndefined();
    expect(staged.commit()).toEqual([]);
    expect(readdirSync(dir)).toEqual(['deals']);
    expect(readdirSync(path.join(dir, 'deals')).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(readFileSync(path.join(dir, 'deals/b.yaml'), 'utf8')).toBe('id: b\n');

    // Into a folder that exists: temporary files beside their targets.
    const more = new StagedWrites(path.join(dir, 'deals'));
    more.stage(path.join(dir, 'deals/c.yaml'), 'id: c\n', { replace: false });
    expect(readdirSync(path.join(dir, 'deals')).filter((name) => !name.startsWith('.')).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(more.commit()).toEqual([]);
    expect(readdirSync(path.join(dir, 'deals')).sort()).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('a new folder that appears meanwhile with files in it: each file takes its name in it, and a name taken is left as it is', () => {
    const dir = tempDir();
    const staged = new StagedWrites(path.join(dir, 'deals'));
    for (const name of ['a.yaml', 'b.yaml']) staged.stage(path.join(dir, 'deals', name), `${name}\n`, { replace: false });
    mkdirSync(path.join(dir, 'deals'));
    writeFileSync(path.join(dir, 'deals/b.yaml'), 'mine\n');
    expect(staged.commit()).toEqual([{ target: path.join(dir, 'deals/b.yaml'), reason: 'a file of that name appeared during the import; it was left as it is', replace: false }]);
    expect(readFileSync(path.join(dir, 'deals/a.yaml'), 'utf8')).toBe('a.yaml\n');
    expect(readFileSync(path.join(dir, 'deals/b.yaml'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['deals']);
  });

  it('a new folder that appears meanwhile as a link to another: nothing is written through it, and nothing hidden is left', () => {
    const dir = tempDir();
    const staged = new StagedWrites(path.join(dir, 'deals'));
    staged.stage(path.join(dir, 'deals/a.yaml'), 'id: a\n', { replace: false });
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync('elsewhere', path.join(dir, 'deals'));
    expect(staged.commit()).toEqual([{ target: path.join(dir, 'deals/a.yaml'), reason: 'the folder became a symbolic link during the import; nothing is written through it', replace: false }]);
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['deals', 'elsewhere']);
  });

  it('never replaces a name taken since it was found free: a file, a link, a dangling link', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'outside.txt'), 'keep\n');
    const staged = new StagedWrites(dir);
    for (const name of ['taken.yaml', 'link.yaml', 'dangling.yaml', 'free.yaml']) staged.stage(path.join(dir, name), 'theirs\n', { replace: false });
    writeFileSync(path.join(dir, 'taken.yaml'), 'mine\n');
    symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'link.yaml'));
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.yaml'));
    const appeared = 'a file of that name appeared during the import; it was left as it is';
    expect(staged.commit()).toEqual(['taken.yaml', 'link.yaml', 'dangling.yaml'].map((name) => ({ target: path.join(dir, name), reason: appeared, replace: false })));
    expect(readFileSync(path.join(dir, 'taken.yaml'), 'utf8')).toBe('mine\n');
    expect(readFileSync(path.join(dir, 'outside.txt'), 'utf8')).toBe('keep\n');
    expect(readFileSync(path.join(dir, 'free.yaml'), 'utf8')).toBe('theirs\n');
    expect(readdirSync(dir).sort()).toEqual(['dangling.yaml', 'free.yaml', 'link.yaml', 'outside.txt', 'taken.yaml']);
  });

  it('replaces a regular file, keeping its permissions, but not a link put in its place', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deal.yaml'), 'old\n');
    chmodSync(path.join(dir, 'deal.yaml'), 0o640);
    writeFileSync(path.join(dir, 'other.yaml'), 'old\n');
    writeFileSync(path.join(dir, 'outside.txt'), 'keep\n');
    const staged = new StagedWrites(dir);
    staged.stage(path.join(dir, 'deal.yaml'), 'new\n', { replace: true });
    staged.stage(path.join(dir, 'linked.yaml'), 'new\n', { replace: true });
    symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'linked.yaml'));
    expect(staged.commit()).toEqual([{ target: path.join(dir, 'linked.yaml'), reason: 'it is a symbolic link, and links are not written through', replace: true }]);
    expect(readFileSync(path.join(dir, 'deal.yaml'), 'utf8')).toBe('new\n');
    expect(statSync(path.join(dir, 'deal.yaml')).mode & 0o777).toBe(0o640);
    expect(readFileSync(path.join(dir, 'outside.txt'), 'utf8')).toBe('keep\n');
  });

  it('discard removes every temporary file, and the folders it made when they are empty', () => {
    const dir = tempDir();
    const staged = new StagedWrites(path.join(dir, 'a/b/deals'));
    staged.stage(path.join(dir, 'a/b/deals/x.yaml'), 'id: x\n', { replace: false });
    staged.discard();
    expect(readdirSync(dir)).toEqual([]);

    mkdirSync(path.join(dir, 'kept'));
    writeFileSync(path.join(dir, 'kept/mine.yaml'), 'mine\n');
    const again = new StagedWrites(path.join(dir, 'kept'));
    again.stage(path.join(dir, 'kept/y.yaml'), 'id: y\n', { replace: false });
    again.discard();
    expect(readdirSync(path.join(dir, 'kept'))).toEqual(['mine.yaml']);
  });

  it('a folder that cannot be made is the failure, said once, and nothing is tried after it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deals'), 'a file, not a folder\n');
    const staged = new StagedWrites(path.join(dir, 'deals'));
    staged.stage(path.join(dir, 'deals/x.yaml'), 'id: x\n', { replace: false });
    staged.stage(path.join(dir, 'deals/y.yaml'), 'id: y\n', { replace: false });
    expect(staged.failure?.target).toBe(path.join(dir, 'deals/x.yaml'));
    expect(staged.failure?.reason).toMatch(/exists|not a folder|file/i);
    expect(staged.size).toBe(0);
  });
});
