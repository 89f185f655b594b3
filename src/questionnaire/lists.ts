// The widgets for optional parts of the deal: an optional group of answers (competition, next
// meeting) and a list of entries (asks, stakeholders…). One keystroke (Enter on a No) skips a part
// that is empty; one keystroke (Enter on "Keep") keeps one that is not.

import type { Prompter } from './prompter.js';

type KeepAction = 'keep' | 'change' | 'remove';

/** An optional mapping (competition, next meeting). */
export async function optionalGroup<T>(
  p: Prompter,
  spec: { add: string; title: string; summary: (value: T) => string; fill: (current: T | undefined) => Promise<T | undefined> },
  current: T | undefined,
): Promise<T | undefined> {
  if (current === undefined) {
    return (await p.confirm({ message: spec.add, default: false })) ? spec.fill(undefined) : undefined;
  }
  const action = await p.select<KeepAction>({
    message: `${spec.title}: ${spec.summary(current)}`,
    choices: [
      { value: 'keep', name: 'Keep as it is' },
      { value: 'change', name: 'Change it' },
      { value: 'remove', name: 'Remove it' },
    ],
    default: 'keep',
  });
  if (action === 'keep') return current;
  return action === 'change' ? spec.fill(current) : undefined;
}

export interface ListSpec<T> {
  /** The list as a heading: "Asks", "Open issues". */
  title: string;
  /** One entry, as the questions name it: "ask", "stakeholder". */
  noun: string;
  plural: string;
  /** The yes/no question that starts an empty list. */
  add: string;
  summary: (item: T) => string;
  /** Asks for entry `index` of the list, with an existing entry's values as defaults. */
  ask: (p: Prompter, current: T | undefined, index: number) => Promise<T>;
}

type ListAction = 'keep' | 'review' | 'add' | 'clear';

export async function askList<T>(p: Prompter, spec: ListSpec<T>, current: readonly T[]): Promise<T[]> {
  const items: T[] = [];
  if (current.length === 0) {
    if (!(await p.confirm({ message: spec.add, default: false }))) return [];
  } else {
    const count = `${current.length} ${current.length === 1 ? spec.noun : spec.plural}`;
    const action = await p.select<ListAction>({
      message: `${spec.title}: ${count} recorded`,
      choices: [
        { value: 'keep', name: 'Keep them as they are', description: listSummary(current.map(spec.summary)) },
        { value: 'review', name: 'Go through them: keep, change or remove each' },
        { value: 'add', name: 'Keep them and add more' },
        { value: 'clear', name: 'Remove them all' },
      ],
      default: 'keep',
    });
    if (action === 'keep') return [...current];
    if (action === 'clear') return [];
    if (action === 'add') items.push(...current);
    if (action === 'review') {
      for (const [index, item] of current.entries()) {
        const choice = await p.select<KeepAction>({
          message: `${capitalize(spec.noun)} ${index + 1} of ${current.length}: ${shorten(spec.summary(item))}`,
          choices: [
            { value: 'keep', name: 'Keep' },
            { value: 'change', name: 'Change' },
            { value: 'remove', name: 'Remove' },
          ],
          default: 'keep',
        });
        if (choice === 'keep') items.push(item);
        else if (choice === 'change') items.push(await spec.ask(p, item, items.length));
      }
      if (!(await p.confirm({ message: `Add another ${spec.noun}?`, default: false }))) return items;
    }
  }
  for (;;) {
    items.push(await spec.ask(p, undefined, items.length));
    if (!(await p.confirm({ message: `Add another ${spec.noun}?`, default: false }))) return items;
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The first few entries, on a line or two under the list of choices. */
function listSummary(lines: readonly string[]): string {
  const shown = lines.slice(0, 3).map((line) => shorten(line)).join('; ');
  return lines.length > 3 ? `${shown}; and ${lines.length - 3} more` : shown;
}

function shorten(line: string, max = 60): string {
  const flat = line.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
