import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ServiceFunction } from './service-function.js';

const serviceFunction = (props: Partial<ConstructorParameters<typeof ServiceFunction>[2]>) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  return new ServiceFunction(stack, 'Fn', { entry: 'functions/http/task-detail.ts', description: 'test', ...props });
};

// Any org may set a country, so a function that plans deadlines must carry date-holidays even when the
// deployment calendar has none; a lookup failure would otherwise surface only at run time in Lambda.
describe('ServiceFunction date-holidays bundling', { timeout: 60_000 }, () => {
  it('bundles it by default: functions build org calendars unless they say otherwise', () => {
    expect(serviceFunction({}).bundlesHolidays).toBe(true);
  });

  it('leaves it out of a function that opts out', () => {
    expect(serviceFunction({ orgCalendars: false }).bundlesHolidays).toBe(false);
  });

  it('bundles it in every function when the deployment calendar has a country', () => {
    expect(serviceFunction({ orgCalendars: false, environment: { CALENDAR_COUNTRY: 'DK' } }).bundlesHolidays).toBe(
      true,
    );
  });
});
