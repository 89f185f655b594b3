// The built-in policy passes the checks a user's rules get: each rule is parsed with the one rule
// schema, and the whole policy is read as a config's `rules:` (facts, operators, parameters,
// placeholders, `items`, `at`, severities, and the kinds an operator accepts). Run by the test suite
// and by the build, so a built-in rule that a user could not write fails before it ships.

import { BUILT_IN_RULES } from './built-in.js';
import { ConfigSchema } from './config-schema.js';
import { RuleSchema } from '../schema/rule.js';

/** What is wrong with the built-in policy, one line each, as `rule-id: path: message`; empty when nothing is. */
export function checkBuiltInPolicy(rules: readonly unknown[] = BUILT_IN_RULES): string[] {
  const problems: string[] = [];
  const idOf = (i: number) => {
    const rule = rules[i];
    return rule !== null && typeof rule === 'object' && 'id' in rule ? String(rule.id) : `rules[${i}]`;
  };
  rules.forEach((rule, i) => {
    const parsed = RuleSchema.safeParse(rule);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${idOf(i)}: ${issue.path.join('.') || '(rule)'}: ${issue.message}`);
  });
  const config = ConfigSchema.safeParse({ rules });
  if (!config.success) {
    for (const issue of config.error.issues) {
      const [, index, ...rest] = issue.path;
      problems.push(`${typeof index === 'number' ? idOf(index) : '(policy)'}: ${rest.join('.') || '(rule)'}: ${issue.message}`);
    }
  }
  return problems;
}
