// The layering of docs/architecture.md, checked on the source: who may import whom, where keys live, how big an adapter is.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as db from '@casetasks/db';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.test(-helper)?\.ts$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes('node_modules'));

const importsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');

/** Where an import lands: a repo path for relative imports, the package name otherwise. */
const targetOf = (file: string, specifier: string): string =>
  specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier;

const layerOf = (path: string): string => {
  const workspace = /^(?:packages\/([a-z]+)\/|@casetasks\/([a-z]+))/.exec(path);
  if (workspace) return workspace[1] ?? workspace[2] ?? '';
  return path.split('/')[0] ?? '';
};

/** Which layers each layer may import (besides itself and npm packages): dependencies point down only. */
const allowed: Record<string, readonly string[]> = {
  core: [],
  events: ['core'],
  ai: ['core'],
  db: ['core', 'events'],
  app: ['core', 'db', 'events', 'ai'],
  functions: ['app', 'core', 'events'],
};
const layers = ['core', 'events', 'ai', 'db', 'app', 'functions', 'infra'];

const violations = (layer: string, dir: string) =>
  sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .map((specifier) => ({ file, target: layerOf(targetOf(file, specifier)) }))
      .filter(({ target }) => layers.includes(target) && target !== layer && !allowed[layer]?.includes(target))
      .map(({ file, target }) => `${file} → ${target}`),
  );

describe('layering', () => {
  it.each(Object.keys(allowed))('%s imports only the layers below it', (layer) => {
    const dir = layer === 'functions' ? 'functions' : `packages/${layer}/src`;
    expect(violations(layer, dir)).toEqual([]);
  });

  it('core has no AWS, Lambda or DynamoDB import', () => {
    const aws = sourceFiles('packages/core/src').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => /^(@aws-sdk|@aws-lambda-powertools|aws-lambda|@smithy)/.test(specifier))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(aws).toEqual([]);
  });
});

describe('adapters stay thin', () => {
  it('every file in functions/ is at most 60 lines', () => {
    const long = sourceFiles('functions')
      .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > 60)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });
});

describe('keys live in packages/db', () => {
  // The key grammar of packages/db/src/entities: partition prefixes, index attributes, sort-key bounds.
  const keyGrammar = [
    /['`](?:task|casestate|scope|applied|agg|parked|quote|ref|org|job|outbox|request|remind|chat|sla|escalated|survey|cases|h|msg|invite|key)#/,
    /#~/,
    /\bg\d+(?:pk|sk)\b/,
    /\b(?:pk|sk)\s*:/,
    /\b(?:tableKeys|instantKey|instantSortKey|ExclusiveStartKey|LastEvaluatedKey)\b/,
  ];
  const outsideDb = [
    'functions',
    'packages/app/src',
    'packages/core/src',
    'packages/events/src',
    'packages/ai/src',
    'infra',
    'bench',
  ];

  it('no file outside packages/db builds or parses a key', () => {
    // The probes measure DynamoDB Local itself on raw items of their own scratch table, not the service's keys.
    const found = outsideDb.flatMap((dir) =>
      sourceFiles(dir)
        .filter((file) => !file.startsWith('bench/probes/'))
        .flatMap((file) =>
          readFileSync(join(root, file), 'utf8')
            .split('\n')
            .flatMap((line, i) =>
              keyGrammar.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
            ),
        ),
    );
    expect(found).toEqual([]);
  });

  it('packages/db exports intents, not key builders', () => {
    const keyish = Object.keys(db).filter(
      (name) => /(?:Key|Keys|Partition|Partitions|Prefix|Position)$/.test(name) || /^(?:tableKeys|indexes)$/.test(name),
    );
    expect(keyish).toEqual([]);
  });
});
