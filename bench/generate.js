// Writes N realistic, valid deal files into a folder, for the `check` benchmark. Deterministic:
// the same N gives the same files (a seeded generator, no clock), so runs compare like with like;
// and by index: deal i is the same text whatever N, so the first n files of a larger set are the
// set of n (the benchmark links them instead of writing them again).
//
//   node bench/generate.js <folder> <count>

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a small, well-known seeded PRNG. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Cyberdyne', 'Soylent', 'Tyrell', 'Wonka', 'Oscorp'];
const SUFFIXES = ['Corp', 'Industries', 'Holdings', 'Group', 'Logistics', 'Health', 'Energy', 'Foods'];
const INDUSTRIES = ['Manufacturing', 'Retail', 'Healthcare', 'Energy', 'Logistics', 'Financial services', 'Public sector'];
const OWNERS = ['Dana Reyes', 'Sam Ortiz', 'Priya Nair', 'Tom Becker', 'Aiko Tanaka', 'Lena Novak'];
const STAGES = ['discovery', 'qualification', 'proposal', 'negotiation', 'negotiation', 'proposal', 'closed-won', 'closed-lost'];
const POTENTIALS = ['none', 'possible', 'likely', 'likely', 'committed'];
const ROLES = ['economic-buyer', 'champion', 'decision-maker', 'influencer', 'user', 'blocker'];
const TITLES = ['VP Operations', 'CFO', 'CIO', 'Head of Procurement', 'Plant Manager', 'Director of IT'];
const PEOPLE = ['Lee Park', 'Morgan Chu', 'Alex Kim', 'Jordan Lee', 'Riley Shah', 'Casey Moreau', 'Noa Levi'];

/**
 * The text of deal number `index`, drawn from `rnd` (also used by tests/load/simple-yaml.test.ts).
 * @param {number} index
 * @param {() => number} rnd
 * @returns {string}
 */
export function dealText(index, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (min, max) => min + Math.floor(rnd() * (max - min + 1));
  const company = `${pick(COMPANIES)} ${pick(SUFFIXES)}`;
  const id = `deal-${String(index).padStart(5, '0')}`;
  const stage = pick(STAGES);
  const potential = pick(POTENTIALS);
  const days = int(0, 25);
  const lines = [
    `id: ${id}`,
    `name: ${company} — ${pick(['rollout', 'pilot', 'renewal', 'expansion', 'platform deal'])} ${index}`,
    `owner: ${pick(OWNERS)}`,
    `type: ${pick(['new', 'new', 'expansion', 'renewal'])}`,
    `stage: ${stage}`,
    `close_date: 2027-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
    'account:',
    `  name: ${company}`,
    `  employees: ${int(50, 200_000)}`,
    `  annual_revenue: ${int(5, 50_000) * 1_000_000}`,
    `  industry: ${pick(INDUSTRIES)}`,
    'value:',
    `  amount: ${int(10, 900) * 1000}`,
    '  currency: USD',
    `  term_months: ${pick([12, 24, 36])}`,
    'follow_on:',
    `  potential: ${potential}`,
  ];
  if (potential !== 'none') lines.push(`  value: ${int(0, 5000) * 1000}`, `  notes: Rollout to ${int(2, 9)} more sites after the first`);
  lines.push(`strategic_logo: ${rnd() < 0.2}`);
  if (rnd() < 0.7) lines.push('competition:', `  threat: ${pick(['low', 'medium', 'high'])}`, `  competitors: [${pick(COMPANIES)}, ${pick(COMPANIES)}]`);
  lines.push('custom_work:', `  days: ${days}`, `  compensated_days: ${int(0, days)}`, '  description: Connector to their ERP');
  lines.push('asks:');
  for (let i = int(1, 3); i > 0; i--) {
    lines.push(`  - request: ${pick(['90-day payment terms', 'Named support engineer', 'On-site training', 'Price lock for three years'])}`);
    const position = pick(['yes', 'trade', 'no']);
    lines.push(`    position: ${position}`, '    rationale: Our standard terms apply');
    // The briefing's newer fields follow from earlier draws, so the stream of numbers (and every deal) stays as it was.
    if (position === 'trade') lines.push('    in_exchange: A three-year term');
    if (rnd() < 0.3) lines.push('    exception: true');
  }
  lines.push('stakeholders:');
  let counterpart = false;
  for (let i = int(1, 3); i > 0; i--) {
    const name = pick(PEOPLE);
    const title = pick(TITLES);
    const role = pick(ROLES);
    lines.push(`  - name: ${name}`, `    title: ${title}`, `    role: ${role}`);
    if (role === 'economic-buyer' && !counterpart) lines.push('    counterpart: true');
    counterpart ||= role === 'economic-buyer';
  }
  if (rnd() < 0.9) {
    lines.push('history:');
    for (let i = int(1, 4); i > 0; i--) {
      lines.push(`  - date: 2026-${String(int(1, 10)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`, `    event: ${pick(['Discovery call', 'Demo to the IT team', 'Pilot kicked off', 'Security review passed'])}`);
    }
  }
  const issue = pick(['Worried we are too small', 'Needs SOC 2 report', 'Budget not yet approved']);
  lines.push('issues:', issue === 'Needs SOC 2 report' ? `  - issue: ${issue}\n    response: Our SOC 2 Type II report is ready to share` : `  - ${issue}`);
  if (rnd() < 0.85) {
    lines.push('questions:', '  - question: What happens to us if you are acquired?', '    answer: Change-of-control clause and source escrow');
  }
  if (rnd() < 0.9) lines.push(`objective: Verbal commitment to the ${company} rollout`);
  lines.push('plan: The CEO joins the negotiation call; the owner leads, the CEO closes');
  lines.push('ceo:', `  requested: ${rnd() < 0.15}`);
  return `${lines.join('\n')}\n`;
}

/** The file name of deal number `index`. */
export const dealFileName = (index) => `deal-${String(index).padStart(5, '0')}.yaml`;

/**
 * The texts of deals 0 to count-1, in order: one stream of random numbers, so deal i depends only
 * on i and the seed, never on count.
 * @param {number} count
 * @returns {Generator<string>}
 */
export function* dealTexts(count, seed = 42) {
  const rnd = random(seed);
  for (let i = 0; i < count; i++) yield dealText(i, rnd);
}

/**
 * Writes `count` deal files into `folder` (created if missing).
 * @param {string} folder
 * @param {number} count
 */
export function generate(folder, count, seed = 42) {
  mkdirSync(folder, { recursive: true });
  let i = 0;
  for (const text of dealTexts(count, seed)) writeFileSync(path.join(folder, dealFileName(i++)), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, count] = process.argv.slice(2);
  if (!folder || !count) {
    console.error('usage: node bench/generate.js <folder> <count>');
    process.exit(2);
  }
  generate(folder, Number(count));
}
