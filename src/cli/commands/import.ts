// `deal-triage import <file.csv>`: deals from a CRM export (PRODUCT.md §11), in one streamed pass
// over the export, so memory does not grow with its size: each row becomes a deal's text (a new
// file, or the owned fields of the matched file changed in place), checked as every command loads a
// deal: a row that cannot become a valid deal is skipped with its reason, located. Each text is
// written to a temporary file beside its target at once (into a new folder: to a hidden folder that
// becomes it), while the export is still being read (../../io/staged-writes.ts); only when the whole
// export has been read does each take its name, atomically, never through a symbolic link. A
// problem with the file as a table or with the mapping, wherever it is in the export, removes the
// temporary files: nothing is written. What the import needs of each deal file in the folder is
// kept under its content hash (../../io/import-cache.ts; on unless --no-cache), and only the files
// changed since are parsed again.
// Exit 0 when every row imported, 1 when a row was skipped, 2 when nothing could be imported
// (usage, the mapping, the export unreadable as a table) or a file could not be written.

import { toolVersion } from '../../io/version.js';
import { lstat, readdir, stat } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { decide } from '../../engine/decide.js';
import { formatNumber } from '../../engine/values.js';
import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatImportJson, formatImportText, LISTED } from '../../format/import.js';
import type { ImportFormat } from '../../format/import.js';
import { safeChars } from '../../format/sanitize.js';
import { editDealText, newDealData, newDealText, ownedChanges, ownedValues } from '../../import/deal-text.js';
import { starterMapping } from '../../import/init-map.js';
import { parseMappingFile, resolveMapping } from '../../import/mapping.js';
import type { LoadedMappingFile, Mapping } from '../../import/mapping.js';
import { closestPreset, PRESETS } from '../../import/presets.js';
import type { PresetName } from '../../import/presets.js';
import type { ImportReport, VerdictCounts } from '../../import/report.js';
import { rowToDeal } from '../../import/row.js';
import { clip } from '../../import/quote.js';
import { StringTable } from '../../import/string-table.js';
import { slug, uniqueId } from '../../import/values.js';
import { parseDealQuick } from '../../load/deal-quick.js';
import { decodeText } from '../../load/input.js';
import { problem } from '../../load/problem.js';
import type { Problem } from '../../load/problem.js';
import type { Deal } from '../../schema/deal.js';
import { parseDealFast } from '../../schema/deal-validator.generated.js';
import type { Verdict } from '../../engine/types.js';
import { cellPosition, CsvError, readCsv, readCsvBatches } from '../../io/csv.js';
import type { CsvHeader, CsvSummary } from '../../io/csv.js';
import { discoverDealFiles } from '../../io/discover.js';
import type { DiscoveredFile } from '../../io/discover.js';
import { cacheFileFor } from '../../io/check-cache.js';
import { contentHash, settledStamp, STAMP_SETTLED_MS } from '../../check/cache.js';
import type { KeptDeal } from '../../import/cache.js';
import { displayPath, fileIdentity, readInputFile, readInputFileSync, unchanged } from '../../io/files.js';
import { describeFsError } from '../../io/fs-errors.js';
import { zodFallback } from '../../io/load-file.js';
import { IMPORT_CACHE_NAME, openImportCache, userImportCacheFile } from '../../io/import-cache.js';
import type { ImportCache } from '../../io/import-cache.js';
import { leftovers, leftoversBeside, removeLeftovers, StagedWrites } from '../../io/staged-writes.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { NO_CONFIG_NOTE } from '../config.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommonOptions } from '../options.js';

export const DEFAULT_INTO = 'deals';

