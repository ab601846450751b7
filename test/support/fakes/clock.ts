import type { Clock } from '../../../functions/platform/ports/clock.port';

/** A clock that shows a fixed instant until the test moves it: tests never depend on today's date. */
export class ManualClock implements Clock {
  private current: number;

  constructor(iso: string) {
    this.current = Date.parse(iso);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = Date.parse(iso);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
