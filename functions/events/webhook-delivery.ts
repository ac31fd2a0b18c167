// SQS entry of the webhook deliveries (issue 21): one attempt per record; a retry comes back after the schedule's wait.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics, retryWebhookLater } from '@casetasks/app/runtime';
import { deliverWebhook, webhookQueueMessageSchema } from '@casetasks/app/webhooks';
import type { SQSRecord } from 'aws-lambda';
import { queueHandler, type RecordResult } from '../middleware/queue-handler.js';

const parseBody = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/**
 * The attempt is SQS's receive count (the redrive's maxReceiveCount is the last attempt). A body that does
 * not parse is logged, counted and dropped: it would fail the same way every time. A retry sets the
 * message's visibility to the schedule's wait and reports the record failed, so SQS keeps it until then.
 */
export const deliverRecord = async (record: SQSRecord): Promise<RecordResult> => {
  const message = webhookQueueMessageSchema.safeParse(parseBody(record.body));
  if (!message.success) {
    metrics.addMetric('InvalidWebhookMessages', MetricUnit.Count, 1);
    logger.error('webhook-delivery: unreadable message dropped', { messageId: record.messageId });
    return 'done';
  }
  const attempt = Number(record.attributes.ApproximateReceiveCount) || 1;
  const { retryInSeconds } = await deliverWebhook(message.data, attempt);
  if (retryInSeconds === undefined) return 'done';
  await retryWebhookLater(record.receiptHandle, retryInSeconds);
  return 'retry';
};

export const handler = queueHandler('webhook-delivery', deliverRecord);
