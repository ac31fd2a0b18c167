// AWS clients created once per process (module scope in Lambda) and reused across invocations.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { type Calendar, loadCalendar, weekendCalendar } from '@casetasks/core';
import { createDb, type Db } from '@casetasks/db';
import { config } from './config.js';
import { logCorruptItem } from './observability.js';

let db: Db | undefined;
let eventBridge: EventBridgeClient | undefined;
let calendar: Promise<Calendar> | undefined;

const localCredentials = () =>
  config().DYNAMODB_ENDPOINT
    ? {
        endpoint: config().DYNAMODB_ENDPOINT,
        credentials: {
          accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
          secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
        },
      }
    : {};

/** Local mode and tests: a connection failure means the emulator is down, and the answer says so (503). */
const LOCAL_UNREACHABLE = 'DynamoDB Local is not running';

export const tasksDb = (): Db => {
  db ??= {
    ...createDb(
      config().TABLE_NAME,
      { region: config().AWS_REGION, ...localCredentials() },
      config().DYNAMODB_ENDPOINT ? { unreachableMessage: LOCAL_UNREACHABLE } : {},
    ),
    // A stored item that no longer parses is skipped by the read, logged by its key and counted.
    onCorruptItem: logCorruptItem,
  };
  return db;
};

export const eventBridgeClient = (): EventBridgeClient => {
  eventBridge ??= new EventBridgeClient({ region: config().AWS_REGION });
  return eventBridge;
};

/** The service calendar; date-holidays is loaded only when a country is configured. */
export const serviceCalendar = (): Promise<Calendar> => {
  const { CALENDAR_TIME_ZONE: timeZone, CALENDAR_COUNTRY: country } = config();
  calendar ??= country ? loadCalendar({ timeZone, country }) : Promise.resolve(weekendCalendar(timeZone));
  return calendar;
};

/** Tests and local mode swap clients (e.g. a fresh table) without touching handlers. */
export const resetClients = (): void => {
  db?.client.destroy();
  db = undefined;
  eventBridge = undefined;
  calendar = undefined;
};
