// Splits consumed capacity into the table's share and the secondary indexes' share (ReturnConsumedCapacity INDEXES).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

interface Consumed {
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

/** Write units only: where a write's capacity goes. */
export interface IndexSplit {
  table: number;
  indexes: number;
  /** Of `indexes`: write units per index name. */
  byIndex: Record<string, number>;
}

/**
 * Asks for INDEXES on every request (the totals the capacity meter sums stay the same) and adds up the
 * table's and the indexes' write units: index fan-out is most of what a task write costs.
 */
export const attachIndexMeter = (client: DynamoDBDocumentClient) => {
  const split: IndexSplit = { table: 0, indexes: 0, byIndex: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      if (READS.has(context.commandName ?? '')) return result;
      const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
      const consumed = Array.isArray(output.ConsumedCapacity) ? output.ConsumedCapacity : [output.ConsumedCapacity];
      for (const entry of consumed) {
        split.table += entry?.Table?.CapacityUnits ?? 0;
        for (const [name, index] of Object.entries(entry?.GlobalSecondaryIndexes ?? {})) {
          split.indexes += index.CapacityUnits ?? 0;
          split.byIndex[name] = (split.byIndex[name] ?? 0) + (index.CapacityUnits ?? 0);
        }
      }
      return result;
    },
    // After the capacity meter (also at initialize): it only sets TOTAL when nothing is set.
    { step: 'initialize', name: 'indexMeter', override: true, priority: 'low' },
  );
  return {
    reset: () => {
      split.table = 0;
      split.indexes = 0;
      split.byIndex = {};
    },
    snapshot: (): IndexSplit => ({ ...split, byIndex: { ...split.byIndex } }),
  };
};
