// The pure parts of `npm run test:alone`: its arguments, the test files vitest lists, their order and a result line.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';

/** Fast tiers first, so a unit failure shows before the long integration, bundle and browser files run. */
export const projectOrder = ['unit', 'integration', 'bundles', 'browser'] as const;
export type ProjectName = (typeof projectOrder)[number];

export type TestFile = { project: ProjectName; file: string };

export type AloneOptions = { jobs: number; projects: ProjectName[]; filters: string[] };

const listedFilesSchema = z.array(z.object({ file: z.string(), projectName: z.enum(projectOrder) }));

/** `--jobs N` (default 1), `--project P` (repeatable, default all four), then path filters (substrings). */
export const parseAloneArgs = (argv: string[]): AloneOptions => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { jobs: { type: 'string', default: '1' }, project: { type: 'string', multiple: true } },
  });
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number ≥ 1, got ${values.jobs}`);
  const projects = z.array(z.enum(projectOrder)).parse(values.project ?? [...projectOrder]);
  return { jobs, projects, filters: positionals };
};

/** Reads `vitest list --filesOnly --json` (absolute paths) into repo-relative files, in tier order, then by path. */
export const parseListedFiles = (json: string, root: string): TestFile[] =>
  listedFilesSchema
    .parse(JSON.parse(json))
    .map(({ file, projectName }) => ({ project: projectName, file: relative(root, file) }))
    .sort(
      (a, b) =>
        projectOrder.indexOf(a.project) - projectOrder.indexOf(b.project) ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
    );

export const selectFiles = (files: TestFile[], { projects, filters }: AloneOptions): TestFile[] =>
  files.filter(
    ({ project, file }) =>
      projects.includes(project) && (filters.length === 0 || filters.some((filter) => file.includes(filter))),
  );

/** `[17/155] pass test/integration/api-bulk.test.ts 12.3 s` */
export const progressLine = (done: number, total: number, passed: boolean, file: string, ms: number): string =>
  `[${done}/${total}] ${passed ? 'pass' : 'FAIL'} ${file} ${(ms / 1000).toFixed(1)} s`;
