// The one bounded-concurrency helper: at most `limit` calls of `work` in flight, results in input order.
import pMap from 'p-map';

export const mapBounded = <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> =>
  pMap(items, (item) => work(item), { concurrency: Math.max(1, limit) });
