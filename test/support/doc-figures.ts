// Every figure in a doc has its command (issue 24): finds figures per section and resolves the section's `Command:` lines.
//
// A section is a heading and its body up to the next heading of any level; the text before the first heading is
// the section "intro". A figure is a digit in body text, outside fenced code blocks, inline code, link targets
// (`](…)`, `<http…>`, `[ref]: …`) and headings, unless it is part of one of these exempt forms (EXEMPT_FORMS):
//   iso-date     /\b\d{4}-\d{2}-\d{2}\b/                                   2026-11-29
//   clock-time   /\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*UTC)?\b/  11:42, 11:42 UTC, 11:42:07
//   issue-ref    /\b[Ii]ssues?\s+\d+(?:\s*(?:,|and|or|–|-)\s*\d+)*\b/      issue 20, Issues 16 and 17
//   hash-ref     /(?<![\w&])#\d+\b/                                        #20
//   section-ref  /§\s?\d+(?:\.\d+)*(?:\s*(?:–|-)\s*\d+)?/                  §14, §3.2
//                /\b[Ss]ections?\s+\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*\b/   section 11, sections 1–10
//   list-marker  /^\s*\d+\.(?=\s)/                                         "1. " opening an ordered-list item
//   name         /\b[A-Za-z]+\d+\b/, /\bUTF-(?:8|16)\b/                      p50, p99, E1, S3, v3, UTF-8
//   http-status  /\bHTTP\s+[1-5]\d\d(?:\s*\/\s*[1-5]\d\d)*\b/                HTTP 404, HTTP 200/201
//                /\b[1-5]xx\b/                                            4xx, 5xx (a status class)
//                /\b[1-5]\d\d\s+`?(?:conflict|not_found|invalid_request|rule_violation|forbidden|unauthorized)\b/
//                                                                          404 not_found, 409 `conflict`
//                /\b(?:conflict|not_found|invalid_request|rule_violation|forbidden|unauthorized)`?\s+\(?[1-5]\d\d\b/
//                                                                          conflict (409)
// Backticks count as spaces for the exempt forms, so "404 `not_found`" is exempt while the code itself is ignored.
// A command line is a line whose text starts with `Command:` followed by one or more inline-code commands; a
// section with a figure needs at least one, and every command must resolve (see resolveCommand).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchScenarioIds } from '../../bench/scenarios.js';

export type DocProblem = {
  doc: string;
  section: string;
  line: number;
  problem: 'figure without a command' | 'unresolved command';
  text: string;
};

/** What a command is resolved against: package.json scripts, the bench's scenario ids, vitest projects, files. */
export type CommandContext = {
  scripts: Readonly<Record<string, string>>;
  benchIds: readonly string[];
  vitestProjects: readonly string[];
  /** Whether a repo-relative path exists (a file or a directory). */
  exists: (path: string) => boolean;
};

const statusWords = 'conflict|not_found|invalid_request|rule_violation|forbidden|unauthorized';

export const EXEMPT_FORMS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'iso-date', pattern: /\b\d{4}-\d{2}-\d{2}\b/g },
  { name: 'clock-time', pattern: /\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*UTC)?\b/g },
  { name: 'issue-ref', pattern: /\b[Ii]ssues?\s+\d+(?:\s*(?:,|and|or|–|-)\s*\d+)*\b/g },
  { name: 'hash-ref', pattern: /(?<![\w&])#\d+\b/g },
  { name: 'section-ref', pattern: /§\s?\d+(?:\.\d+)*(?:\s*(?:–|-)\s*\d+)?/g },
  { name: 'section-ref', pattern: /\b[Ss]ections?\s+\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*\b/g },
  { name: 'list-marker', pattern: /^\s*\d+\.(?=\s)/g },
  { name: 'name', pattern: /\b[A-Za-z]+\d+\b/g },
  { name: 'name', pattern: /\bUTF-(?:8|16)\b/g },
  { name: 'http-status', pattern: /\bHTTP\s+[1-5]\d\d(?:\s*\/\s*[1-5]\d\d)*\b/g },
  { name: 'http-status', pattern: /\b[1-5]xx\b/g },
  { name: 'http-status', pattern: new RegExp(`\\b[1-5]\\d\\d\\s+\`?(?:${statusWords})\\b`, 'g') },
  { name: 'http-status', pattern: new RegExp(`\\b(?:${statusWords})\`?\\s+\\(?[1-5]\\d\\d\\b`, 'g') },
];

type Section = { title: string; lines: { number: number; text: string }[] };

