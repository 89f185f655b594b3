// Money and days are exact to the hundredth (PRODUCT.md §3): a cent, a hundredth of a day. Binary
// floating point is not (20.1 − 10.1 is 10.000000000000002, and a ratio that is exactly 10 can come
// out as 9.999999999999998), and at a threshold that flips a verdict. So derived facts are computed
// on whole hundredths, which doubles hold exactly, and come back as the nearest double to the
// decimal result: the same number the user would have written.

/** Hundredths as a whole number, or undefined where that is not exact (far beyond any deal). */
function hundredths(value: number): number | undefined {
  const scaled = Math.round(value * 100);
  return Number.isSafeInteger(scaled) ? scaled : undefined;
}

/** A value to the hundredth: 99999.99999999999 is 100000, 20.1 stays 20.1. */
export function toHundredth(value: number): number {
  const scaled = hundredths(value);
  return scaled === undefined ? value : scaled / 100;
}

export function exactSum(a: number, b: number): number {
  const x = hundredths(a);
  const y = hundredths(b);
  return x === undefined || y === undefined ? a + b : (x + y) / 100;
}

export function exactDifference(a: number, b: number): number {
  const x = hundredths(a);
  const y = hundredths(b);
  return x === undefined || y === undefined ? a - b : (x - y) / 100;
}

/**
 * a ÷ b on the hundredths: when the true ratio of the written decimals is a whole number or any
 * other double, division of two exact integers gives it exactly (IEEE division rounds once).
 */
export function exactRatio(a: number, b: number): number {
  const x = hundredths(a);
  const y = hundredths(b);
  return x === undefined || y === undefined || y === 0 ? a / b : x / y;
}
