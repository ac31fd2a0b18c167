// Reads a synthesized cloud assembly (cdk.out): its stacks, every Lambda function with its triggers, and the table.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CreateTableInput } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';

/** Stand-ins for what CloudFormation would fill in: nothing here names a real account. */
export const LOCAL_ACCOUNT = '123456789012';
export const LOCAL_REGION = 'eu-west-1';

const manifestSchema = z.object({
  artifacts: z.record(
    z.string(),
    z.looseObject({
      type: z.string(),
      properties: z.looseObject({ templateFile: z.string().optional(), stackName: z.string().optional() }).optional(),
    }),
  ),
});

const resourceSchema = z.looseObject({
  Type: z.string(),
  Properties: z.record(z.string(), z.unknown()).default({}),
  Metadata: z.record(z.string(), z.unknown()).optional(),
});
export type Resource = z.infer<typeof resourceSchema>;

const templateSchema = z.looseObject({
  Resources: z.record(z.string(), resourceSchema),
  Outputs: z
    .record(z.string(), z.looseObject({ Value: z.unknown(), Export: z.object({ Name: z.unknown() }).optional() }))
    .optional(),
  Parameters: z.record(z.string(), z.looseObject({ Default: z.unknown().optional() })).optional(),
});
export type Template = z.infer<typeof templateSchema>;

export interface StackTemplate {
  stackName: string;
  template: Template;
  /** Every export of the assembly's stacks by name, for Fn::ImportValue (shared by all stacks). */
  exports: Map<string, { stack: StackTemplate; value: unknown }>;
}

export interface CloudAssembly {
  outdir: string;
  stacks: StackTemplate[];
}

/** Every stack of the assembly, from manifest.json (not a directory listing: stale templates are not read). */
export const readCloudAssembly = (outdir: string): CloudAssembly => {
  const dir = resolve(outdir);
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} not found: run \`npm run synth\` first`);
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  const exports: StackTemplate['exports'] = new Map();
  const stacks = Object.entries(manifest.artifacts).flatMap(([artifactId, artifact]): StackTemplate[] => {
    const templateFile = artifact.properties?.templateFile;
    if (artifact.type !== 'aws:cloudformation:stack' || !templateFile) return [];
    const template = templateSchema.parse(JSON.parse(readFileSync(join(dir, templateFile), 'utf8')));
    return [{ stackName: artifact.properties?.stackName ?? artifactId, template, exports }];
  });
  for (const stack of stacks) {
    for (const output of Object.values(stack.template.Outputs ?? {})) {
      if (output.Export)
        exports.set(str(resolveValue(stack, output.Export.Name), 'export name'), { stack, value: output.Value });
    }
  }
  return { outdir: dir, stacks };
};

// ---- intrinsic functions → local stand-ins ------------------------------------------------------------

const nodeSchema = z.record(z.string(), z.unknown());
const str = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new Error(`${what} is not a string after resolving: ${JSON.stringify(value)}`);
  return value;
};

/** The physical name CloudFormation would give, or the stand-in when the template leaves it to CloudFormation. */
const physicalName = (stack: StackTemplate, logicalId: string, resource: Resource): string => {
  const props = resource.Properties;
  const named = ['Name', 'TableName', 'FunctionName', 'StateMachineName', 'TopicName', 'QueueName', 'BucketName']
    .map((key) => props[key])
    .find((value) => value !== undefined);
  return named === undefined
    ? `${stack.stackName}-${logicalId}`.slice(0, 64)
    : str(resolveValue(stack, named), logicalId);
};

const arnOf = (service: string, resource: string, region = LOCAL_REGION) =>
  `arn:aws:${service}:${region}:${LOCAL_ACCOUNT}:${resource}`;

const refOf = (stack: StackTemplate, logicalId: string, resource: Resource): string => {
  const name = physicalName(stack, logicalId, resource);
  switch (resource.Type) {
    case 'AWS::StepFunctions::StateMachine':
      return arnOf('states', `stateMachine:${name}`);
    case 'AWS::SNS::Topic':
      return arnOf('sns', name);
    case 'AWS::SQS::Queue':
      return `https://sqs.${LOCAL_REGION}.amazonaws.com/${LOCAL_ACCOUNT}/${name}`;
    default:
      return name;
  }
};

