// The service clock: real time by default, the installed clock while one is set.
import { afterEach, describe, expect, it } from 'vitest';
import { serviceNow, setServiceClock } from './clock.js';

afterEach(() => setServiceClock(undefined));

describe('serviceNow', () => {
  it('is the installed clock while one is set, real time again once it is removed', () => {
    // Prepare
    const later = Date.parse('2031-05-01T08:00:00Z');
    setServiceClock({ now: () => later });

    // Act / Assess
    expect(serviceNow().toISOString()).toBe('2031-05-01T08:00:00.000Z');
    setServiceClock(undefined);
    expect(serviceNow().getTime()).toBeLessThan(later);
  });
});