const headingPattern = /^ {0,3}#{1,6}\s/;
const fencePattern = /^ {0,3}(`{3,}|~{3,})/;
const commandLinePattern = /^\s*Command:/;
const listLinePattern = /^\s*(?:[-*+]|\d+\.)\s|^\s/;

/** Splits markdown into sections; fenced and indented code is dropped (it holds no figures and no commands). */
export const sectionsOf = (markdown: string): Section[] => {
  const sections: Section[] = [{ title: 'intro', lines: [] }];
  let fence: string | undefined;
  let seenHeading = false;
  let indentedCode = false;
  let previous = '';
  let lastText = '';
  markdown.split('\n').forEach((text, index) => {
    // An indented code block opens after a blank line that does not continue a list item.
    const blank = text.trim() === '';
    indentedCode =
      fence === undefined &&
      /^ {4,}\S/.test(text) &&
      (indentedCode || (previous.trim() === '' && !listLinePattern.test(lastText)));
    previous = text;
    if (!blank && !indentedCode) lastText = text;
    if (indentedCode) return;
    const opener = fencePattern.exec(text)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      return;
    }
    if (opener !== undefined) {
      fence = opener;
      return;
    }
    if (headingPattern.test(text)) {
      const title = text.replace(/^\s*#+\s*/, '').trim();
      // The page title opens the intro rather than a section of its own.
      if (!seenHeading && /^\s*#\s/.test(text)) (sections[0] as Section).title = title;
      else sections.push({ title, lines: [] });
      seenHeading = true;
      return;
    }
    sections.at(-1)?.lines.push({ number: index + 1, text });
  });
  return sections.filter((section, index) => index > 0 || section.lines.length > 0 || section.title !== 'intro');
};

/** Inline code spans of a line: [start, end) including the backticks, and their content. */
const codeSpansOf = (text: string): { start: number; end: number; code: string }[] => {
  const spans: { start: number; end: number; code: string }[] = [];
  const opener = /`+/g;
  for (let match = opener.exec(text); match !== null; match = opener.exec(text)) {
    const ticks = match[0];
    const close = new RegExp(`(?<!\`)${ticks}(?!\`)`, 'g');
    close.lastIndex = match.index + ticks.length;
    const closing = close.exec(text);
    if (closing === null) continue;
    spans.push({
      start: match.index,
      end: closing.index + ticks.length,
      code: text.slice(match.index + ticks.length, closing.index).trim(),
    });
    opener.lastIndex = closing.index + ticks.length;
  }
  return spans;
};

/** The figures of one body line: digit runs outside code, link targets and the exempt forms. */
export const figuresOf = (text: string): string[] => {
  const ignored = new Array<boolean>(text.length).fill(false);
  const ignore = (start: number, end: number) => ignored.fill(true, start, end);
  for (const span of codeSpansOf(text)) ignore(span.start, span.end);
  for (const match of text.matchAll(/\]\([^)]*\)/g)) ignore(match.index, match.index + match[0].length);
  for (const match of text.matchAll(/<https?:[^>]*>/g)) ignore(match.index, match.index + match[0].length);
  const reference = /^\s*\[[^\]]+\]:\s.*$/.exec(text);
  if (reference !== null) ignore(0, text.length);
  const prose = text.replaceAll('`', ' ');
  for (const { pattern } of EXEMPT_FORMS)
    for (const match of prose.matchAll(pattern)) ignore(match.index, match.index + match[0].length);
  const figures: string[] = [];
  for (const match of text.matchAll(/\d[\d.,]*(?: \d{3}(?!\w))*/g)) {
    const digits = [...match[0]].map((char, offset) => ({ char, offset: match.index + offset }));
    if (digits.some(({ char, offset }) => /\d/.test(char) && !ignored[offset]))
      figures.push(match[0].replace(/[.,]$/, ''));
  }
  return figures;
};

const excerpt = (text: string): string => {
  const trimmed = text.trim();
  return trimmed.length > 160 ? `${trimmed.slice(0, 157)}…` : trimmed;
};

/** Why a command does not resolve, or undefined when it does. */
export const resolveCommand = (command: string, context: CommandContext): string | undefined => {
  for (const part of command.split(/\s*&&\s*/)) {
    const reason = resolveOne(part, context);
    if (reason !== undefined) return reason;
  }
  return undefined;
};

const resolveOne = (command: string, context: CommandContext): string | undefined => {
  // Leading environment assignments (EXTREME_RUNS=200 npm run …) choose a size, not a program.
  const words = command.trim().split(/\s+/);
  while (words[0] !== undefined && /^[A-Z_][A-Z0-9_]*=\S*$/.test(words[0])) words.shift();
  const [program, verb, ...rest] = words;
  if (program === 'npm' && (verb === 'test' || verb === 't')) return resolveScript('test', [], context);
  if (program === 'npm' && verb === 'run') {
    const [script, separator, ...args] = rest;
    if (script === undefined) return 'npm run without a script';
    if (separator !== undefined && separator !== '--') return `arguments of npm run ${script} must follow --`;
    return resolveScript(script, args, context);
  }
  if (program === 'npx' && verb === 'vitest' && rest[0] === 'run') return resolveVitest(rest.slice(1), context);
  if (program === 'npx' && verb === 'tsx') {
    const [path] = rest;
    if (path === undefined) return 'npx tsx without a path';
    return context.exists(path) ? undefined : `${path} does not exist`;
  }
  return 'not one of npm run <script>, npx vitest run <paths>, npx tsx <path>';
};