export interface ImportOptions extends CommonOptions {
  preset?: PresetName;
  map?: string;
  into: string;
  dryRun?: boolean;
  format: ImportFormat;
  quiet?: boolean;
  encoding?: string;
  initMap?: string;
  force?: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

/**
 * A deal file already in the folder: what matching, the report and the verdicts need of it (its id,
 * CRM record, values of the fields an import may own, and verdict, which is counted when its row
 * leaves it unchanged and not worked out under --quiet), not the whole deal.
 */
interface Existing extends KeptDeal {
  /** Real path, to read and write. */
  path: string;
  /** As shown. */
  file: string;
}

/** What an import keeps of a valid deal (and its cache, of its file). */
function keptDeal(deal: Deal, verdictOf: ((deal: Deal) => Verdict) | undefined): KeptDeal {
  return { id: deal.id, crm: deal.crm && { source: deal.crm.source, id: deal.crm.id }, owned: ownedValues(deal), verdict: verdictOf?.(deal) };
}

export async function runImport(file: string | undefined, options: ImportOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  if (options.encoding !== undefined) checkEncoding(options.encoding);
  if (options.initMap !== undefined) {
    if (file !== undefined) throw new UsageError('--init-map takes the export itself: deal-triage import --init-map <file.csv> (without a second file)');
    return initMap(options.initMap, options, context);
  }
  if (file === undefined) throw new UsageError('name the CRM export to import: deal-triage import <file.csv> (or --init-map <file.csv> to start a mapping file)');
  const loaded = await context.config();
  if (!loaded) return EXIT.usage;
  const config = loaded.config;
  const currency = config.company.currency;

  const csvPath = path.resolve(io.cwd, file);
  const csvShown = displayPath(file, io.cwd);
  const into = path.resolve(io.cwd, options.into);
  const intoShown = displayPath(options.into, io.cwd);
  // Deal files are written into a real folder, never through a link to one elsewhere (as check
  // never reads through a link out of its folder).
  if (options.into.trim() === '') throw new UsageError('--into needs a folder: --into deals');
  const intoStat = await lstat(into).catch(() => undefined);
  if (intoStat?.isSymbolicLink()) {
    throw new UsageError(`--into ${safeChars(intoShown)} is a symbolic link; import writes deal files only into a real folder: name the folder it leads to`);
  }
  // Nor through a link on the way to it, below the working folder (`--into linked/deals`).
  const linked = await linkOnTheWay(io.cwd, into);
  if (linked !== undefined) {
    throw new UsageError(`--into ${safeChars(intoShown)} goes through ${safeChars(displayPath(linked, io.cwd))}, a symbolic link; import writes deal files only into a real folder: name the folder it leads to`);
  }
  if (intoStat !== undefined && !intoStat.isDirectory()) throw new UsageError(`--into ${safeChars(intoShown)} is not a folder`);

  const mapFile = options.map === undefined ? undefined : await readMapping(options.map, context);
  if (mapFile === null) return EXIT.usage;
  const presetName = options.preset ?? mapFile?.spec.preset;
  if (options.preset !== undefined && mapFile?.spec.preset !== undefined && options.preset !== mapFile.spec.preset) {
    throw new UsageError(`--preset ${options.preset} and the mapping's preset: ${mapFile.spec.preset} disagree; keep one`);
  }
  await checkExport(csvPath, file);
  // The cache: where --cache-location says, else in the user's cache folder (none with --no-cache,
  // or when the environment names no such folder). Only one the user named is worth a note when it
  // cannot be written, or a temporary file of it to sweep.
  if (options.cache === false && options.cacheLocation !== undefined) throw new UsageError('--no-cache and --cache-location disagree: keep one');
  const named = options.cacheLocation !== undefined;
  const cacheFile =
    options.cache === false
      ? undefined
      : named
        ? await importCacheFile(options.cacheLocation!, io.cwd, into, [csvPath, options.map === undefined ? undefined : path.resolve(io.cwd, options.map), loaded.file])
        : await userImportCacheFile(io.env, io.cwd, into);

  // Ctrl-C (or the terminal closed, or a kill) while the folder is scanned or the export read ends
  // the import there, and nothing is written; from the moment the files take their names, it waits
  // for the import to finish.
  let interrupted: NodeJS.Signals | undefined;
  const interrupt = (signal: NodeJS.Signals) => {
    interrupted = signal;
  };
  const stopped = (signal: NodeJS.Signals) => {
    io.stderr.write('deal-triage: interrupted; nothing was imported\n');
    return 128 + (osConstants.signals[signal] ?? 2);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, interrupt);
  try {
    const verdictOf = options.quiet ? undefined : (deal: Deal) => decide(deal, config, { today: context.today, reasons: false }).verdict;
    const openCache = cacheFile === undefined ? undefined : (files: number) => openImportCache(cacheFile, config, files, context.today, { readOnly: options.dryRun === true, ours: !named });
    const folder = await scanFolder(into, io.cwd, currency, verdictOf, context, openCache);
    if (interrupted) return stopped(interrupted);
    const cache = folder.cache;
    // What an import stopped by force left behind is removed by the next one (a dry run only says so):
    // temporary files in the folder, and the hidden folder beside it that a first import fills.
    const sweeps = [
      { where: into, names: leftovers(folder.names), things: temporaryFiles, place: `in ${safeChars(intoShown)}` },
      { where: path.dirname(into), names: leftoversBeside(into), things: (k: number) => (k === 1 ? 'a temporary folder' : `${formatNumber(k, 0)} temporary folders`), place: `beside ${safeChars(intoShown)}` },
    ];
    // And the cache's temporary file, when one was being written.
    if (cacheFile !== undefined) {
      const cacheFolder = path.dirname(cacheFile);
      const names = leftoversBeside(cacheFile);
      if (named) sweeps.push({ where: cacheFolder, names, things: temporaryFiles, place: `beside ${safeChars(displayPath(cacheFile, io.cwd))}` });
      else if (!options.dryRun) removeLeftovers(cacheFolder, names);
    }
    for (const { where, names, things, place } of sweeps) {
      if (names.length === 0) continue;
      const n = things(names.length);
      if (options.dryRun) io.stderr.write(`deal-triage: note: ${n} left ${place} by an import that was stopped ${names.length === 1 ? 'is' : 'are'} there; the next import removes ${names.length === 1 ? 'it' : 'them'}\n`);
      else if (removeLeftovers(where, names) > 0) io.stderr.write(`deal-triage: note: removed ${n} left ${place} by an import that was stopped\n`);
    }

    const summary: CsvSummary = { footerLines: 0 };
    const csvOptions = { encoding: options.encoding, delimiter: mapFile?.spec.delimiter === 'tab' ? '\t' : mapFile?.spec.delimiter };
    let mapping: Mapping | undefined;
    let header: CsvHeader | undefined;
    const skipped: Problem[] = [];
    /** The line of the last row skipped: a row with several bad cells is one row skipped. */
    let lastSkipped = 0;
    /** Each CRM record of the export, by id: the line it is on. */
    const seen = new StringTable();
    /** The ids given to the export's new deals. */
    const assigned = new StringTable();
    const suffixes = new Map<string, number>();
    const report: ImportReport = {
      csv: csvShown,
      into: intoShown,
      source: '',
      preset: undefined,
      dryRun: options.dryRun === true,
      rows: 0,
      footerLines: 0,
      createdCount: 0,
      updatedCount: 0,
      created: [],
      updated: [],
      unchanged: 0,
      skippedRows: 0,
      skipped,
      notInExport: [],
      unwritten: [],
      verdicts: undefined,
      today: context.today,
    };
    const verdicts: VerdictCounts = { join: 0, wait: 0, decline: 0, joins: [] };
    // The text lists only the first few deals of each kind: a huge export keeps no list of them all.
    const listAll = options.format === 'json';
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const count = (verdict: Verdict | undefined, shown: string) => {
      if (verdict === undefined) return;
      verdicts[verdict] += 1;
      if (verdict !== 'join') return;
      verdicts.joins.push(shown);
      // The first LISTED by name, kept from time to time.
      if (!listAll && verdicts.joins.length >= 4 * LISTED) verdicts.joins = verdicts.joins.sort(byName).slice(0, LISTED);
    };
    const taken = (id: string) => folder.ids.has(id) || folder.names.has(`${id}.yaml`) || folder.names.has(`${id}.yml`) || assigned.has(id);
    // A new deal's file as shown: the folder's shown path, then its name (ids never hold a slash).
    const shownPrefix = displayPath(path.join(into, 'x'), io.cwd).slice(0, -1);
    const intoPrefix = path.join(into, 'x').slice(0, -1);
    // Each text is written to a temporary file as soon as it is known, while the export is still
    // being read; the files take their names only once the whole export has been read without a
    // problem that stops the import.
    const staged = report.dryRun ? undefined : new StagedWrites(into);
    try {
      for await (const batch of readCsvBatches(csvPath, csvShown, csvOptions, summary)) {
        if (interrupted) throw new Interrupted(interrupted);
        for (const row of batch) {
          if (header === undefined) {
            header = row as CsvHeader;
            const preset = presetName ? PRESETS[presetName] : mapFile ? undefined : closestPreset(header.cells);
            if (!preset && !mapFile) {
              throw new UsageError(
                `${safeChars(csvShown)} has none of the columns of a Salesforce, HubSpot or Pipedrive export; ` +
                  `describe its columns in a mapping file: deal-triage import --init-map ${safeChars(file)}`,
              );
            }
            const resolved = resolveMapping({ preset, file: mapFile, header: header.cells, csvFile: csvShown });
            if (!resolved.ok) {
              io.stderr.write(formatDiagnostics(resolved.problems, new Map(mapFile ? [[mapFile.file, mapFile.text]] : []), context.styles.stderr));
              io.stderr.write(`deal-triage: ${mapFile ? `the mapping ${safeChars(mapFile.file)} does not fit ${safeChars(csvShown)}` : `${safeChars(csvShown)} lacks columns the ${preset!.name} preset needs; describe its columns in a mapping file: deal-triage import --init-map ${safeChars(file)}`}; nothing was imported\n`);
              return EXIT.usage;
            }
            mapping = resolved.mapping;
            report.source = mapping.source;
            report.preset = mapping.preset;
            continue;
          }
          report.rows += 1;
          const m = mapping!;
          const skip = (index: number, rule: string, message: string) => {
            if (lastSkipped !== row.line) report.skippedRows += 1;
            lastSkipped = row.line;
            skipped.push(problem(csvShown, cellPosition(row, index), rule, message));
          };
          const outcome = rowToDeal(row.cells, m);
          if (!outcome.ok) {
            for (const cell of outcome.problems) skip(cell.index, cell.rule, cell.message);
            continue;
          }
          const deal = outcome.deal;
          const idColumn = m.columns.find((c) => c.field === 'crm.id')!.index;
          const earlier = seen.get(deal.crmId);
          if (earlier !== undefined) {
            skip(idColumn, 'import-duplicate-record', `${m.source} record ${clip(deal.crmId)} is on line ${earlier} already; each record is one deal`);
            continue;
          }
          seen.set(deal.crmId, row.line);
          const matched = folder.byCrm.get(crmKey(m.source, deal.crmId));
          if (Array.isArray(matched)) {
            skip(idColumn, 'import-ambiguous-record', `${matched.map((e) => e.file).join(' and ')} are all ${m.source} record ${clip(deal.crmId)}; keep one of them`);
            continue;
          }
          if (matched) {
            const changes = ownedChanges(matched.owned, deal);
            if (changes.length === 0) {
              report.unchanged += 1;
              count(matched.verdict, matched.file);
              continue;
            }
            const text = editDealText(readDealText(matched), changes);
            const valid = await validateText(text, matched.file, currency);
            if (!valid.ok) {
              skip(idColumn, 'import-invalid-deal', `updating ${matched.file} with this row would make it invalid: ${valid.reason}`);
              continue;
            }
            if (listAll || report.updatedCount < LISTED) report.updated.push({ file: matched.file, id: matched.id, crmId: deal.crmId, line: row.line, changes });
            report.updatedCount += 1;
            const kept = keptDeal(valid.deal, verdictOf);
            count(kept.verdict, matched.file);
            // As bytes once: written, and hashed for the cache.
            const bytes = Buffer.from(text);
            staged?.stage(matched.path, bytes, { replace: true });
            cache?.record(matched.file, { hash: contentHash(bytes), deal: kept });
            continue;
          }
          const given = deal.owned.get('id') as string | undefined;
          if (given !== undefined && taken(given)) {
            const owner = folder.ids.get(given);
            const whose = owner?.crm ? `${owner.file} (${owner.crm.source} record ${clip(owner.crm.id)})` : (owner?.file ?? `another deal of this export`);
            skip(m.columns.find((c) => c.field === 'id')!.index, 'import-id-taken', `the id ${given} already belongs to ${whose}; a deal's id is never given to another record`);
            continue;
          }
          const id = given ?? uniqueId(slug(deal.name), taken, suffixes);
          assigned.set(id, 1);
          const shown = `${shownPrefix}${id}.yaml`;
          const data = newDealData(deal, id, m);
          const text = newDealText(data, m, toolVersion());
          const valid = await validateData(data, text, shown, currency);
          if (!valid.ok) {
            skip(idColumn, 'import-invalid-deal', `this row does not make a valid deal: ${valid.reason}`);
            continue;
          }
          if (listAll || report.createdCount < LISTED) report.created.push({ file: shown, id, crmId: deal.crmId, line: row.line });
          report.createdCount += 1;
          count(verdictOf?.(valid.deal), shown);
          // Not kept in the cache: a new file is kept when the next import reads it (and, by then
          // settled, it keeps its stamp too), rather than make every first import of a CRM pay for
          // an entry per row.
          staged?.stage(`${intoPrefix}${id}.yaml`, text, { replace: false });
        }
      }
      // A signal during the last batch, or while the file was being closed.
      if (interrupted) throw new Interrupted(interrupted);
    } catch (error) {
      staged?.discard();
      if (error instanceof Interrupted) return stopped(error.signal);
      if (error instanceof CsvError) {
        io.stderr.write(formatDiagnostics([error.problem], new Map(), context.styles.stderr));
        io.stderr.write(`deal-triage: ${safeChars(csvShown)} cannot be read as a table of deals; nothing was imported\n`);
        return EXIT.usage;
      }
      throw error;
    }
    report.footerLines = summary.footerLines;
    for (const [key, entry] of folder.byCrm) {
      if (!key.startsWith(`${report.source}\u0000`)) continue;
      for (const e of Array.isArray(entry) ? entry : [entry]) {
        if (!seen.has(e.crm!.id)) report.notInExport.push({ file: e.file, id: e.id, crmId: e.crm!.id });
      }
    }
    report.notInExport.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

    // Every file at once, or none: a text that could not even be written to its temporary file stops
    // them all. Blocking from here, with the handlers still in place: a signal now waits for every
    // name to be given, the cache to be saved and the report printed (without a handler, Node would
    // end the process between two of them).
    const failed = staged?.failure;
    if (failed) {
      staged?.discard();
      throw new UsageError(`cannot write ${safeChars(displayPath(failed.target, io.cwd))}: ${failed.reason}; nothing was imported`);
    }
    for (const unwritten of staged?.commit() ?? []) {
      // Not counted as created or updated: it was not.
      const file = displayPath(unwritten.target, io.cwd);
      report.unwritten.push({ file, reason: unwritten.reason });
      cache?.forget(file);
      if (unwritten.replace) {
        report.updatedCount -= 1;
        report.updated = report.updated.filter((deal) => deal.file !== file);
      } else {
        report.createdCount -= 1;
        report.created = report.created.filter((deal) => deal.file !== file);
      }
    }
    // A shortcut for the next import: one that cannot be kept is worth a note, never a failure. A
    // dry run's cache (read-only) writes nothing.
    const cacheFailure = await cache?.save();
    if (cacheFailure && named) io.stderr.write(`deal-triage: cannot write the cache to ${safeChars(displayPath(cacheFile!, io.cwd))}: ${cacheFailure}\n`);
    if (!options.quiet) {
      verdicts.joins.sort(byName);
      if (!listAll) verdicts.joins = verdicts.joins.slice(0, LISTED);
      report.verdicts = verdicts;
    }

    // Said once the export is known to be good: the verdicts below are the built-in policy's.
    if (loaded.file === undefined && options.format === 'text' && !options.quiet) io.stderr.write(NO_CONFIG_NOTE);
    if (options.format === 'json') {
      io.stdout.write(formatImportJson(report));
    } else {
      io.stdout.write(formatImportText(report, context.styles.stdout));
      if (skipped.length > 0) io.stderr.write(formatDiagnostics(skipped, new Map(), context.styles.stderr));
    }
    const rows = report.skippedRows;
    if (rows > 0 && options.format === 'text') {
      // Every row skipped: there is no rest to speak of.
      const rest = rows === report.rows ? (rows === 1 ? ', the only one' : ', every one') : `, the rest ${report.dryRun ? 'would be' : 'were'} imported`;
      io.stderr.write(`deal-triage: ${rows === 1 ? '1 row was' : `${formatNumber(rows, 0)} rows were`} skipped${rest}; fix ${rows === 1 ? 'it' : 'them'} in the CRM or the mapping and import again\n`);
    }
    if (report.unwritten.length > 0) {
      const n = report.unwritten.length;
      if (options.format === 'text') io.stderr.write(`deal-triage: ${n === 1 ? '1 deal file was' : `${formatNumber(n, 0)} deal files were`} not written (the "not written" line${n === 1 ? '' : 's'} above say${n === 1 ? 's' : ''} why); import again once ${n === 1 ? 'it is' : 'they are'} fixed\n`);
      return EXIT.usage;
    }
    return skipped.length > 0 ? EXIT.problems : EXIT.ok;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, interrupt);
  }
}

