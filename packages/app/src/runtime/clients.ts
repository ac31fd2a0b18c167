// AWS clients created once per process (module scope in Lambda) and reused across invocations.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { buildCalendar, type Calendar, decodeHolidayDays } from '@casetasks/core';
import { createDb, type Db } from '@casetasks/db';
import { config } from './config.js';
import { logCorruptItem, logger, traced } from './observability.js';

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
      {
        ...(config().DYNAMODB_ENDPOINT ? { unreachableMessage: LOCAL_UNREACHABLE } : {}),
        // X-Ray subsegments per call when deployed; a no-op in tests and local mode.
        instrumentClient: traced,
      },
    ),
    // A stored item that no longer parses is skipped by the read, logged by its key and counted.
    onCorruptItem: logCorruptItem,
  };
  return db;
};

export const eventBridgeClient = (): EventBridgeClient => {
  eventBridge ??= traced(new EventBridgeClient({ region: config().AWS_REGION }));
  return eventBridge;
};

/**
 * The deployment calendar, built synchronously (no date-holidays): CALENDAR_COUNTRY's public holidays come
 * materialised at synth in CALENDAR_HOLIDAYS (a window of years; a yearly redeploy moves it). Without them,
 * or in a year outside them, it counts weekends only, with a warning once per process and year.
 * A promise only so its callers need not change.
 */
export const serviceCalendar = (): Promise<Calendar> => {
  if (!calendar) {
    const { CALENDAR_TIME_ZONE: timeZone, CALENDAR_COUNTRY: country, CALENDAR_HOLIDAYS: days } = config();
    const built = buildCalendar(
      { timeZone, country: country || null, ...(days ? { holidays: decodeHolidayDays(days) } : {}) },
      (gap) => logger.warn('deployment calendar: public holidays not materialised; weekends only', { ...gap }),
    );
    calendar = Promise.resolve(built);
  }
  return calendar;
};

/** Tests and local mode swap clients (e.g. a fresh table) without touching handlers. */
export const resetClients = (): void => {
  db?.client.destroy();
  db = undefined;
  eventBridge = undefined;
  calendar = undefined;
};
