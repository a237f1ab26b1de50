/** The server's notion of now; tests pass a movable clock to exercise lockouts and expiry. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/** Today's date (YYYY-MM-DD) in China (UTC+8, no daylight saving): due dates and ages are Chinese days. */
export function chinaToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