const getAttOf = (stack: StackTemplate, logicalId: string, resource: Resource, attribute: string): string => {
  const name = physicalName(stack, logicalId, resource);
  if (attribute === 'Name' || attribute === 'TableName') return name;
  if (attribute === 'StreamArn') return arnOf('dynamodb', `table/${name}/stream/2026-01-01T00:00:00.000`);
  if (attribute !== 'Arn') return `${name}.${attribute}`;
  const service = (resource.Type.split('::')[1] ?? 'unknown').toLowerCase();
  const arns: Record<string, string> = {
    'AWS::Events::EventBus': arnOf('events', `event-bus/${name}`),
    'AWS::DynamoDB::Table': arnOf('dynamodb', `table/${name}`),
    'AWS::DynamoDB::GlobalTable': arnOf('dynamodb', `table/${name}`),
    'AWS::Lambda::Function': arnOf('lambda', `function:${name}`),
    'AWS::SQS::Queue': arnOf('sqs', name),
    'AWS::IAM::Role': `arn:aws:iam::${LOCAL_ACCOUNT}:role/${name}`,
  };
  return (
    arns[resource.Type] ??
    (refOf(stack, logicalId, resource).startsWith('arn:') ? refOf(stack, logicalId, resource) : arnOf(service, name))
  );
};

const pseudoParameters = (stack: StackTemplate): Record<string, string> => ({
  'AWS::Partition': 'aws',
  'AWS::Region': LOCAL_REGION,
  'AWS::AccountId': LOCAL_ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': stack.stackName,
  'AWS::NoValue': '',
});

/**
 * A template value with its intrinsics resolved to local stand-ins: a bus's name, a state machine's ARN,
 * a table's name. An intrinsic it does not know fails loudly, naming itself.
 */
export const resolveValue = (stack: StackTemplate, value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((item) => resolveValue(stack, item));
  if (value === null || typeof value !== 'object') return value;
  const node = nodeSchema.parse(value);
  const keys = Object.keys(node);
  const [key] = keys;
  if (keys.length !== 1 || !key || !(key === 'Ref' || key.startsWith('Fn::'))) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveValue(stack, v)]));
  }
  const argument = node[key];
  const resources = stack.template.Resources;
  switch (key) {
    case 'Ref': {
      const id = str(argument, 'Ref');
      const pseudo = pseudoParameters(stack)[id];
      if (pseudo !== undefined) return pseudo;
      const parameter = stack.template.Parameters?.[id];
      if (parameter) return resolveValue(stack, parameter.Default);
      const resource = resources[id];
      if (!resource) throw new Error(`Ref to ${id}: no such resource in ${stack.stackName}`);
      return refOf(stack, id, resource);
    }
    case 'Fn::GetAtt': {
      const [id, attribute] = z.tuple([z.string(), z.string()]).parse(argument);
      const resource = resources[id];
      if (!resource) throw new Error(`Fn::GetAtt of ${id}: no such resource in ${stack.stackName}`);
      return getAttOf(stack, id, resource, attribute);
    }
    case 'Fn::Join': {
      const [separator, parts] = z.tuple([z.string(), z.array(z.unknown())]).parse(argument);
      return parts.map((part) => str(resolveValue(stack, part), 'Fn::Join part')).join(separator);
    }
    case 'Fn::Select': {
      const [index, list] = z.tuple([z.union([z.number(), z.string()]), z.unknown()]).parse(argument);
      const items = z.array(z.unknown()).parse(resolveValue(stack, list));
      return items[Number(index)];
    }
    case 'Fn::Split': {
      const [separator, source] = z.tuple([z.string(), z.unknown()]).parse(argument);
      return str(resolveValue(stack, source), 'Fn::Split source').split(separator);
    }
    case 'Fn::Sub': {
      const [text, variables = {}] = Array.isArray(argument)
        ? z.tuple([z.string(), nodeSchema.optional()]).parse(argument)
        : [str(argument, 'Fn::Sub')];
      return text.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
        if (name in variables) return str(resolveValue(stack, variables[name]), name);
        const [id = '', attribute] = name.split('.');
        return str(resolveValue(stack, attribute ? { 'Fn::GetAtt': [id, attribute] } : { Ref: id }), name);
      });
    }
    case 'Fn::ImportValue': {
      const name = str(resolveValue(stack, argument), 'Fn::ImportValue');
      const exported = stack.exports.get(name);
      if (!exported) throw new Error(`Fn::ImportValue ${name}: no stack of the assembly exports it`);
      return resolveValue(exported.stack, exported.value);
    }
    default:
      throw new Error(`${key} is not resolved by the bundle tier (test/bundles/support/cloud-assembly.ts)`);
  }
};

