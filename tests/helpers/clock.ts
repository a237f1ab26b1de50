import type { Clock } from '../../server/clock.ts';

/** A clock tests move by hand (lockout windows, idle expiry). */
export class TestClock implements Clock {
  private t: number;
  constructor(start = '2026-06-01T08:00:00.000Z') {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(m: number): void {
    this.t += m * 60_000;
  }
}
