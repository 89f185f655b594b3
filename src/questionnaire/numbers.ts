// Numbers as people type them into a question: `240,000`, `240k`, `1.2m`, `2bn`, `1,200,000`, `0`,
// `12.5`. A deal file holds plain numbers; a person answering a question should not have to count
// zeros. Whatever is not one of these is handed to the schema as the text it is, so the refusal
// reads as the deal file's own message for that field.

const TYPED = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?\s*(k|m|bn|b)?$/i;

const SUFFIX_DIGITS: Readonly<Record<string, number>> = { k: 3, m: 6, b: 9, bn: 9 };

/**
 * The number typed, exactly (`1.1m` is 1,100,000, never 1,100,000.0000000002); undefined for an
 * empty answer; the text itself (trimmed) for anything that is not a number as people write one.
 */
export function parseTypedNumber(typed: string): number | string | undefined {
  const text = typed.trim();
  if (text === '') return undefined;
  const match = TYPED.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) return text;
  const [, minus = '', whole = '0', fraction = '', suffix] = match;
  // Moving the decimal point in the text, not multiplying a double: exact for every suffix.
  const shift = suffix ? SUFFIX_DIGITS[suffix.toLowerCase()]! : 0;
  const digits = whole.replaceAll(',', '') + fraction.padEnd(shift, '0').slice(0, shift);
  const rest = fraction.slice(shift);
  return Number(`${minus}${digits}${rest ? `.${rest}` : ''}`);
}

/** A number as a question shows it back: `240000` as `240,000`, `12.5` as `12.5`, all its digits kept. */
export function showNumber(value: number): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole, fraction] = text.split('.') as [string, string?];
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}
