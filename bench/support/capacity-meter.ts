// Measures the read and write capacity a piece of code consumes: asks DynamoDB for it on every call.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export interface CapacityTotals {
  read: number;
  write: number;
  calls: number;
  /** Read units per command name (e.g. QueryCommand vs BatchGetItemCommand: a list page's Query and its join). */
  readsBy: Record<string, number>;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

/**
 * Adds `ReturnConsumedCapacity: TOTAL` to every request of the client and sums what comes back.
 * DynamoDB Local reports capacity like the service does (sizes in 4 KB / 1 KB units).
 */
export const attachCapacityMeter = (client: DynamoDBDocumentClient) => {
  const totals: CapacityTotals = { read: 0, write: 0, calls: 0, readsBy: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (!('ReturnConsumedCapacity' in input) || input.ReturnConsumedCapacity === 'NONE') {
        input.ReturnConsumedCapacity = 'TOTAL';
      }
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
      const consumed = Array.isArray(output.ConsumedCapacity) ? output.ConsumedCapacity : [output.ConsumedCapacity];
      const units = consumed.reduce((sum, c) => sum + (c?.CapacityUnits ?? 0), 0);
      const command = context.commandName ?? '';
      if (READS.has(command)) {
        totals.read += units;
        totals.readsBy[command] = (totals.readsBy[command] ?? 0) + units;
      } else totals.write += units;
      totals.calls += 1;
      return result;
    },
    { step: 'initialize', name: 'capacityMeter', override: true },
  );
  return {
    totals,
    reset: () => {
      totals.read = 0;
      totals.write = 0;
      totals.calls = 0;
      totals.readsBy = {};
    },
    snapshot: (): CapacityTotals => ({ ...totals, readsBy: { ...totals.readsBy } }),
  };
};
