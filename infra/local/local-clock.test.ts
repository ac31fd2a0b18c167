// Local mode's clock: an offset over real time that only grows.
import { describe, expect, it } from 'vitest';
import { ClockBackwardsError, LocalClock } from './local-clock.js';

describe('LocalClock', () => {
  it('follows real time until moved, then keeps ticking from the new now', () => {
    let real = Date.parse('2026-03-01T12:00:00Z');
    const clock = new LocalClock(() => real);

    expect(clock.state()).toEqual({ now: '2026-03-01T12:00:00.000Z', real: '2026-03-01T12:00:00.000Z', offsetMs: 0 });
    clock.moveTo(new Date('2026-03-04T12:00:00Z'));
    real += 1_000;

    expect(clock.state()).toEqual({
      now: '2026-03-04T12:00:01.000Z',
      real: '2026-03-01T12:00:01.000Z',
      offsetMs: 3 * 86_400_000,
    });
  });

  it('refuses to move backwards, and to go back to real time once ahead', () => {
    const clock = new LocalClock(() => Date.parse('2026-03-01T12:00:00Z'));
    clock.backToReal();
    clock.moveTo(new Date('2026-03-02T00:00:00Z'));

    expect(() => clock.moveTo(new Date('2026-03-01T23:00:00Z'))).toThrow(ClockBackwardsError);
    expect(() => clock.backToReal()).toThrow(ClockBackwardsError);
    expect(clock.state().now).toBe('2026-03-02T00:00:00.000Z');
  });
});
