// How DynamoDB Local counts write capacity (PERFORMANCE.md "How DynamoDB Local counts capacity"): a task's PutItem,
// one-item and multi-item transactions, an index key change; each rule asserted against what it reports.
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newTask } from '@casetasks/core';
import { createTableInput, itemSize } from '@casetasks/db';
import { storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { progress, startBenchDatabase } from '../support/local-table.js';
import { type Probe, ruleBook } from '../support/probe.js';

interface Consumed {
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

const KB = 1024;

/** An open, assigned task on a case: in several sparse indexes, under 1 KB. */
const taskItem = (): Record<string, unknown> =>
  storedItems.task(
    newTask({
      id: ulid(),
      type: 'update_case_status',
      party: 'partner',
      orgId: 'p-probe',
      scopeKey: `case#c-${ulid()}`,
      caseId: `c-${ulid()}`,
      createdAt: '2026-11-23T10:00:00.000Z',
      deadline: '2026-11-30T10:00:00.000Z',
      assigneeId: 'u-probe',
    }),
  );

/** A plain item in no index, padded to about `bytes`. */
const plainItem = (bytes: number): Record<string, unknown> => {
  const item = { pk: `probe#${ulid()}`, sk: 'item', pad: '' };
  return { ...item, pad: 'x'.repeat(Math.max(0, bytes - itemSize(item))) };
};

export const probe: Probe = async () => {
  const rules = ruleBook();
  const database = await startBenchDatabase();
  try {
    const { db } = await database.table('probe-capacity');
    const client = db.client;
    const gsis = createTableInput(db.tableName).GlobalSecondaryIndexes ?? [];
    const indexesOf = (item: Record<string, unknown>) =>
      gsis
        .filter((index) => (index.KeySchema ?? []).every((key) => item[key.AttributeName ?? ''] !== undefined))
        .map((index) => index.IndexName ?? '');
    const split = (consumed: Consumed | undefined) => ({
      table: consumed?.Table?.CapacityUnits ?? Number.NaN,
      indexes: Object.fromEntries(
        Object.entries(consumed?.GlobalSecondaryIndexes ?? {}).map(([name, units]) => [name, units.CapacityUnits ?? 0]),
      ),
    });
    const rows: Record<string, string | number>[] = [];
    const row = (write: string, items: Record<string, unknown>[], used: ReturnType<typeof split>, service: number) => {
      const indexUnits = Object.values(used.indexes).reduce((sum, units) => sum + units, 0);
      rows.push({
        write,
        items: items.length,
        bytes: items.map(itemSize).join(' + '),
        'table WCU': used.table,
        'index WCU': indexUnits,
        'per index': [...new Set(Object.values(used.indexes))].join('/') || '—',
        'table WCU on the service': service,
      });
    };

    progress('PutItem of a task');
    const task = taskItem();
    const taskIndexes = indexesOf(task);
    const put = await client.send(
      new PutCommand({ TableName: db.tableName, Item: task, ReturnConsumedCapacity: 'INDEXES' }),
    );
    const putUsed = split(put.ConsumedCapacity as Consumed);
    row('PutItem (task)', [task], putUsed, Math.ceil(itemSize(task) / KB));
    rules.rule(
      itemSize(task) < KB && putUsed.table === 1,
      `a PutItem of a task under 1 KB costs 1 WCU for the table (${putUsed.table})`,
    );
    rules.rule(
      taskIndexes.length >= 3 &&
        Object.keys(putUsed.indexes).sort().join() === [...taskIndexes].sort().join() &&
        Object.values(putUsed.indexes).every((units) => units === 1),
      `…plus 1 per index the item is in (${taskIndexes.length} indexes: ${JSON.stringify(putUsed.indexes)})`,
    );

    progress('one-item transaction');
    const single = taskItem();
    const one = await client.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: db.tableName, Item: single } }],
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    const oneUsed = split(one.ConsumedCapacity?.[0] as Consumed);
    row('transaction, 1 task', [single], oneUsed, 2 * Math.ceil(itemSize(single) / KB));
    rules.rule(
      oneUsed.table === 2 &&
        Object.keys(oneUsed.indexes).length === indexesOf(single).length &&
        Object.values(oneUsed.indexes).every((units) => units === 2),
      `a one-item transaction costs 2 + 2 per index, as on the service (${oneUsed.table} + ${JSON.stringify(oneUsed.indexes)})`,
    );

    /** ⌈size / 1 KB⌉ of each item: what a write of it costs outside a transaction. */
    const units = (items: Record<string, unknown>[]) => items.map((item) => Math.ceil(itemSize(item) / KB));
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const multi = async (label: string, items: Record<string, unknown>[]) => {
      progress(`transaction: ${label}`);
      const output = await client.send(
        new TransactWriteCommand({
          TransactItems: items.map((Item) => ({ Put: { TableName: db.tableName, Item } })),
          ReturnConsumedCapacity: 'INDEXES',
        }),
      );
      const used = split(output.ConsumedCapacity?.[0] as Consumed);
      // What DynamoDB Local charges: 2 × the sum of the DISTINCT per-item KB sizes (equal sizes counted once).
      const local = 2 * sum([...new Set(units(items))]);
      const service = 2 * sum(units(items));
      row(`transaction, ${label}`, items, used, service);
      rules.rule(
        used.table === local,
        `${label} in one transaction: the table is charged 2 × the distinct per-item KB sizes = ${local} ` +
          `(reported ${used.table}); the service charges 2 per item per KB = ${service}`,
      );
      return { used, local, service };
    };
    const small = await multi('4 small items', [plainItem(200), plainItem(300), plainItem(400), plainItem(500)]);
    await multi('3 items of 1.5–1.7 KB', [plainItem(1536), plainItem(1600), plainItem(1700)]);
    await multi('items of 1, 2 and 2 KB', [plainItem(200), plainItem(1100), plainItem(1200)]);
    await multi('items of 1 and 3 KB', [plainItem(200), plainItem(3000)]);
    const tasks = [taskItem(), taskItem()];
    const twoTasks = await multi('2 tasks', tasks);
    const perIndexLocal = 2 * sum([...new Set(units(tasks))]);
    const perIndexService = 2 * sum(units(tasks));
    rules.rule(
      Object.keys(twoTasks.used.indexes).length === indexesOf(tasks[0] ?? {}).length &&
        Object.values(twoTasks.used.indexes).every((value) => value === perIndexLocal),
      `each index is charged the same way: 2 tasks of one KB size cost ${perIndexLocal} per index ` +
        `(${JSON.stringify(twoTasks.used.indexes)}); the service charges ${perIndexService}`,
    );
    rules.rule(
      small.used.table < small.service,
      `a multi-item transaction of small items is under-counted against real DynamoDB ` +
        `(${small.used.table} vs ${small.service} WCU: ${(small.service / small.used.table).toFixed(1)}×)`,
    );

    progress('an index key change');
    const moved = await client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: { pk: task.pk, sk: task.sk },
        UpdateExpression: 'SET g1sk = :sk',
        ExpressionAttributeValues: { ':sk': `${String(task.g1sk)}-moved` },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    const movedUsed = split(moved.ConsumedCapacity as Consumed);
    row('UpdateItem, openByDeadline key moved', [task], movedUsed, 1);
    rules.rule(
      movedUsed.indexes.openByDeadline === 2 &&
        Object.entries(movedUsed.indexes).every(([name, units]) => name === 'openByDeadline' || units === 1),
      `an update that moves an index key costs 2 in that index, 1 in each other index holding the item ` +
        `(${JSON.stringify(movedUsed.indexes)})`,
    );

    console.log('\nWrite capacity as DynamoDB Local reports it (ReturnConsumedCapacity INDEXES):');
    console.table(rows);
    return rules.report();
  } finally {
    await database.stop();
  }
};