/**
 * The first symbolic link among the folders from the working folder down to `into` (not `into`
 * itself, nor above the working folder: where the user's own tree lives is theirs to arrange).
 */
async function linkOnTheWay(cwd: string, into: string): Promise<string | undefined> {
  const relative = path.relative(cwd, into);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  let at = cwd;
  for (const part of parts.slice(0, -1)) {
    at = path.join(at, part);
    const info = await lstat(at).catch(() => undefined);
    if (info === undefined) return undefined;
    if (info.isSymbolicLink()) return at;
  }
  return undefined;
}

/**
 * The cache file --cache-location names (a folder gets one named from the working and deals folders), as
 * check's is found. Refused when it would be a deal file (a name ending in .yaml or .yml, which
 * the next run would read as one) or a file this run reads: the export, the mapping, the config.
 */
async function importCacheFile(location: string, cwd: string, into: string, read: readonly (string | undefined)[]): Promise<string> {
  const named = `--cache-location ${safeChars(location)}`;
  if (location === '') throw new UsageError('--cache-location needs a path: a file, or a folder to keep the cache in');
  // In a folder, one file per working folder and deals folder, as in the user's cache folder.
  const file = await cacheFileFor(location, cwd, IMPORT_CACHE_NAME, `${cwd}\u0000${into}`);
  if (/\.ya?ml$/i.test(file)) throw new UsageError(`${named}: the cache is not a deal file; give it a name that does not end in .yaml or .yml`);
  const id = await fileIdentity(file);
  if (id === undefined) return file;
  for (const other of read) {
    if (other !== undefined && (await fileIdentity(other)) === id) throw new UsageError(`${named} is ${safeChars(displayPath(other, cwd))}, which this import reads; keep the cache somewhere else`);
  }
  return file;
}

