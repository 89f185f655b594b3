// The system's calendar date, the one reading of the clock a run makes (src/cli/today.ts, when
// neither --today nor DEAL_TRIAGE_TODAY gives the day). Apart, so the library API offers it without
// the command line.

/** The calendar date of `date` where the user is (the system's time zone), YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}
