// `deal-triage import <file.csv>`: deals from a CRM export (PRODUCT.md §11). Two streamed passes
// over the export, so memory stays flat whatever its size:
//   1. read every row, make each deal's text (a new file, or the owned fields of the matched file
//      changed in place), and load that text as every command loads a deal: a row that cannot
//      become a valid deal is skipped with its reason, located; a problem with the file as a table
//      or with the mapping stops everything before a single file is written;
//   2. write what changed, each file atomically, never through a symbolic link. The texts from
//      pass 1 are kept when they fit in TEXT_BUDGET; otherwise pass 2 reads the export again and
//      makes them again, from the plan pass 1 left (one small entry per row to write).
// Exit 0 when every row imported, 1 when a row was skipped, 2 when nothing could be imported
// (usage, the mapping, the export unreadable as a table) or a file could not be written.

import { toolVersion } from '../../io/version.js';
import { lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { decide } from '../../engine/decide.js';
import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatImportJson, formatImportText, LISTED } from '../../format/import.js';
import type { ImportFormat } from '../../format/import.js';
import { safeChars } from '../../format/sanitize.js';
import { editDealText, newDealText, ownedChanges } from '../../import/deal-text.js';
import { starterMapping } from '../../import/init-map.js';
import { parseMappingFile, resolveMapping } from '../../import/mapping.js';
import type { LoadedMappingFile, Mapping } from '../../import/mapping.js';
import { closestPreset, PRESETS } from '../../import/presets.js';
import type { PresetName } from '../../import/presets.js';
import type { ImportReport, VerdictCounts } from '../../import/report.js';
import { rowToDeal } from '../../import/row.js';
import { slug, uniqueId } from '../../import/values.js';
import { parseDeal } from '../../load/deal.js';
import { decodeText } from '../../load/input.js';
import { problem } from '../../load/problem.js';
import type { Problem } from '../../load/problem.js';
import type { Deal } from '../../schema/deal.js';
import { cellPosition, CsvError, readCsv, readCsvBatches } from '../../io/csv.js';
import type { CsvHeader, CsvSummary } from '../../io/csv.js';
import { discoverDealFiles } from '../../io/discover.js';
import { displayPath, readInputFile, readInputFileSync } from '../../io/files.js';
import { describeFsError } from '../../io/fs-errors.js';
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
}

/** Files written at once. */
const WRITERS = 16;

/**
 * Deal texts kept from pass 1 up to this many characters; past it, pass 2 makes them again.
 * DEAL_TRIAGE_IMPORT_TEXT_BUDGET changes it, for the tests of pass 2 (not a user's setting).
 */
const TEXT_BUDGET = 64 * 1024 * 1024;

/** A deal file already in the folder. */
interface Existing {
  /** Real path, to read and write. */
  path: string;
  /** As shown. */
  file: string;
  deal: Deal;
}

/**
 * One row to write, as pass 1 planned it: small, as there is one per row to write. A new deal's
 * file is `<into>/<id>.yaml`; an updated one's, its existing file's.
 */
interface Planned {
  line: number;
  id: string;
  existing?: Existing;
  text?: string;
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

  const csvPath = path.resolve(io.cwd, file);
  const csvShown = displayPath(file, io.cwd);
  const into = path.resolve(io.cwd, options.into);
  const intoShown = displayPath(options.into, io.cwd);
  // Deal files are written into a real folder, never through a link to one elsewhere (as check
  // never reads through a link out of its folder).
  const intoStat = await lstat(into).catch(() => undefined);
  if (intoStat?.isSymbolicLink()) {
    throw new UsageError(`--into ${safeChars(intoShown)} is a symbolic link; import writes deal files only into a real folder: name the folder it leads to`);
  }
  if (intoStat !== undefined && !intoStat.isDirectory()) throw new UsageError(`--into ${safeChars(intoShown)} is not a folder`);

