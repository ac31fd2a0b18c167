// Local mode's controllable clock: real time plus an offset that only grows, so "now" never runs backwards.
import type { ServiceClock } from '@casetasks/app/runtime';

/** What `GET /local/clock` shows. */
export interface LocalClockState {
  now: string;
  real: string;
  offsetMs: number;
}

/** Moving the clock backwards: deadlines and markers already written would lie in the future. */
export class ClockBackwardsError extends Error {
  constructor(
    readonly target: Date,
    readonly now: Date,
  ) {
    super(`${target.toISOString()} is before the local now ${now.toISOString()}: the clock only moves forward`);
  }
}

export class LocalClock implements ServiceClock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = () => Date.now()) {}

  now(): number {
    return this.realNow() + this.offsetMs;
  }

  state(): LocalClockState {
    const real = this.realNow();
    return {
      now: new Date(real + this.offsetMs).toISOString(),
      real: new Date(real).toISOString(),
      offsetMs: this.offsetMs,
    };
  }

  /** Sets now to `target` (it keeps ticking with real time from there). */
  moveTo(target: Date): void {
    const now = this.now();
    if (target.getTime() < now) throw new ClockBackwardsError(target, new Date(now));
    this.offsetMs = target.getTime() - this.realNow();
  }

  /** Moves now ahead by exactly `ms` (> 0). */
  advanceBy(ms: number): void {
    if (!(ms > 0)) throw new ClockBackwardsError(new Date(this.now() + ms), new Date(this.now()));
    this.offsetMs += ms;
  }

  /** Back to real time: only while that is not backwards, i.e. the clock was never moved ahead. */
  backToReal(): void {
    if (this.offsetMs > 0) throw new ClockBackwardsError(new Date(this.realNow()), new Date(this.now()));
    this.offsetMs = 0;
  }
}