/** The signals that end an import with nothing written: Ctrl-C, the terminal closed, a kill. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A signal, seen between two batches of rows. */
class Interrupted extends Error {
  override name = 'Interrupted';
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

const temporaryFiles = (n: number) => (n === 1 ? 'a temporary file' : `${formatNumber(n, 0)} temporary files`);

const crmKey = (source: string, id: string) => `${source}\u0000${id}`;

type Checked = { ok: true; deal: Deal } | { ok: false; reason: string };

/**
 * A new deal, checked as data by the validator generated from the deal schema: its text is written
 * from the same data by a writer whose every scalar reads back as written (a test holds the two
 * equal), so the text is not parsed again. One the validator refuses is read as its file will be,
 * for zod to say why.
 */
async function validateData(data: Record<string, unknown>, text: string, file: string, currency: string): Promise<Checked> {
  const fast = parseDealFast(data);
  if (fast === undefined) return validateText(text, file, currency);
  fast.value.currency ??= currency;
  return { ok: true, deal: fast as Deal };
}

/** A text as its file will load. */
async function validateText(text: string, file: string, currency: string): Promise<Checked> {
  let loaded = parseDealQuick(text, file, { defaultCurrency: currency });
  if ('refused' in loaded) loaded = (await zodFallback()).deal(loaded);
  return loaded.ok ? { ok: true, deal: loaded.value } : { ok: false, reason: loaded.problems[0]!.message };
}

/** A matched deal's text, read again to edit it. */
function readDealText(existing: Existing): string {
  const read = readInputFileSync(existing.path, { noFollow: true });
  const text = read.kind === 'ok' ? decodeText(read.bytes, existing.file) : undefined;
  if (typeof text !== 'string') throw new UsageError(`${safeChars(existing.file)} changed or went away during the import; run it again`);
  return text;
}

interface Folder {
  /** By CRM source and id; more than one file for a record is a list (which the import refuses to choose from). */
  byCrm: Map<string, Existing | Existing[]>;
  ids: Map<string, Existing>;
  /** Every name in the folder itself: a new deal's file never takes one. */
  names: Set<string>;
  /** The cache (none with --no-cache): what it kept, and where this run records each file. */
  cache: ImportCache | undefined;
}

/** The deal files already in the folder, by CRM record and by id. A file that is not a valid deal is left alone, and said so. */
async function scanFolder(
  into: string,
  cwd: string,
  currency: string,
  verdictOf: ((deal: Deal) => Verdict) | undefined,
  context: CommandContext,
  openCache: ((files: number) => Promise<ImportCache>) | undefined,
): Promise<Folder> {
  const folder: Folder = { byCrm: new Map(), ids: new Map(), names: new Set(), cache: undefined };
  const invalid: string[] = [];
  const add = (f: DiscoveredFile, deal: KeptDeal | null) => {
    if (deal === null) {
      invalid.push(f.file);
      return;
    }
    const entry: Existing = { path: f.path, file: f.file, id: deal.id, crm: deal.crm, owned: deal.owned, verdict: deal.verdict };
    if (!folder.ids.has(deal.id)) folder.ids.set(deal.id, entry);
    if (deal.crm) {
      const key = crmKey(deal.crm.source, deal.crm.id);
      const before = folder.byCrm.get(key);
      folder.byCrm.set(key, before === undefined ? entry : Array.isArray(before) ? [...before, entry] : [before, entry]);
    }
  };
  try {
    for (const name of await readdir(into)) folder.names.add(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read ${safeChars(displayPath(into, cwd))}: ${describeFsError(error)}`);
  }
  const discovery = folder.names.size === 0 ? undefined : await discoverDealFiles([into], cwd);
  // Opened once the folder's size is known: a cache is read only up to a size that fits it.
  const cache = (folder.cache = await openCache?.(discovery?.files.length ?? 0));
  if (!discovery?.ok) return folder;
  // A file's stamp is kept only when it had not changed for a while before it was read.
  const settled = Date.now() - STAMP_SETTLED_MS;
  // One after another, into one reused buffer, as check reads on each thread: most files are small.
  for (const f of discovery.files) {
    // A link out of the folder, or not a file: not read, and said so, so that a record it may hold is not quietly imported twice.
    if (f.refused) {
      invalid.push(f.file);
      continue;
    }
    // A file the cache keeps, with the verdict this run needs, is not read when the file system
    // says it is as it was, nor parsed when its bytes are those it was kept with.
    const kept = cache?.get(f.file);
    const usable = kept !== undefined && (kept.deal === null || verdictOf === undefined || kept.deal.verdict !== undefined) ? kept : undefined;
    if (usable && unchanged(f, usable.stamp)) {
      cache!.keep(f.file);
      add(f, usable.deal);
      continue;
    }
    const outcome = readInputFileSync(f.path, { noFollow: true, reuseBuffer: true, stamp: cache !== undefined });
    const hash = cache && outcome.kind === 'ok' ? contentHash(outcome.bytes) : undefined;
    const settledAt = outcome.kind === 'ok' ? settledStamp(outcome.stamp, settled) : undefined;
    const stamp = settledAt ? { stamp: settledAt } : {};
    if (usable && hash === usable.hash) {
      cache!.record(f.file, { hash, deal: usable.deal, ...stamp });
      add(f, usable.deal);
      continue;
    }
    const text = outcome.kind === 'ok' ? decodeText(outcome.bytes, f.file) : undefined;
    let loaded = typeof text === 'string' ? parseDealQuick(text, f.file, { defaultCurrency: currency }) : undefined;
    if (loaded && 'refused' in loaded) loaded = (await zodFallback()).deal(loaded);
    // Only what the import needs is kept, not the deal: its text is read again if the export
    // changes it, and most deals of a weekly import do not change.
    const deal = loaded?.ok ? keptDeal(loaded.value, verdictOf) : null;
    if (hash !== undefined) cache!.record(f.file, { hash, deal, ...stamp });
    add(f, deal);
  }
  if (invalid.length > 0) {
    const shown = invalid.slice(0, 5).map(safeChars).join(', ') + (invalid.length > 5 ? ` and ${invalid.length - 5} more` : '');
    context.io.stderr.write(`deal-triage: warning: ${shown} ${invalid.length === 1 ? 'is not a valid deal file, so it is' : 'are not valid deal files, so they are'} not matched with the export (deal-triage check says why)\n`);
  }
  return folder;
}

/** The mapping file, loaded; null when it is invalid (its problems are on stderr). */
async function readMapping(given: string, context: CommandContext): Promise<(LoadedMappingFile & { text: string }) | null> {
  const shown = displayPath(given, context.io.cwd);
  const read = await readInputFile(path.resolve(context.io.cwd, given));
  if (read.kind === 'missing') throw new UsageError(`no such mapping file: ${safeChars(shown)} (deal-triage import --init-map <file.csv> writes a starter one)`);
  if (read.kind === 'directory') throw new UsageError(`${safeChars(shown)} is a folder; --map takes a mapping file`);
  if (read.kind === 'too-large') throw new UsageError(`${safeChars(shown)} is ${read.size.toLocaleString('en-US')} bytes: too large for a mapping file`);
  if (read.kind === 'unreadable') throw new UsageError(`cannot read ${safeChars(shown)}: ${read.reason}`);
  const text = decodeText(read.bytes, shown);
  const parsed = typeof text === 'string' ? parseMappingFile(text, shown) : text;
  if (!parsed.ok) {
    context.io.stderr.write(formatDiagnostics(parsed.problems, new Map(typeof text === 'string' ? [[shown, text]] : []), context.styles.stderr));
    context.io.stderr.write(`deal-triage: the mapping ${safeChars(shown)} is invalid; nothing was imported\n`);
    return null;
  }
  return { ...parsed.value, text: text as string };
}

async function checkExport(csvPath: string, given: string): Promise<void> {
  try {
    const info = await stat(csvPath);
    if (info.isDirectory()) throw new UsageError(`${safeChars(given)} is a folder; import takes a CSV file exported from your CRM`);
    if (!info.isFile()) throw new UsageError(`${safeChars(given)} is not a regular file; import takes a CSV file exported from your CRM`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no such file: ${safeChars(given)}`);
    throw new UsageError(`cannot read ${safeChars(given)}: ${describeFsError(error)}`);
  }
}

function checkEncoding(label: string): void {
  try {
    new TextDecoder(label);
  } catch {
    throw new UsageError(`--encoding ${safeChars(label)} is not an encoding this tool knows; try utf-8, utf-16le, utf-16be, latin1 or windows-1252`);
  }
}

/** `--init-map <file.csv>`: a starter mapping from the export's header. */
async function initMap(csv: string, options: ImportOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const csvPath = path.resolve(io.cwd, csv);
  const csvShown = displayPath(csv, io.cwd);
  await checkExport(csvPath, csv);
  const target = options.map ?? `${path.basename(csv).replace(/\.(csv|tsv|txt)$/i, '')}.mapping.yaml`;
  const targetShown = displayPath(target, io.cwd);
  let header: CsvHeader | undefined;
  try {
    for await (const row of readCsv(csvPath, csvShown, { encoding: options.encoding }, { footerLines: 0 })) {
      header = row as CsvHeader;
      break;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    io.stderr.write(formatDiagnostics([error.problem], new Map(), context.styles.stderr));
    io.stderr.write(`deal-triage: ${safeChars(csvShown)} cannot be read as a table; no mapping was written\n`);
    return EXIT.usage;
  }
  const preset = options.preset ? PRESETS[options.preset] : closestPreset(header!.cells);
  const text = starterMapping(header!.cells, preset, csvShown, targetShown, header!.delimiter);
  const outcome = await writeFileAtomic(path.resolve(io.cwd, target), text, { overwrite: options.force === true, noFollow: true });
  if (outcome.kind === 'exists') throw new UsageError(`${safeChars(targetShown)} exists already; pass --force to replace it, or --map <file> to write another`);
  if (outcome.kind === 'failed') throw new UsageError(`cannot write ${safeChars(targetShown)}: ${outcome.reason}`);
  io.stdout.write(`Wrote ${safeChars(targetShown)}${preset ? ` (from the ${preset.name} preset's guesses)` : ''}. Check each line, then: deal-triage import ${safeChars(csvShown)} --map ${safeChars(targetShown)} --dry-run\n`);
  return EXIT.ok;
}

