/**
 * AWS maintenance and backup windows: `hh:mm-hh:mm` (daily, UTC) and
 * `ddd:hh:mm-ddd:hh:mm` (weekly, UTC), as RDS, Neptune and ElastiCache take them.
 */

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** AWS rejects windows shorter than this. */
export const MIN_WINDOW_MINUTES = 30;

/** A window as minute offsets: within a day (daily) or within the week from Monday 00:00 (weekly). */
export interface Window {
  readonly start: number;
  readonly length: number;
}

const TIME = "([01]\\d|2[0-3]):([0-5]\\d)";
const DAILY = new RegExp(`^${TIME}-${TIME}$`);
const WEEKLY = new RegExp(`^(${DAYS.join("|")}):${TIME}-(${DAYS.join("|")}):${TIME}$`);

/** Parses a daily `hh:mm-hh:mm` window; undefined when malformed. Wraps past midnight. */
export function parseDailyWindow(text: string): Window | undefined {
  const m = DAILY.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return { start, length: (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY };
}

/** Parses a weekly `ddd:hh:mm-ddd:hh:mm` window; undefined when malformed. Wraps past Sunday. */
export function parseWeeklyWindow(text: string): Window | undefined {
  const m = WEEKLY.exec(text);
  if (!m) return undefined;
  const at = (day: string, h: string, min: string) =>
    DAYS.indexOf(day as (typeof DAYS)[number]) * MINUTES_PER_DAY + Number(h) * 60 + Number(min);
  const start = at(m[1], m[2], m[3]);
  const end = at(m[4], m[5], m[6]);
  return { start, length: (end - start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK };
}

/** True when a daily window, repeated every day, overlaps the weekly window. */
export function dailyOverlapsWeekly(daily: Window, weekly: Window): boolean {
  for (let day = -1; day <= 7; day++) {
    const start = day * MINUTES_PER_DAY + daily.start;
    for (const shift of [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK]) {
      const wStart = weekly.start + shift;
      if (start < wStart + weekly.length && wStart < start + daily.length) return true;
    }
  }
  return false;
}
