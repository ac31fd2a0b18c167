// The caller's reads of one task: visible (any role of its party and org) or changeable (contributors: their own).

import { assertMayChange, assertVisible, type Principal, type Task } from '@casetasks/core';
import { getTask } from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';

/** The task if the caller may see it; 404 exactly like a missing task otherwise. */
export const visibleTask = async (principal: Principal, id: string): Promise<Task> =>
  assertVisible(principal, await getTask(tasksDb(), id));

/** The task if the caller may change it (404 for other party/org, 403 for a contributor on another's task). */
export const changeableTask = async (principal: Principal, id: string): Promise<Task> =>
  assertMayChange(principal, await getTask(tasksDb(), id, true));
