// A transaction whose condition failures come back as typed errors naming the item that failed.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { type RetryPolicy, withRetry } from '@casetasks/core';
import type { Db } from './client.js';
import { ConditionFailedError } from './errors.js';
import { assertTimeLeft, timeLeftMs } from './time-budget.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

interface Entry {
  item: TransactItem;
  /** Error to throw when this item's condition fails. */
  onConditionFailed: () => Error;
}

/** DynamoDB allows 100 items per transaction; we stay far below. */
export const MAX_TRANSACTION_ITEMS = 100;

/** Attempts for a transaction cancelled only because another one touched the same items. */
export const CONFLICT_ATTEMPTS = 6;

/** Cancelled because a concurrent transaction held an item: nothing was applied, so a retry is safe. */
export const isTransactionConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/**
 * Full-jitter exponential backoff (core's retry policy): attempt n waits up to 20 ms · 2^n, at most 1 s,
 * so two writers that collided do not collide again in lockstep. `baseDelayMs` is the cap of the first
 * retry (attempt 1): core counts retries from 0.
 */
export const CONFLICT_RETRY: RetryPolicy = { maxAttempts: CONFLICT_ATTEMPTS, baseDelayMs: 40, maxDelayMs: 1_000 };

/** Never sleeps past the invocation's time budget: the next attempt then refuses to start instead. */
const withinBudget = (): number => Math.max(0, timeLeftMs());

export class Transaction {
  private readonly entries: Entry[] = [];
  private readonly committed: (() => void)[] = [];

  constructor(private readonly db: Db) {}

  put(
    item: Record<string, unknown>,
    condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
    onConditionFailed?: () => Error,
  ): this {
    this.entries.push({
      item: {
        Put: {
          TableName: this.db.tableName,
          Item: item,
          ...(condition
            ? {
                ConditionExpression: condition.expression,
                ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
                ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
              }
            : {}),
        },
      },
      onConditionFailed: onConditionFailed ?? (() => new ConditionFailedError(String(item.pk))),
    });
    return this;
  }

  /** Runs `effect` once the transaction has committed (never when it fails): process-local memos. */
  afterCommit(effect: () => void): this {
    this.committed.push(effect);
    return this;
  }

  /** Adds a raw item (Update, Delete, ConditionCheck) with its own failure meaning. */
  add(item: TransactItem, onConditionFailed: () => Error): this {
    for (const op of [item.Put, item.Update, item.Delete, item.ConditionCheck]) {
      if (op && !op.TableName) op.TableName = this.db.tableName;
    }
    this.entries.push({ item, onConditionFailed });
    return this;
  }

  get tableName(): string {
    return this.db.tableName;
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Commits all items or none. A failed condition becomes the typed error of its item; a conflict
   * with a concurrent transaction (nothing applied) is retried (core's withRetry). No attempt starts once
   * the invocation's time budget is spent (TimeBudgetExceededError): its caller has been answered.
   */
  async commit(): Promise<void> {
    if (this.entries.length === 0) return;
    const input = { TransactItems: this.entries.map((entry) => entry.item) };
    const attempt = async () => {
      assertTimeLeft(`commit of ${this.entries.length} items`);
      try {
        await this.db.client.send(new TransactWriteCommand(input));
      } catch (error) {
        throw this.failureOf(error);
      }
    };
    await withRetry(attempt, isTransactionConflict, CONFLICT_RETRY, { sleepCap: withinBudget });
    for (const effect of this.committed) effect();
  }

  /** A failed condition becomes the typed error of its item; anything else (a conflict too) stays as it is. */
  private failureOf(error: unknown): unknown {
    if (!(error instanceof TransactionCanceledException)) return error;
    const failed = (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
    const entry = failed >= 0 ? this.entries[failed] : undefined;
    return entry ? entry.onConditionFailed() : error;
  }
}
