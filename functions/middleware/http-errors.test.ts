import { TaskNotFoundError, TaskStateError } from '@casetasks/core';
import { DatabaseUnavailableError, TimeBudgetExceededError, VersionConflictError } from '@casetasks/db';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { RequestValidationError, UnauthorizedError } from './http-errors.js';
import { errorBody } from './http-response.js';

describe('errorBody', () => {
  it.each([
    [new VersionConflictError('t-1'), 409, 'conflict'],
    [new TaskStateError('already completed', 'status'), 409, 'conflict'],
    [new TaskNotFoundError(), 404, 'not_found'],
    [new UnauthorizedError(), 401, 'unauthorized'],
  ])('keeps the status and code of %s', (error, statusCode, code) => {
    const result = errorBody(error);
    expect(result).toMatchObject({ statusCode, internal: false, body: { error: { code } } });
  });

  it.each([
    [new TimeBudgetExceededError('TransactWriteItems')],
    [new DatabaseUnavailableError('DynamoDB Local is not running: connect ECONNREFUSED 127.0.0.1:8000')],
  ])('answers %s with 503 unavailable and its message', (error) => {
    expect(errorBody(error)).toEqual({
      statusCode: 503,
      internal: false,
      body: { error: { code: 'unavailable', message: error.message } },
    });
  });

  it('names the field of a domain error', () => {
    expect(errorBody(new TaskStateError('no', 'type')).body.error.fields).toEqual([{ field: 'type', message: 'no' }]);
  });

  it('hides anything unexpected behind a bare 500', () => {
    const result = errorBody(new Error('connect ECONNREFUSED 10.0.0.1:443 secret-table'));
    expect(result).toEqual({
      statusCode: 500,
      internal: true,
      body: { error: { code: 'internal', message: 'internal error' } },
    });
  });

  it('lists each unknown key of a strict object as its own field', () => {
    const parsed = z.strictObject({ a: z.string() }).safeParse({ a: 1, b: 2, c: 3 });
    if (parsed.success) throw new Error('expected a failure');
    const fields = RequestValidationError.fromZod(parsed.error, 'body').fields.map((field) => field.field);
    expect(fields.sort()).toEqual(['a', 'b', 'c']);
  });
});
