// The package as others consume it: a LICENSE matching package.json, and `require('deal-triage')`
// from CommonJS, which gets the library where Node can require an ES module and otherwise a message
// that says what to do (never ERR_PACKAGE_PATH_NOT_EXPORTED). Runs the built dist/ (`npm run build`).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-package-');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  license: string;
  exports: Record<string, Record<string, string>>;
  files: string[];
};

describe('LICENSE', () => {
  it('is the MIT licence package.json names, held by the deal-triage authors, 2026', () => {
    const license = readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
    expect(manifest.license).toBe('MIT');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toContain('Copyright (c) 2026 The deal-triage authors');
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });
});

describe("require('deal-triage')", () => {
  /** A project folder where `deal-triage` is installed (a link to this checkout). */
  function consumer(): string {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules', 'deal-triage'), 'dir');
    return dir;
  }

  const node = (dir: string, flags: string[], code: string) => spawnSync(process.execPath, [...flags, '-e', code], { cwd: dir, encoding: 'utf8' });

  it('is a "require" condition in the exports, to a file the package ships', () => {
    expect(manifest.exports['.']!.require).toBe('./cjs/require.cjs');
    expect(manifest.files).toContain('cjs');
  });

  it('gives the library where Node can require an ES module (Node 20.19 and later)', () => {
    const result = node(consumer(), [], "const { evaluate, parseDeal } = require('deal-triage'); console.log(typeof evaluate, typeof parseDeal);");
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('function function\n');
  });

  it('says the package is ESM only, and what to do, where Node cannot', () => {
    const result = node(
      consumer(),
      ['--no-experimental-require-module'],
      "try { require('deal-triage') } catch (error) { console.log(error.code); console.log(error.message) }",
    );
    expect(result.stdout.split('\n')[0]).toBe('ERR_DEAL_TRIAGE_ESM_ONLY');
    expect(result.stdout).toContain("deal-triage is an ES module only, and this Node cannot require one: load it with import (import { evaluate } from 'deal-triage')");
    expect(result.stdout).toContain("await import('deal-triage')");
  });
});
