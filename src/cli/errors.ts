// The few error classes the CLI turns into exit codes (PRODUCT.md §2), in one place.

export const EXIT = {
  ok: 0,
  /** A deal file is invalid, or `check` found problems. */
  problems: 1,
  /** Usage error, missing or unreadable path, invalid config, internal error. */
  usage: 2,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

/** A mistake in how the tool was called: its message is printed as is, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