const resolveScript = (script: string, args: string[], context: CommandContext): string | undefined => {
  if (context.scripts[script] === undefined) return `no script "${script}" in package.json`;
  if (script === 'probe') {
    const [name, ...extra] = args;
    if (name === undefined) return 'npm run probe without a probe name';
    if (extra.length > 0) return `unexpected arguments after the probe name: ${extra.join(' ')}`;
    return context.exists(`bench/probes/${name}.ts`) ? undefined : `bench/probes/${name}.ts does not exist`;
  }
  if (script === 'bench') return resolveBenchArgs(args, context);
  return undefined;
};

const resolveBenchArgs = (args: string[], context: CommandContext): string | undefined => {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--quick') continue;
    const only = arg === '--only' ? args[++index] : arg.startsWith('--only=') ? arg.slice('--only='.length) : null;
    if (only === null) return `unknown bench argument ${arg}`;
    if (only === undefined || only === '') return '--only without scenario ids';
    const unknown = only.split(',').filter((id) => !context.benchIds.includes(id));
    if (unknown.length > 0)
      return `unknown bench scenario ${unknown.join(', ')} (benchScenarioIds in bench/scenarios.ts)`;
  }
  return undefined;
};

const resolveVitest = (args: string[], context: CommandContext): string | undefined => {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const project = arg === '--project' ? args[++index] : arg.startsWith('--project=') ? arg.slice(10) : null;
    if (project !== null) {
      if (project === undefined || !context.vitestProjects.includes(project))
        return `unknown vitest project ${project}`;
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (!context.exists(arg)) return `${arg} does not exist`;
  }
  return undefined;
};

/** The problems of one doc: sections with figures but no command line, and command lines that do not resolve. */
export const findDocProblems = (doc: string, markdown: string, context: CommandContext): DocProblem[] => {
  const problems: DocProblem[] = [];
  for (const section of sectionsOf(markdown)) {
    const commandLines = section.lines.filter(({ text }) => commandLinePattern.test(text));
    for (const { number, text } of commandLines) {
      const commands = codeSpansOf(text).map((span) => span.code);
      if (commands.length === 0)
        problems.push({
          doc,
          section: section.title,
          line: number,
          problem: 'unresolved command',
          text: `no inline-code command: ${excerpt(text)}`,
        });
      for (const command of commands) {
        const reason = resolveCommand(command, context);
        if (reason !== undefined)
          problems.push({
            doc,
            section: section.title,
            line: number,
            problem: 'unresolved command',
            text: `${command} (${reason})`,
          });
      }
    }
    // "Command:" anywhere but at the start of a line (a bullet, bold) is not a command line: say so, not "no command".
    for (const { number, text } of section.lines)
      if (!commandLinePattern.test(text) && /\bCommand:/.test(text.replaceAll(/`[^`]*`/g, '')))
        problems.push({
          doc,
          section: section.title,
          line: number,
          problem: 'unresolved command',
          text: `Command: must open the line: ${excerpt(text)}`,
        });
    if (commandLines.length > 0) continue;
    for (const { number, text } of section.lines) {
      const figures = figuresOf(text);
      if (figures.length > 0)
        problems.push({
          doc,
          section: section.title,
          line: number,
          problem: 'figure without a command',
          text: `${figures.join(', ')} | ${excerpt(text)}`,
        });
    }
  }
  return problems;
};

/** One problem as a doc writer wants it: where, which section, what. */
export const formatProblem = (problem: DocProblem): string =>
  `${problem.doc}:${problem.line} [${problem.section}] ${problem.problem}: ${problem.text}`;

/** The docs the check covers. */
export const checkedDocs = ['docs/PERFORMANCE.md', 'docs/RELIABILITY.md'] as const;

/** The repository's command context: package.json scripts, bench/scenarios.ts ids, vitest.config.ts projects. */
export const loadCommandContext = (root: string): CommandContext => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const config = readFileSync(join(root, 'vitest.config.ts'), 'utf8');
  return {
    scripts: pkg.scripts ?? {},
    benchIds: benchScenarioIds,
    vitestProjects: [...config.matchAll(/\bname:\s*'([^']+)'/g)].map((match) => match[1] as string),
    exists: (path) => existsSync(join(root, path)),
  };
};

/** The problems of every checked doc in the repository at root. */
export const findRepoDocProblems = (root: string): DocProblem[] => {
  const context = loadCommandContext(root);
  return checkedDocs.flatMap((doc) => findDocProblems(doc, readFileSync(join(root, doc), 'utf8'), context));
};
