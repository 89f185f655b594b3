// `deal-triage test [folder]`: the policy's unit tests (PRODUCT.md §14). Finds the case files under
// the folder (default policy-tests/) as check finds deal files, loads each case, the deal and the
// config it names (relative to the case file), runs the policy and compares. Exit 0 when every case
// passes, 1 when one fails, 2 when a case file is broken (its problems located) or for a usage error.
//
// A case is data from a pull request like a deal: the files it names are read only inside the
// working folder, by their real path (a link leading out, or a path climbing out with "..", is a
// located problem and is never opened), without following a last link, through the safe readers.

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatPolicyTestJson, formatPolicyTestText } from '../../format/policy-test.js';
import type { PolicyTestFormat } from '../../format/policy-test.js';
import { safeChars } from '../../format/sanitize.js';
import { discoverDealFiles } from '../../io/discover.js';
import { displayPath, isInside, readInputFile } from '../../io/files.js';
import type { ReadOutcome } from '../../io/files.js';
import { describeFsError, isMissing } from '../../io/fs-errors.js';
import { parseConfig } from '../../load/config.js';
import { parseDeal } from '../../load/deal.js';
import { decodeText, tooLarge } from '../../load/input.js';
import { problem } from '../../load/problem.js';
import type { Problem } from '../../load/problem.js';
import { parseCase } from '../../policy-test/case.js';
import type { NamedFile, PolicyCase } from '../../policy-test/case.js';
import { coverage, runCase, summarise } from '../../policy-test/run.js';
import type { CaseResult, Exercised } from '../../policy-test/run.js';
import type { ResolvedConfig } from '../../policy/resolve.js';
import type { Deal } from '../../schema/deal.js';
import { didYouMean } from '../../schema/suggest.js';
import { NO_CONFIG_NOTE } from '../config.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommonOptions } from '../options.js';

export const DEFAULT_TEST_FOLDER = 'policy-tests';

export interface TestOptions extends CommonOptions {
  format: PolicyTestFormat;
  coverage?: boolean;
}

/** A file read and decoded, or the problems of a file that is not (located where the case names it). */
type Read = { ok: true; text: string; file: string } | { ok: false; problems: Problem[]; text?: string; file: string };
type ConfigRead = { ok: true; value: ResolvedConfig } | Extract<Read, { ok: false }>;

