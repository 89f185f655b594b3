// What an import did, or would do with --dry-run, as data: the report the text and JSON formats
// render. Counts rather than lists where a list could be as long as the export (unchanged deals).

import type { Problem } from '../load/problem.js';
import type { FieldChange } from './deal-text.js';

export interface ImportedDeal {
  /** The deal file, as shown (relative to the working folder). */
  file: string;
  id: string;
  crmId: string;
  /** The export's line the deal comes from. */
  line: number;
}

export interface ImportReport {
  /** The export, as shown. */
  csv: string;
  /** The deals folder, as shown. */
  into: string;
  source: string;
  preset: string | undefined;
  dryRun: boolean;
  /** Data rows read (the header and a footer not counted). */
  rows: number;
  /** Lines of a report footer skipped after the rows (Salesforce). */
  footerLines: number;
  /** How many deals were (or would be) created and updated. */
  createdCount: number;
  updatedCount: number;
  /** The deals themselves: all of them for JSON; for the text, only the first few it lists. */
  created: ImportedDeal[];
  updated: (ImportedDeal & { changes: FieldChange[] })[];
  unchanged: number;
  /** Rows that could not become a deal. */
  skippedRows: number;
  /** Why: each cell that is the trouble, located in the export (a row may have several). */
  skipped: Problem[];
  /** Deals of the same CRM in the folder that the export no longer has: kept, never deleted. */
  notInExport: { file: string; id: string; crmId: string }[];
  /** Deals the import meant to write and could not (the disk, permissions): located at the deal file. */
  unwritten: { file: string; reason: string }[];
  /** The verdicts of the deals the export gives (created, updated, unchanged), unless --quiet. */
  verdicts: VerdictCounts | undefined;
  today: string;
}

export interface VerdictCounts {
  join: number;
  wait: number;
  decline: number;
  /** The deals that want the CEO, as files, sorted: all of them, or for the text the first LISTED (`join` counts them all). */
  joins: string[];
}
