// Reading one item by its table key: the GetItem every entity's point read shares.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';

export interface ItemKey {
  pk: string;
  sk: string;
}

/** The stored item, or undefined when there is none; `consistent` is sent as given (it decides the read's cost). */
export const readItem = async (
  db: Db,
  key: ItemKey,
  consistent: boolean,
): Promise<Record<string, unknown> | undefined> =>
  (await db.client.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: consistent }))).Item;
