// The stateful stack: what outlives a service deploy — the task table and, with identity `cognito`, the portal user pool.
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { PortalIdentity } from '../constructs/portal-identity.js';
import { TasksTable } from '../constructs/tasks-table.js';

export interface StatefulStackProps extends StackProps {
  tableName: string;
  /** How many of the definition's indexes the table has (the `tableIndexes` setting); default all. */
  tableIndexes?: number;
  /** Set with identity `cognito`: the pool's names start with it (retained like the table: it holds the users). */
  userPoolPrefix?: string;
}

export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly identity?: PortalIdentity;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.table = new TasksTable(this, 'Tasks', {
      tableName: props.tableName,
      indexCount: props.tableIndexes,
    }).table;
    if (props.userPoolPrefix) {
      this.identity = new PortalIdentity(this, 'PortalIdentity', { namePrefix: props.userPoolPrefix });
    }
  }
}
