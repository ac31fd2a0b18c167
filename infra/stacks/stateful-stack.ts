// The stateful stack: the table only, so the stateless stack can be replaced or torn down without touching data.
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TasksTable } from '../constructs/tasks-table.js';

export interface StatefulStackProps extends StackProps {
  tableName: string;
}

export class StatefulStack extends Stack {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.table = new TasksTable(this, 'Tasks', { tableName: props.tableName }).table;
  }
}