/** Whether `value` refers to the resource `logicalId` (Ref or Fn::GetAtt anywhere inside it). */
export const refersTo = (value: unknown, logicalId: string): boolean => {
  if (Array.isArray(value)) return value.some((item) => refersTo(item, logicalId));
  if (value === null || typeof value !== 'object') return false;
  const node = nodeSchema.parse(value);
  if (node.Ref === logicalId) return true;
  const getAtt = node['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt[0] === logicalId) return true;
  return Object.values(node).some((child) => refersTo(child, logicalId));
};

// ---- functions and what triggers them -----------------------------------------------------------------

export type Trigger =
  | { kind: 'http'; routeKeys: string[] }
  | { kind: 'event'; busName: string; pattern: Record<string, unknown> }
  | { kind: 'schedule'; expression: string; input: unknown }
  | { kind: 'stream'; eventSourceArn: string; filters: Record<string, unknown>[] }
  | { kind: 'step'; stateMachineArn: string; states: string[]; definition: StateMachineDefinition };

export interface DeployedFunction {
  stack: StackTemplate;
  logicalId: string;
  /** The construct path below the stack without the CDK plumbing, e.g. `PortalApi/list-tasks`. */
  name: string;
  /** The full construct path of the function's ServiceFunction, e.g. `CasetasksService/PortalApi/list-tasks`. */
  constructPath: string;
  functionName: string;
  description: string;
  handler: string;
  runtime: string;
  architectures: string[];
  memorySize: number;
  timeoutSeconds: number;
  /** LoggingConfig.LogFormat (`JSON` or `Text`). */
  logFormat: string;
  /** The template's environment with every intrinsic resolved to a local stand-in. */
  environment: Record<string, string>;
  /** The asset folder in cdk.out (absolute), when the code is an asset. */
  assetDir: string | undefined;
  triggers: Trigger[];
}

const jsonObject = (text: unknown, what: string): Record<string, unknown> =>
  nodeSchema.parse(typeof text === 'string' ? JSON.parse(text) : text, { error: () => `${what} is not a JSON object` });

const triggersOf = (stack: StackTemplate, logicalId: string): Trigger[] => {
  const resources = Object.entries(stack.template.Resources);
  const ofType = (type: string) => resources.filter(([, resource]) => resource.Type === type);
  const triggers: Trigger[] = [];

  const integrations = ofType('AWS::ApiGatewayV2::Integration')
    .filter(([, integration]) => refersTo(integration.Properties.IntegrationUri, logicalId))
    .map(([id]) => id);
  const routeKeys = ofType('AWS::ApiGatewayV2::Route')
    .filter(([, route]) => integrations.some((id) => refersTo(route.Properties.Target, id)))
    .map(([, route]) => str(route.Properties.RouteKey, 'RouteKey'));
  if (routeKeys.length > 0) triggers.push({ kind: 'http', routeKeys });

  for (const [, rule] of ofType('AWS::Events::Rule')) {
    const targets = z.array(nodeSchema).parse(rule.Properties.Targets ?? []);
    const target = targets.find((candidate) => refersTo(candidate.Arn, logicalId));
    if (!target) continue;
    if (rule.Properties.ScheduleExpression !== undefined) {
      const input =
        target.Input === undefined ? undefined : JSON.parse(str(resolveValue(stack, target.Input), 'Input'));
      triggers.push({ kind: 'schedule', expression: str(rule.Properties.ScheduleExpression, 'schedule'), input });
    } else {
      triggers.push({
        kind: 'event',
        busName: str(resolveValue(stack, rule.Properties.EventBusName ?? 'default'), 'EventBusName'),
        pattern: jsonObject(resolveValue(stack, rule.Properties.EventPattern), 'EventPattern'),
      });
    }
  }

  for (const [, schedule] of ofType('AWS::Scheduler::Schedule')) {
    const target = nodeSchema.parse(schedule.Properties.Target);
    if (!refersTo(target.Arn, logicalId)) continue;
    const input = target.Input === undefined ? undefined : JSON.parse(str(resolveValue(stack, target.Input), 'Input'));
    triggers.push({ kind: 'schedule', expression: str(schedule.Properties.ScheduleExpression, 'schedule'), input });
  }

  for (const [, mapping] of ofType('AWS::Lambda::EventSourceMapping')) {
    if (!refersTo(mapping.Properties.FunctionName, logicalId)) continue;
    const filters = z
      .object({ Filters: z.array(z.object({ Pattern: z.string() })) })
      .optional()
      .parse(mapping.Properties.FilterCriteria);
    triggers.push({
      kind: 'stream',
      eventSourceArn: str(resolveValue(stack, mapping.Properties.EventSourceArn), 'EventSourceArn'),
      filters: (filters?.Filters ?? []).map((filter) => jsonObject(filter.Pattern, 'FilterCriteria pattern')),
    });
  }

  for (const [id, machine] of ofType('AWS::StepFunctions::StateMachine')) {
    if (!refersTo(machine.Properties.DefinitionString, logicalId)) continue;
    const definition = stateMachineDefinition(stack, machine);
    const arn = getAttOf(stack, logicalId, stack.template.Resources[logicalId] as Resource, 'Arn');
    const states = Object.entries(definition.States)
      .filter(([, state]) => JSON.stringify(state).includes(arn))
      .map(([name]) => name);
    triggers.push({ kind: 'step', stateMachineArn: refOf(stack, id, machine), states, definition });
  }
  return triggers;
};

const definitionSchema = z.looseObject({ StartAt: z.string(), States: z.record(z.string(), nodeSchema) });
export type StateMachineDefinition = z.infer<typeof definitionSchema>;

/** The ASL of a state machine resource, with its function ARNs as the same stand-ins `functions` gives. */
export const stateMachineDefinition = (stack: StackTemplate, machine: Resource): StateMachineDefinition =>
  definitionSchema.parse(JSON.parse(str(resolveValue(stack, machine.Properties.DefinitionString), 'DefinitionString')));

/** `Stack/PortalApi/list-tasks/Function/Resource` → `PortalApi/list-tasks` (and `…/Handler/Function/Resource`). */
const nameOf = (cdkPath: string): { name: string; constructPath: string } => {
  const constructPath = cdkPath.replace(/\/Function\/Resource$|\/Resource$/, '');
  return {
    name: constructPath
      .split('/')
      .slice(1)
      .join('/')
      .replace(/\/Handler$/, ''),
    constructPath,
  };
};

/** Every AWS::Lambda::Function of every stack, with the environment and triggers the templates give it. */
export const deployedFunctions = (assembly: CloudAssembly): DeployedFunction[] =>
  assembly.stacks.flatMap((stack) =>
    Object.entries(stack.template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([logicalId, resource]) => {
        const props = resource.Properties;
        const cdkPath = z.string().optional().parse(resource.Metadata?.['aws:cdk:path']);
        const asset = z.string().optional().parse(resource.Metadata?.['aws:asset:path']);
        const variables = z
          .object({ Variables: z.record(z.string(), z.unknown()).default({}) })
          .default({ Variables: {} })
          .parse(props.Environment).Variables;
        const environment = Object.fromEntries(
          Object.entries(variables).map(([key, value]) => [key, str(resolveValue(stack, value), `variable ${key}`)]),
        );
        const logging = z.object({ LogFormat: z.string().optional() }).optional().parse(props.LoggingConfig);
        return {
          stack,
          logicalId,
          ...(cdkPath ? nameOf(cdkPath) : { name: logicalId, constructPath: `${stack.stackName}/${logicalId}` }),
          functionName: physicalName(stack, logicalId, resource),
          description: z.string().default('').parse(props.Description),
          handler: z.string().parse(props.Handler),
          runtime: z.string().parse(props.Runtime),
          architectures: z.array(z.string()).default(['x86_64']).parse(props.Architectures),
          memorySize: z.number().default(128).parse(props.MemorySize),
          timeoutSeconds: z.number().default(3).parse(props.Timeout),
          logFormat: logging?.LogFormat ?? 'Text',
          environment,
          assetDir: asset ? join(assembly.outdir, asset) : undefined,
          triggers: triggersOf(stack, logicalId),
        };
      }),
  );

// ---- the table -----------------------------------------------------------------------------------------

const keySchema = z.array(z.object({ AttributeName: z.string(), KeyType: z.enum(['HASH', 'RANGE']) }));
const projectionSchema = z.object({
  ProjectionType: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']),
  NonKeyAttributes: z.array(z.string()).optional(),
});
const tablePropertiesSchema = z.looseObject({
  TableName: z.unknown(),
  AttributeDefinitions: z.array(z.object({ AttributeName: z.string(), AttributeType: z.enum(['S', 'N', 'B']) })),
  KeySchema: keySchema,
  GlobalSecondaryIndexes: z
    .array(z.looseObject({ IndexName: z.string(), KeySchema: keySchema, Projection: projectionSchema }))
    .default([]),
  LocalSecondaryIndexes: z
    .array(z.looseObject({ IndexName: z.string(), KeySchema: keySchema, Projection: projectionSchema }))
    .default([]),
  StreamSpecification: z
    .object({ StreamViewType: z.enum(['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY']) })
    .optional(),
  TimeToLiveSpecification: z.object({ AttributeName: z.string().optional(), Enabled: z.boolean() }).optional(),
});

export interface TableDefinition {
  create: CreateTableInput;
  /** The TTL attribute, when the template enables TTL. */
  ttlAttribute: string | undefined;
}

/** The one DynamoDB table of the assembly, as DynamoDB Local's CreateTable takes it (on-demand). */
export const tableDefinition = (assembly: CloudAssembly): TableDefinition => {
  const tables = assembly.stacks.flatMap((stack) =>
    Object.entries(stack.template.Resources)
      .filter(
        ([, resource]) => resource.Type === 'AWS::DynamoDB::GlobalTable' || resource.Type === 'AWS::DynamoDB::Table',
      )
      .map(([logicalId, resource]) => ({ stack, logicalId, resource })),
  );
  const [table, ...others] = tables;
  if (!table || others.length > 0)
    throw new Error(`expected one DynamoDB table in the assembly, found ${tables.length}`);
  const props = tablePropertiesSchema.parse(table.resource.Properties);
  const index = ({
    IndexName,
    KeySchema,
    Projection,
  }: {
    IndexName: string;
    KeySchema: z.infer<typeof keySchema>;
    Projection: z.infer<typeof projectionSchema>;
  }) => ({
    IndexName,
    KeySchema,
    Projection,
  });
  return {
    create: {
      TableName: physicalName(table.stack, table.logicalId, table.resource),
      AttributeDefinitions: props.AttributeDefinitions,
      KeySchema: props.KeySchema,
      BillingMode: 'PAY_PER_REQUEST',
      ...(props.GlobalSecondaryIndexes.length > 0
        ? { GlobalSecondaryIndexes: props.GlobalSecondaryIndexes.map(index) }
        : {}),
      ...(props.LocalSecondaryIndexes.length > 0
        ? { LocalSecondaryIndexes: props.LocalSecondaryIndexes.map(index) }
        : {}),
      ...(props.StreamSpecification
        ? { StreamSpecification: { StreamEnabled: true, StreamViewType: props.StreamSpecification.StreamViewType } }
        : {}),
    },
    ttlAttribute: props.TimeToLiveSpecification?.Enabled ? props.TimeToLiveSpecification.AttributeName : undefined,
  };
};