  const mapFile = options.map === undefined ? undefined : await readMapping(options.map, context);
  if (mapFile === null) return EXIT.usage;
  const presetName = options.preset ?? mapFile?.spec.preset;
  if (options.preset !== undefined && mapFile?.spec.preset !== undefined && options.preset !== mapFile.spec.preset) {
    throw new UsageError(`--preset ${options.preset} and the mapping's preset: ${mapFile.spec.preset} disagree; keep one`);
  }
  await checkExport(csvPath, file);

  const folder = await scanFolder(into, io.cwd, loaded.config.company.currency, context);

  // Pass 1: plan, and validate every deal to write.
  const summary: CsvSummary = { footerLines: 0 };
  const csvOptions = { encoding: options.encoding, delimiter: mapFile?.spec.delimiter === 'tab' ? '\t' : mapFile?.spec.delimiter };
  let mapping: Mapping | undefined;
  let header: CsvHeader | undefined;
  const planned: Planned[] = [];
  const skipped: Problem[] = [];
  const seen = new Map<string, number>();
  const assigned = new Set<string>();
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
    skipped,
    notInExport: [],
    unwritten: [],
    verdicts: undefined,
    today: context.today,
  };
  const verdicts: VerdictCounts = { join: 0, wait: 0, decline: 0, joins: [] };
  const count = (deal: Deal, shown: string) => {
    if (options.quiet) return;
    const { verdict } = decide(deal, loaded.config, { today: context.today, reasons: false });
    verdicts[verdict] += 1;
    if (verdict === 'join') verdicts.joins.push(shown);
  };
  let textChars = 0;
  let keepTexts = true;
  const budget = Number(io.env.DEAL_TRIAGE_IMPORT_TEXT_BUDGET ?? TEXT_BUDGET);
  // The text lists only the first few deals of each kind: a huge export keeps no list of them all.
  const listAll = options.format === 'json';
  const taken = (id: string) => folder.ids.has(id) || folder.names.has(`${id}.yaml`) || folder.names.has(`${id}.yml`) || assigned.has(id);

  try {
    for await (const batch of readCsvBatches(csvPath, csvShown, csvOptions, summary)) {
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
          skipped.push(problem(csvShown, cellPosition(row, index), rule, message));
        };
        const outcome = rowToDeal(row.cells, m);
        if (!outcome.ok) {
          skip(outcome.index, outcome.rule, outcome.message);
          continue;
        }
        const deal = outcome.deal;
        const idColumn = m.columns.find((c) => c.field === 'crm.id')!.index;
        const key = `${m.source}\u0000${deal.crmId}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          skip(idColumn, 'import-duplicate-record', `${m.source} record ${deal.crmId} is on line ${earlier} already; each record is one deal`);
          continue;
        }
        seen.set(key, row.line);
        const matches = folder.byCrm.get(key) ?? [];
        if (matches.length > 1) {
          skip(idColumn, 'import-ambiguous-record', `${matches.map((e) => e.file).join(' and ')} are all ${m.source} record ${deal.crmId}; keep one of them`);
          continue;
        }
        const existing = matches[0];
        if (existing) {
          const changes = ownedChanges(existing.deal, deal);
          if (changes.length === 0) {
            report.unchanged += 1;
            count(existing.deal, existing.file);
            continue;
          }
          const text = editDealText(readDealText(existing), changes);
          const valid = validate(text, existing.file, loaded.config.company.currency);
          if (!valid.ok) {
            skip(idColumn, 'import-invalid-deal', `updating ${existing.file} with this row would make it invalid: ${valid.reason}`);
            continue;
          }
          if (listAll || report.updatedCount < LISTED) report.updated.push({ file: existing.file, id: existing.deal.id, crmId: deal.crmId, line: row.line, changes });
          report.updatedCount += 1;
          count(valid.deal, existing.file);
          if (!report.dryRun) keepTexts = remember(planned, { line: row.line, id: existing.deal.id, existing }, text, keepTexts && (textChars += text.length) <= budget);
          continue;
        }
        const given = deal.owned.get('id') as string | undefined;
        if (given !== undefined && taken(given)) {
          const owner = folder.ids.get(given);
          const whose = owner?.deal.crm ? `${owner.file} (${owner.deal.crm.source} record ${owner.deal.crm.id})` : (owner?.file ?? `another deal of this export`);
          skip(m.columns.find((c) => c.field === 'id')!.index, 'import-id-taken', `the id ${given} already belongs to ${whose}; a deal's id is never given to another record`);
          continue;
        }
        const id = given ?? uniqueId(slug(deal.name), taken, suffixes);
        assigned.add(id);
        const target = path.join(into, `${id}.yaml`);
        const shown = displayPath(target, io.cwd);
        const text = newDealText(deal, id, m, toolVersion());
        const valid = validate(text, shown, loaded.config.company.currency);
        if (!valid.ok) {
          skip(idColumn, 'import-invalid-deal', `this row does not make a valid deal: ${valid.reason}`);
          continue;
        }
        if (listAll || report.createdCount < LISTED) report.created.push({ file: shown, id, crmId: deal.crmId, line: row.line });
        report.createdCount += 1;
        count(valid.deal, shown);
        if (!report.dryRun) keepTexts = remember(planned, { line: row.line, id }, text, keepTexts && (textChars += text.length) <= budget);
      }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      io.stderr.write(formatDiagnostics([error.problem], new Map(), context.styles.stderr));
      io.stderr.write(`deal-triage: ${safeChars(csvShown)} cannot be read as a table of deals; nothing was imported\n`);
      return EXIT.usage;
    }
    throw error;
  }
  report.footerLines = summary.footerLines;
  for (const [key, entries] of folder.byCrm) {
    if (!key.startsWith(`${report.source}\u0000`) || seen.has(key)) continue;
    for (const entry of entries) report.notInExport.push({ file: entry.file, id: entry.deal.id, crmId: entry.deal.crm!.id });
  }
  report.notInExport.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  // Pass 2: write.
  if (!report.dryRun && planned.length > 0) {
    if (!keepTexts) await makeTextsAgain(planned, csvPath, csvShown, csvOptions, mapping!);
    try {
      await mkdir(into, { recursive: true });
    } catch (error) {
      throw new UsageError(`cannot make the folder ${safeChars(intoShown)}: ${describeFsError(error)}`);
    }
    // A few writes at a time: each waits for its file to reach the disk, and the disk takes several at once.
    const unwritten = new Map<Planned, string>();
    let next = 0;
    const writer = async () => {
      while (next < planned.length) {
        const plan = planned[next++]!;
        const target = plan.existing?.path ?? path.join(into, `${plan.id}.yaml`);
        // A new deal's name was free when pass 1 gave it, and link() refuses it if anything took it since.
        const outcome = await writeFileAtomic(target, plan.text!, { overwrite: plan.existing !== undefined, noFollow: true, fresh: plan.existing === undefined });
        plan.text = undefined;
        if (outcome.kind === 'exists') unwritten.set(plan, 'a file of that name appeared during the import; it was left as it is');
        else if (outcome.kind === 'failed') unwritten.set(plan, outcome.reason);
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITERS, planned.length) }, writer));
    // In the export's order, whichever write finished first.
    for (const plan of planned) {
      const reason = unwritten.get(plan);
      if (reason !== undefined) report.unwritten.push({ file: plan.existing?.file ?? displayPath(path.join(into, `${plan.id}.yaml`), io.cwd), reason });
    }
  }
  if (!options.quiet) {
    verdicts.joins.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
  if (skipped.length > 0 && options.format === 'text') {
    io.stderr.write(`deal-triage: ${skipped.length === 1 ? '1 row was' : `${skipped.length.toLocaleString('en-US')} rows were`} skipped, the rest ${report.dryRun ? 'would be' : 'were'} imported; fix ${skipped.length === 1 ? 'it' : 'them'} in the CRM or the mapping and import again\n`);
  }
  if (report.unwritten.length > 0) return EXIT.usage;
  return skipped.length > 0 ? EXIT.problems : EXIT.ok;
}

