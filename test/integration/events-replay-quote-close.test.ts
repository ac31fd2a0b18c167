// Replay around a closing (issue 24): quote cases that walk their whole life (quote round mid-life, pause,
// solving, commission) and are closed, the winner picked before or after the closing. In order vs every event
// twice, shuffled: the same tasks. See docs/events.md ("Replay property"; "Any order", a winner after the closing).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RawEvent, replayHarnesses } from './events-helpers.js';
import {
  allTasks,
  buildStream,
  closedQuoteCaseArb,
  openPerScope,
  projection,
  winnerOrders,
  winnersLast,
} from './replay-model.js';

const SEED = Number(process.env.REPLAY_SEED ?? 20261129);
// 6 shuffles per test (3 for winners first) fit the ~90 s a file may take in npm test;
// REPLAY_RUNS=200 for the long run.
const RUNS = Number(process.env.REPLAY_RUNS ?? 6);

const pair = replayHarnesses('replay-close');

/** Two closed quote cases: the winner of the first picked before its closing, of the second after it. */
const streamArb = (winnerAfterClose: boolean) =>
  fc
    .tuple(closedQuoteCaseArb(false), closedQuoteCaseArb(winnerAfterClose))
    .map(([before, after]) =>
      buildStream({ cases: [before, after], quotes: [], contractSignedAfterStep: [undefined, undefined] }, 'RUN'),
    );

/** The winners first: each picks its case's partner before anything else of the case arrives. */
const winnersFirst = (delivery: readonly RawEvent[]) => {
  const last = winnersLast(delivery);
  const winners = last.filter((event) => event['detail-type'] === 'Quote Winner Selected');
  return [...winners, ...last.slice(0, last.length - winners.length)];
};

type Delivery = 'winners last or first by turns' | 'winners last' | 'winners first';

const replay = async (winnerAfterClose: boolean, order: Delivery, prefix: string, numRuns = RUNS) => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      streamArb(winnerAfterClose).chain((stream) => {
        const twice = [...stream, ...stream];
        return fc.tuple(
          fc.constant(stream),
          fc.shuffledSubarray(twice, { minLength: twice.length, maxLength: twice.length }),
        );
      }),
      async ([stream, shuffledTwice]) => {
        // Prepare: winners delivered last, first, or by turns.
        const name = `${prefix}${run}`;
        const last = order === 'winners last' || (order !== 'winners first' && run % 2 === 0);
        run++;
        const delivery = last ? winnersLast(shuffledTwice) : winnersFirst(shuffledTwice);
        const orders = winnerOrders(stream, delivery);
        const wanted = ['winner before Case Closed', 'round after Case Status Changed', 'round before Case Closed'];
        if (winnerAfterClose) wanted.push('winner after Case Closed');
        wanted.push(last ? 'delivered after Case Closed' : 'delivered before Case Closed');
        expect([...orders]).toEqual(expect.arrayContaining(wanted));
        const rename = (event: RawEvent): RawEvent => JSON.parse(JSON.stringify(event).replaceAll('RUN', name));
        // Act
        for (const event of stream) await pair.inOrder.send(rename(event));
        for (const event of delivery) await pair.shuffled.send(rename(event));
        // Assess
        const [expected, actual] = await Promise.all([allTasks(pair.inOrder, name), allTasks(pair.shuffled, name)]);
        const [want, got] = [projection(expected), projection(actual)];
        expect({
          missing: want.filter((row) => !got.includes(row)),
          extra: got.filter((row) => !want.includes(row)),
        }).toEqual({ missing: [], extra: [] });
        expect(openPerScope(actual).every((count) => count === 1)).toBe(true);
      },
    ),
    { seed: SEED, numRuns, endOnFailure: true, includeErrorInReport: true },
  );
};

describe('replay around a closing, quote rounds on submitted cases', () => {
  it(
    'winners before the closing, delivered before or after it: the same tasks as in order',
    () => replay(false, 'winners last or first by turns', 'b'),
    RUNS * 60_000,
  );
  it(
    'a winner picked after the closing, delivered after it: the same tasks as in order',
    () => replay(true, 'winners last', 'a'),
    RUNS * 60_000,
  );
  // Was a real divergence (issue 24): a winner picked after the closing but delivered before it ended
  // select_quote_winner `auto`; the closing now re-decides the round's tasks (quoteTaskEnd), so it ends `cancelled`.
  it(
    'a winner picked after the closing, delivered before it: the same tasks as in order (cancelled by the closing)',
    () => replay(true, 'winners first', 'f', Math.ceil(RUNS / 2)),
    RUNS * 60_000,
  );
});