export async function runTest(folder: string | undefined, options: TestOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const given = folder ?? DEFAULT_TEST_FOLDER;
  const discovery = await discoverDealFiles([given], io.cwd);
  if (!discovery.ok) {
    if (discovery.missing.length > 0) {
      throw new UsageError(
        folder === undefined
          ? `there is no ${DEFAULT_TEST_FOLDER}/ folder here; name the folder of test cases: deal-triage test <folder>`
          : `no such file or folder: ${safeChars(given)}`,
      );
    }
    throw new UsageError(discovery.unreadable.map(({ path: where, reason }) => `cannot read ${safeChars(where)}: ${reason}`).join('\ndeal-triage: '));
  }
  const files = [...discovery.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (files.length === 0) throw new UsageError(`no test cases (.yaml or .yml files) in ${safeChars(given)}`);

  const root = await realpath(io.cwd);
  const sources = new Map<string, string>();
  const configs = new Map<string, Promise<ConfigRead>>();
  const results: CaseResult[] = [];
  const exercised: Exercised[] = [];

  /** A file a case names, read inside the working folder only. */
  const readNamed = async (caseFile: string, caseReal: string, named: NamedFile, what: 'deal' | 'config'): Promise<Read & { real?: string }> => {
    const resolved = path.resolve(path.dirname(caseReal), named.path);
    const shown = displayPath(resolved, io.cwd);
    const fail = (rule: string, message: string) => ({ ok: false as const, file: shown, problems: [problem(caseFile, named.at, rule, message)] });
    const outside = () => fail('file-outside-folder', `the ${what} file ${safeChars(named.path)} is outside the folder the tests run in; a case reads only files inside it`);
    // Lexically first: a path out of the folder is refused without asking the file system whether it exists.
    if (!isInside(root, resolved)) return outside();
    let real: string;
    try {
      real = await realpath(resolved);
    } catch (error) {
      return isMissing(error)
        ? fail('file-unreadable', `the ${what} file ${safeChars(named.path)} does not exist (looked for ${safeChars(shown)})`)
        : fail('file-unreadable', `cannot read the ${what} file ${safeChars(named.path)}: ${describeFsError(error)}`);
    }
    if (!isInside(root, real)) {
      return fail('file-outside-folder', `the ${what} file ${safeChars(named.path)} is a symbolic link to a file outside the folder the tests run in; a case reads only files inside it`);
    }
    return { ...decoded(await readInputFile(real, { noFollow: true }), shown, (reason) => fail('file-unreadable', `cannot read the ${what} file ${safeChars(named.path)}: ${reason}`)), real };
  };

  let defaultConfig: ResolvedConfig | undefined;
  for (const entry of files) {
    const broken = (problems: Problem[]) => results.push({ file: entry.file, status: 'broken', problems });
    if (entry.refused) {
      broken([problem(entry.file, { line: 1, column: 1 }, entry.refused.rule, entry.refused.message)]);
      continue;
    }
    const read = decoded(await readInputFile(entry.path, { noFollow: true }), entry.file, (reason) => ({
      ok: false,
      file: entry.file,
      problems: [problem(entry.file, { line: 1, column: 1 }, 'file-unreadable', `cannot read the case file: ${reason}`)],
    }));
    if (read.text !== undefined) sources.set(entry.file, read.text);
    if (!read.ok) {
      broken(read.problems);
      continue;
    }
    const parsed = parseCase(read.text, entry.file);
    if (!parsed.ok) {
      broken(parsed.problems);
      continue;
    }
    const testCase = parsed.value;

    let config: ResolvedConfig;
    if (testCase.config) {
      const named = testCase.config;
      const key = path.resolve(path.dirname(entry.path), named.path);
      // A config read once serves every case that names it; a path refused or missing is located
      // in each case's own file, at its own line, so it is never taken from another case.
      const cached = configs.get(key);
      let loaded = cached === undefined ? undefined : await cached;
      if (loaded === undefined || (!loaded.ok && loaded.text === undefined)) {
        const loading = loadConfigNamed(entry, named);
        loaded = await loading;
        if (loaded.ok || loaded.text !== undefined) configs.set(key, loading);
      }
      if (!loaded.ok) {
        if (loaded.text !== undefined) sources.set(loaded.file, loaded.text);
        broken(loaded.problems);
        continue;
      }
      config = loaded.value;
    } else {
      if (defaultConfig === undefined) {
        const found = await context.config();
        if (!found) return EXIT.usage;
        if (found.file === undefined) io.stderr.write(NO_CONFIG_NOTE);
        defaultConfig = found.config;
      }
      config = defaultConfig;
    }

    let deal: Deal;
    if ('inline' in testCase.deal) {
      const inline = testCase.deal.inline;
      inline.value.currency ??= config.company.currency;
      deal = inline as Deal;
    } else {
      const named = await readNamed(entry.file, entry.path, testCase.deal.file, 'deal');
      if (named.text !== undefined) sources.set(named.file, named.text);
      if (!named.ok) {
        broken(named.problems);
        continue;
      }
      const loaded = parseDeal(named.text, named.file, { defaultCurrency: config.company.currency });
      if (!loaded.ok) {
        broken(loaded.problems);
        continue;
      }
      deal = loaded.value;
    }

    const unknown = unknownIds(testCase, config);
    if (unknown.length > 0) {
      broken(unknown);
      continue;
    }
    const ran = runCase(testCase, deal, config, testCase.today ?? context.today);
    results.push(ran.result);
    exercised.push(ran.exercised);
  }

  async function loadConfigNamed(entry: { file: string; path: string }, named: NamedFile): Promise<ConfigRead> {
    const read = await readNamed(entry.file, entry.path, named, 'config');
    if (!read.ok) return read;
    const loaded = parseConfig(read.text, read.file);
    return loaded.ok ? { ok: true, value: loaded.value } : { ok: false, problems: loaded.problems, text: read.text, file: read.file };
  }

  const summary = summarise(results);
  const report = { results, summary, ...(options.coverage && { coverage: coverage(exercised) }) };
  const brokenProblems = results.flatMap((result) => (result.status === 'broken' ? result.problems : []));
  if (options.format === 'json') {
    io.stdout.write(formatPolicyTestJson(report));
  } else {
    if (brokenProblems.length > 0) io.stderr.write(formatDiagnostics(brokenProblems, sources, context.styles.stderr));
    io.stdout.write(formatPolicyTestText(report, context.styles.stdout));
  }
  if (summary.broken > 0) return EXIT.usage;
  return summary.failed > 0 ? EXIT.problems : EXIT.ok;
}

/** Bytes read, decoded; or the problems of a file that is not a text file to read. */
function decoded(read: ReadOutcome, file: string, unreadable: (reason: string) => Read): Read {
  switch (read.kind) {
    case 'ok': {
      const text = decodeText(read.bytes, file);
      return typeof text === 'string' ? { ok: true, text, file } : { ok: false, problems: text.problems, file, text: new TextDecoder().decode(read.bytes) };
    }
    case 'too-large':
      return { ok: false, problems: [tooLarge(file, read.size)], file };
    case 'missing':
      return unreadable('it does not exist');
    case 'directory':
      return unreadable('it is a folder, not a file');
    case 'unreadable':
      return unreadable(read.reason);
  }
}

/** A rule id in `expect` that the config has no rule by (or no role rule, for roles): a typo would fail for the wrong reason. */
function unknownIds(testCase: PolicyCase, config: ResolvedConfig): Problem[] {
  const problems: Problem[] = [];
  const check = (field: 'reasons' | 'roles', known: string[], kind: string) => {
    const ids = new Set(known);
    testCase.expect[field].forEach((id, i) => {
      if (ids.has(id)) return;
      problems.push(problem(testCase.file, testCase.locator.at(['expect', field, i]), 'unknown-rule', `the policy has no ${kind} called "${id}"${didYouMean(id, known)}`));
    });
  };
  check('reasons', config.rules.filter((rule) => rule.effect !== 'role' && rule.effect !== 'finding').map((rule) => rule.id), 'decline, wait or signal rule');
  check('roles', config.rules.filter((rule) => rule.effect === 'role').map((rule) => rule.id), 'role');
  return problems;
}
