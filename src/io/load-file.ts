// Reading an input file and loading it, one way for every command: the safe readers of files.ts,
// then the pure pipeline of load/ on text decoded once, as a deal or as the config. The result keeps
// that text for code frames; a path that is not a file to read gives a message in the words of the
// command that named it (each says "no such file" its own way, and check makes a problem of it).
// A file is loaded by the quick loaders, which need no zod; one they refuse goes through zod for its
// problems (./load-file-zod.ts), which an async caller loads only then: `triage` of valid files never
// loads it, and that is a third of its start-up.

import path from 'node:path';
import { parseConfigQuick } from '../load/config-quick.js';
import type { RefusedConfig } from '../load/config-quick.js';
import { parseDealQuick } from '../load/deal-quick.js';
import type { RefusedDeal } from '../load/deal-quick.js';
import { decodeText, tooLarge } from '../load/input.js';
import type { LoadResult } from '../load/input.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { Deal } from '../schema/deal.js';
import { displayPath, readInputFile, readInputFileSync } from './files.js';
import type { ReadOutcome } from './files.js';
import type { SchemaFallback } from './load-file-zod.js';

/** Where to read a file (`path`) and how it is shown to the user, which its problems are located by (`file`). */
export interface InputPath {
  path: string;
  file: string;
}

/** A path as named on the command line, relative to the working folder. */
export function inputPath(given: string, cwd: string): InputPath {
  return { path: path.resolve(cwd, given), file: displayPath(given, cwd) };
}

/** What a command says of a path it cannot read, given the path as shown. */
export interface NotReadWording {
  missing: (file: string) => string;
  directory: (file: string) => string;
  /** `notAFile`: a pipe, socket or device, refused rather than read. */
  unreadable: (file: string, reason: string, notAFile: boolean) => string;
}

interface Kinds {
  deal: Deal;
  config: ResolvedConfig;
}
export type InputKind = keyof Kinds;

export interface LoadFileOptions {
  wording: NotReadWording;
  /** A deal's currency when it names none: the company's. */
  defaultCurrency?: string;
  /** Refuse a symbolic link as the last part of the path (see ReadOptions). */
  noFollow?: boolean;
}

/**
 * A file that was read, valid or not. `text` is what the code frames show: the text loaded, or, when
 * the bytes are not valid UTF-8, a lenient decoding of them; absent when the file was too large to read.
 */
export type LoadedFile<T> = { read: true; file: string } & (
  | (Extract<LoadResult<T>, { ok: true }> & { text: string })
  | (Extract<LoadResult<T>, { ok: false }> & { text: string | undefined })
);

export type InputFile<T> = LoadedFile<T> | { read: false; file: string; message: string; notAFile: boolean };

interface Refused {
  read: true;
  file: string;
  text: string;
  refused: RefusedDeal | RefusedConfig;
}

const QUICK: { [K in InputKind]: (text: string, file: string, options: LoadFileOptions) => LoadResult<Kinds[K]> | RefusedDeal | RefusedConfig } = {
  deal: (text, file, { defaultCurrency }) => parseDealQuick(text, file, defaultCurrency === undefined ? {} : { defaultCurrency }),
  config: (text, file) => parseConfigQuick(text, file),
};

let zod: Promise<SchemaFallback> | undefined;

/** zod and the schemas, loaded the first time a file needs them. */
export function zodFallback(): Promise<SchemaFallback> {
  zod ??= import('./load-file-zod.js').then((module) => module.ZOD_FALLBACK);
  return zod;
}

export async function loadInputFile<K extends InputKind>(at: InputPath, kind: K, options: LoadFileOptions): Promise<InputFile<Kinds[K]>> {
  return loadFromRead(await readInputFile(at.path, { noFollow: options.noFollow === true }), at.file, kind, options);
}

/** What was read (standard input, say), loaded; zod is loaded only if the quick loaders refuse it. */
export async function loadFromRead<K extends InputKind>(read: ReadOutcome, file: string, kind: K, options: LoadFileOptions): Promise<InputFile<Kinds[K]>> {
  const quick = loadRead(read, file, kind, options);
  return 'refused' in quick ? finish(quick, kind, await zodFallback()) : quick;
}

/** The same, blocking, with the fallback the caller has loaded. */
export function loadInputFileSync<K extends InputKind>(at: InputPath, kind: K, options: LoadFileOptions, fallback: SchemaFallback): InputFile<Kinds[K]> {
  return fromRead(readInputFileSync(at.path, { noFollow: options.noFollow === true }), at.file, kind, options, fallback);
}

/** What was read by the readers of files.ts, loaded: for a caller that also needs the bytes (check hashes them for --cache). */
export function fromRead<K extends InputKind>(read: ReadOutcome, file: string, kind: K, options: LoadFileOptions, fallback: SchemaFallback): InputFile<Kinds[K]> {
  const quick = loadRead(read, file, kind, options);
  return 'refused' in quick ? finish(quick, kind, fallback) : quick;
}

function finish<K extends InputKind>(quick: Refused, kind: K, fallback: SchemaFallback): InputFile<Kinds[K]> {
  const { refused, ...read } = quick;
  const word = fallback[kind] as (refused: RefusedDeal | RefusedConfig) => LoadResult<Kinds[K]>;
  return { ...read, ...word(refused) };
}

function loadRead<K extends InputKind>(read: ReadOutcome, file: string, kind: K, options: LoadFileOptions): InputFile<Kinds[K]> | Refused {
  const { wording } = options;
  switch (read.kind) {
    case 'missing':
      return { read: false, file, message: wording.missing(file), notAFile: false };
    case 'directory':
      return { read: false, file, message: wording.directory(file), notAFile: false };
    case 'unreadable':
      return { read: false, file, message: wording.unreadable(file, read.reason, read.notAFile === true), notAFile: read.notAFile === true };
    case 'too-large':
      return { read: true, file, ok: false, problems: [tooLarge(file, read.size)], text: undefined };
    case 'ok': {
      const text = decodeText(read.bytes, file);
      // The frame of a bad byte shows the line around it, decoded leniently.
      if (typeof text !== 'string') return { read: true, file, ...text, text: new TextDecoder().decode(read.bytes) };
      const loaded = QUICK[kind](text, file, options);
      if ('refused' in loaded) return { read: true, file, text, refused: loaded };
      return { read: true, file, text, ...loaded };
    }
  }
}

/** The texts of the files that did not load, by file: for the code frames of their problems. */
export function sourcesOf(files: readonly LoadedFile<unknown>[]): Map<string, string> {
  return new Map(files.flatMap((input) => (input.ok || input.text === undefined ? [] : [[input.file, input.text] as const])));
}
