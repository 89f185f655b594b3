// What the import tests share: working folders with the bundled exports, and the HubSpot export a
// week later.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

/** A file of a working folder, as text. */
export const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/** Copies these exports of fixtures/import/ into the folder. */
export function copyExports(dir: string, ...fixtures: string[]): string {
  for (const name of fixtures) copyFileSync(path.join(ROOT, 'fixtures/import', name), path.join(dir, name));
  return dir;
}

/** The HubSpot export a week later: Hooli won, for more, on another day; Wayne gone from it. */
export function nextWeek(dir: string): void {
  const csv = read(dir, 'hubspot.csv')
    .replace('contractsent,2026-12-20 00:00,Lee Park,"1,800,000"', 'closedwon,2026-12-18,Lee Park,"1,950,000"')
    .split('\n')
    .filter((line) => !line.includes('Wayne'))
    .join('\n');
  writeFileSync(path.join(dir, 'hubspot.csv'), csv);
}
