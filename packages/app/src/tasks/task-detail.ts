// One task and its audit history, as the caller may see them: other parties' and orgs' tasks do not exist for them.

import type { Principal } from '@casetasks/core';
import { listHistory } from '@casetasks/db';
import type * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { visibleTask } from './task-access.js';
import { type historySchema, type TaskView, taskView } from './task-view.js';

export const showTask = async (principal: Principal, id: string): Promise<TaskView> =>
  await taskView(await visibleTask(principal, id));

/** Oldest first. */
export const taskHistory = async (principal: Principal, id: string): Promise<z.infer<typeof historySchema>> => {
  const task = await visibleTask(principal, id);
  return { items: await listHistory(tasksDb(), task.id) };
};
