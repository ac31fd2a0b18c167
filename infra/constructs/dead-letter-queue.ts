// A dead-letter queue of the service: encrypted, TLS-only, kept 14 days; the alarms construct finds and watches each one.
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  /** `purpose` names the failure path in alarm descriptions and the runbook. */
  constructor(
    scope: Construct,
    id: string,
    readonly purpose: string,
  ) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue; its depth is alarmed (alarms.ts) and redriven by hand.',
    });
  }

  /** Every dead-letter queue under `scope`: the alarms and dashboard are built from this, so none is missed. */
  static allIn(scope: Construct): DeadLetterQueue[] {
    return scope.node.findAll().filter((child): child is DeadLetterQueue => child instanceof DeadLetterQueue);
  }
}
