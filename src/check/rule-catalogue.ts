// Every rule id `check` can report, with what it means: the ids of the file, YAML and schema
// problems (reported by load/ and io/ as they find them, and those of the one-on-one log), the
// policy's finding rules (built in and the config's own), the folder rules and the one-on-one rules. SARIF lists them as its `tool.driver.rules`, so code
// scanning can show a rule's help beside each result. tests/check/rule-catalogue.test.ts reads the
// ids the source reports and holds this list to them, so a new problem id cannot go undescribed.

import type { Problem } from '../load/problem.js';
import { FOLDER_RULES } from '../policy/folder-rules.js';
import { ONE_ON_ONE_RULES } from '../policy/one-on-one-rules.js';
import type { ResolvedConfig } from '../policy/resolve.js';

export interface CatalogueRule {
  id: string;
  /** One sentence: what the rule reports. */
  summary: string;
  /** What to do about it. */
  help: string;
  /** The severity it reports at unless the config says otherwise. */
  severity: Problem['severity'];
  /** Where the rule comes from: the file and its schema, the policy's findings, the folder rules. */
  kind: 'file' | 'finding' | 'folder' | 'one-on-one';
}

/** The problems a deal file itself can have (always errors: such a file is not a valid deal). */
export const FILE_PROBLEMS = {
  'file-unreadable': ['The deal file cannot be read (permissions, or an I/O error).', 'Make the file readable by the user running check.'],
  'not-a-file': ['The path is a folder, pipe, socket or device, or a link to one, where a deal file was expected.', 'Check only regular .yaml or .yml files.'],
  'file-outside-folder': ['A symbolic link in the checked folder points at a file outside it, which is not read.', 'Copy the deal into the folder instead of linking to it.'],
  'file-too-large': ['The file is larger than a deal file can be (1 MiB).', 'Split it, or remove what is not about the deal.'],
  'file-encoding': ['The file is not valid UTF-8 text.', 'Save the file as UTF-8.'],
  'empty-file': ['The file holds no YAML document.', 'Write the deal in it, or remove the file.'],
  'yaml-syntax': ['The file is not valid YAML.', 'Fix the YAML at the place shown (indentation, quotes, brackets).'],
  'yaml-duplicate-key': ['A key appears twice in one mapping.', 'Keep one of the two keys.'],
  'yaml-multiple-documents': ['The file holds more than one YAML document (a second ---).', 'Keep one deal per file.'],
  'yaml-tag': ['The file uses a YAML tag (such as !!binary).', 'Write the value plainly, without the tag.'],
  'yaml-version': ['The file asks for a YAML version other than 1.2.', 'Remove the %YAML line.'],
  'yaml-too-deep': ['Lists and mappings are nested deeper than a deal file can be.', 'Flatten the structure.'],
  'yaml-alias-limit': ['Aliases (*name) expand to more values than a deal file can hold.', 'Write the values out instead of repeating aliases.'],
  'yaml-alias-cycle': ['An alias refers to the value it is inside.', 'Remove the alias.'],
  'yaml-complex-key': ['A mapping key is a list or a mapping.', 'Use a plain key.'],
  'forbidden-key': ['A key such as __proto__ that the tool refuses.', 'Rename or remove the key.'],
  'missing-field': ['A required field of the deal file is missing.', 'Add the field (see the deal file reference in the README).'],
  'unknown-key': ['A key the deal file does not have, often a misspelling.', 'Fix the spelling, or remove the key.'],
  'invalid-type': ['A value of the wrong type: text where a number is expected, say.', 'Write the value as the field expects.'],
  'invalid-value': ['A value the field does not take, such as a stage that does not exist.', 'Use one of the values listed in the message.'],
  'invalid-format': ['A value in the wrong format, such as a date not written YYYY-MM-DD or an id with capitals.', 'Write it in the format the message gives.'],
  'out-of-range': ['A number outside what the field takes (negative money, say).', 'Correct the number.'],
  'compensated-exceeds-days': ['custom_work.compensated_days is more than custom_work.days.', 'The customer cannot pay for more custom work than there is: correct either number.'],
  'in-exchange-without-trade': ['An ask has in_exchange, but its position is not trade.', 'Make the ask a trade, or remove in_exchange.'],
  'second-counterpart': ['More than one stakeholder is marked as the CEO\'s counterpart.', 'Mark only one stakeholder with counterpart: true.'],
  'too-many-problems': ['The file has more problems than are listed; the rest are counted.', 'Fix the problems listed, then check again.'],
  'override-too-long': ['A CEO override (ceo.override) runs more than a year past today.', 'Set ceo.override.until at most a year ahead, and decide again then.'],
  'duplicate-meeting': ['The one-on-one log records two meetings on one day.', 'Keep one entry a day: merge the two.'],
} as const satisfies Record<string, readonly [summary: string, help: string]>;

/**
 * The rules that can report in a run with this config, in a stable order: file problems, then the
 * enabled finding rules in policy order, then the enabled folder rules. Disabled rules cannot report
 * and are left out.
 */
export function reportableRules(config: ResolvedConfig): CatalogueRule[] {
  const files: CatalogueRule[] = Object.entries(FILE_PROBLEMS).map(([id, [summary, help]]) => ({ id, summary, help, severity: 'error', kind: 'file' }));
  const findings: CatalogueRule[] = config.rules
    .filter((rule) => rule.enabled && rule.effect === 'finding')
    .map((rule) => ({
      id: rule.id,
      summary: rule.description ?? `The config's finding rule "${rule.id}".`,
      help: `It says: ${rule.message}${rule.at === undefined ? '' : ` (reported at ${rule.at})`}`,
      severity: rule.severity ?? 'error',
      kind: 'finding',
    }));
  const folder: CatalogueRule[] = FOLDER_RULES.filter((spec) => config.folderRules[spec.id].enabled).map((spec) => ({
    id: spec.id,
    summary: spec.description,
    help: 'Compares the deal files of the checked folder with one another.',
    severity: config.folderRules[spec.id].severity,
    kind: 'folder',
  }));
  const oneOnOne: CatalogueRule[] = ONE_ON_ONE_RULES.filter((spec) => config.oneOnOne.rules[spec.id].enabled).map((spec) => ({
    id: spec.id,
    summary: spec.description,
    help: 'Read from the one-on-one log beside the config (one_on_one.log); record meetings with deal-triage one-on-one log.',
    severity: config.oneOnOne.rules[spec.id].severity,
    kind: 'one-on-one',
  }));
  return [...files, ...findings, ...folder, ...oneOnOne];
}
