import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildTestApp } from '../testing/test-app.js';
import { bundleExtras, bundleExtrasDir, repoRoot, ServiceFunction } from './service-function.js';

const serviceFunction = (props: Partial<ConstructorParameters<typeof ServiceFunction>[2]>) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  return new ServiceFunction(stack, 'Fn', { entry: 'functions/http/task-detail.ts', description: 'test', ...props });
};

// Issue 17: deadlines need only stored dates, so date-holidays (~1.3 MB) is in the settings function (PUT
// /settings/calendar materialises holidays) and the calendar-refresh job, and nowhere else.
describe('ServiceFunction date-holidays bundling', { timeout: 240_000 }, () => {
  it('leaves it out by default and bundles it only where asked', () => {
    expect(serviceFunction({}).bundlesHolidays).toBe(false);
    expect(serviceFunction({ holidays: true }).bundlesHolidays).toBe(true);
  });

  it('only the settings group and the calendar-refresh job carry it, even when the deployment calendar has a country', () => {
    // Prepare
    const { app } = buildTestApp({ calendarCountry: 'DK' });

    // Act
    const functions = app.node.findAll().filter((node): node is ServiceFunction => node instanceof ServiceFunction);
    const carriers = functions
      .filter((fn) => fn.bundlesHolidays)
      .map((fn) => fn.node.path.split('/').slice(-2).join('/'));

    // Assess
    expect(functions.length).toBeGreaterThan(10);
    expect(carriers.sort()).toEqual(['PortalApi/settings', 'calendar-refresh/Handler']);
  });

  it('the bundles themselves: only the carriers hold date-holidays, and no bundle imports it statically', () => {
    // Prepare: the real entries bundled as synth bundles them; openapi shares the settings code but must not carry it.
    const dir = mkdtempSync(join(tmpdir(), 'casetasks-holidays-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const outdir = join(dir, 'cdk.out');
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'Bundles', { env: { account: '123456789012', region: 'eu-west-1' } });
    const entries = {
      settings: ['functions/http/settings.ts', true],
      calendarRefresh: ['functions/scheduled/calendar-refresh.ts', true],
      openapi: ['functions/http/openapi.ts', false],
      taskActions: ['functions/http/task-actions.ts', false],
      monthlySurveys: ['functions/scheduled/monthly-surveys.ts', false],
    } as const;
    const functions = Object.entries(entries).map(
      ([id, [entry, holidays]]) => [id, new ServiceFunction(stack, id, { entry, description: id, holidays })] as const,
    );

    // Act
    const assembly = app.synth();
    const template = assembly.getStackByName(stack.stackName).template as {
      Resources: Record<string, { Metadata?: Record<string, string> }>;
    };
    const bundleOf = (fn: ServiceFunction): string => {
      const logicalId = stack.getLogicalId(fn.fn.node.defaultChild as CfnFunction);
      const asset = template.Resources[logicalId]?.Metadata?.['aws:asset:path'];
      if (!asset) throw new Error(`no asset for ${fn.node.path}`);
      return readFileSync(join(outdir, asset, 'index.mjs'), 'utf8');
    };
    const bundles = functions.map(([id, fn]) => ({ id, carries: fn.bundlesHolidays, text: bundleOf(fn) }));

    // Assess: date-holidays' own data (its licence and a Danish holiday), not just its name, marks it.
    const holdsDateHolidays = (text: string) => text.includes('CC-BY-SA-3') && text.includes('Grundlovsdag');
    const staticImport = /from\s*["'](?:@casetasks\/core\/holidays|date-holidays)["']/;
    expect(bundles.filter((bundle) => holdsDateHolidays(bundle.text)).map((bundle) => bundle.id)).toEqual([
      'settings',
      'calendarRefresh',
    ]);
    expect(bundles.filter((bundle) => staticImport.test(bundle.text)).map((bundle) => bundle.id)).toEqual([]);
    // The carriers stay well above the rest: the whole library, not a stub.
    const size = Object.fromEntries(bundles.map((bundle) => [bundle.id, bundle.text.length]));
    expect(size.settings).toBeGreaterThan((size.openapi ?? 0) + 1_000_000);
  });
});

// Issue 17: the zip carries index.mjs only; the map and metafile stay beside cdk.out (the bundle tier checks a real
// synth), and nothing parses a source map at init.
describe('ServiceFunction deployed zip', { timeout: 60_000 }, () => {
  it('does not load source maps at init: no --enable-source-maps in NODE_OPTIONS', () => {
    const fn = serviceFunction({ environment: { POWERTOOLS_SERVICE_NAME: 'casetasks-test' } });
    const [resource] = Object.values(Template.fromStack(Stack.of(fn)).findResources('AWS::Lambda::Function'));
    const Variables: Record<string, string> = resource?.Properties.Environment.Variables;
    expect(Variables.NODE_OPTIONS ?? '').not.toMatch(/source-maps/);
    // The caller's stage service name, never a shared default.
    expect(Variables.POWERTOOLS_SERVICE_NAME).toBe('casetasks-test');
    const unnamed = serviceFunction({});
    const [bare] = Object.values(Template.fromStack(Stack.of(unnamed)).findResources('AWS::Lambda::Function'));
    expect(bare?.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).toBeUndefined();
  });

  it("keeps the source map and metafile under the repository's build/bundles/<construct path> for its cdk.out", () => {
    expect(bundleExtrasDir(join(repoRoot, 'cdk.out'), 'Service/PortalApi/list-tasks')).toBe(
      join(repoRoot, 'build', 'bundles', 'Service', 'PortalApi', 'list-tasks'),
    );
    expect(bundleExtras).toEqual(['index.mjs.map', 'index.meta.json']);
  });

  it('keeps them in a folder of its own for any other output folder, never in a shared parent such as /tmp', () => {
    expect(bundleExtrasDir('/tmp/synth-a', 'Service/PortalApi/list-tasks')).toBe(
      '/tmp/synth-a.build/bundles/Service/PortalApi/list-tasks',
    );
    expect(bundleExtrasDir('/tmp/run-1/cdk.out', 'Service/Fn')).toBe('/tmp/run-1/cdk.out.build/bundles/Service/Fn');
  });
});