/** Plans a write, with its text while the texts fit; the first time they do not, every text is let go. */
function remember(planned: Planned[], plan: Planned, text: string, keep: boolean): boolean {
  if (keep) plan.text = text;
  else if (planned[0]?.text !== undefined) for (const p of planned) p.text = undefined;
  planned.push(plan);
  return keep;
}

function validate(text: string, file: string, currency: string): { ok: true; deal: Deal } | { ok: false; reason: string } {
  const loaded = parseDeal(text, file, { defaultCurrency: currency });
  if (loaded.ok) return { ok: true, deal: loaded.value };
  const first = loaded.problems[0]!;
  return { ok: false, reason: first.message };
}

/** Pass 2 when the texts did not fit in memory: the same rows, the same texts, made again. */
async function makeTextsAgain(planned: Planned[], csvPath: string, csvShown: string, csvOptions: { encoding?: string | undefined; delimiter?: string | undefined }, mapping: Mapping): Promise<void> {
  const byLine = new Map(planned.map((plan) => [plan.line, plan]));
  let first = true;
  for await (const row of readCsv(csvPath, csvShown, csvOptions, { footerLines: 0 })) {
    if (first) {
      first = false;
      continue;
    }
    const plan = byLine.get(row.line);
    if (!plan) continue;
    const outcome = rowToDeal(row.cells, mapping);
    if (!outcome.ok) throw new Error(`line ${row.line} of ${csvShown} changed during the import`);
    plan.text = plan.existing ? editDealText(readDealText(plan.existing), ownedChanges(plan.existing.deal, outcome.deal)) : newDealText(outcome.deal, plan.id, mapping, toolVersion());
  }
}

/** A matched deal's text, read again to edit it. */
function readDealText(existing: Existing): string {
  const read = readInputFileSync(existing.path, { noFollow: true });
  const text = read.kind === 'ok' ? decodeText(read.bytes, existing.file) : undefined;
  if (typeof text !== 'string') throw new UsageError(`${safeChars(existing.file)} changed or went away during the import; run it again`);
  return text;
}

interface Folder {
  byCrm: Map<string, Existing[]>;
  ids: Map<string, Existing>;
  /** Every name in the folder itself: a new deal's file never takes one. */
  names: Set<string>;
}

/** The deal files already in the folder, by CRM record and by id. A file that is not a valid deal is left alone, and said so. */
async function scanFolder(into: string, cwd: string, currency: string, context: CommandContext): Promise<Folder> {
  const folder: Folder = { byCrm: new Map(), ids: new Map(), names: new Set() };
  try {
    for (const name of await readdir(into)) folder.names.add(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return folder;
    throw new UsageError(`cannot read ${safeChars(displayPath(into, cwd))}: ${describeFsError(error)}`);
  }
  const discovery = await discoverDealFiles([into], cwd);
  if (!discovery.ok) return folder;
  const invalid: string[] = [];
  // One after another, into one reused buffer, as check reads on each thread: most files are small.
  for (const f of discovery.files) {
    // A link out of the folder, or not a file: not read, and said so, so that a record it may hold is not quietly imported twice.
    if (f.refused) {
      invalid.push(f.file);
      continue;
    }
    const outcome = readInputFileSync(f.path, { noFollow: true, reuseBuffer: true });
    if (outcome.kind !== 'ok') {
      invalid.push(f.file);
      continue;
    }
    const text = decodeText(outcome.bytes, f.file);
    const loaded = typeof text === 'string' ? parseDeal(text, f.file, { defaultCurrency: currency }) : undefined;
    if (typeof text !== 'string' || !loaded?.ok) {
      invalid.push(f.file);
      continue;
    }
    // Its text is read again if the export changes it: most deals of a weekly import do not change.
    const entry: Existing = { path: f.path, file: f.file, deal: loaded.value };
    if (!folder.ids.has(loaded.value.id)) folder.ids.set(loaded.value.id, entry);
    const crm = loaded.value.crm;
    if (crm) {
      const key = `${crm.source}\u0000${crm.id}`;
      const list = folder.byCrm.get(key);
      if (list) list.push(entry);
      else folder.byCrm.set(key, [entry]);
    }
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
  const { stat } = await import('node:fs/promises');
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

