// The local console: its static page (GET /, /console/<file>), a token for the picked caller and the paused-case executions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { portalClaimsSchema } from '@casetasks/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { RequestValidationError } from '../../functions/middleware/http-errors.js';
import { errorResponse, jsonResponse } from '../../functions/middleware/http-response.js';
import type { LocalSigningKey } from './local-jwks.js';
import { signLocalToken } from './local-jwt.js';
import type { LocalWorkflowStarter } from './state-machine.js';

/** The only files served from infra/local/console: a fixed list, so no request path ever reaches the file system. */
export const CONSOLE_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
};

const CONSOLE_DIR = join(import.meta.dirname, 'console');

/** Lifetime of a console token: a working day; the page mints a new one when the caller changes or on a 401. */
const CONSOLE_TOKEN_TTL = '12h';

export interface ConsoleRoutesContext {
  /** The key the local JWKS publishes: console tokens are RS256, as an identity provider's are. */
  signingKey: LocalSigningKey;
  workflow?: LocalWorkflowStarter;
}

const notFound = () => jsonResponse(404, { message: 'Not Found' });

// The page is ours and offline: it may load only its own files and call only this server.
const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

const serveFile = async (file: string): Promise<APIGatewayProxyStructuredResultV2> => {
  const contentType = CONSOLE_FILES[file];
  if (!contentType || !Object.hasOwn(CONSOLE_FILES, file)) return notFound();
  // Read on every request: editing the page needs no restart.
  const body = await readFile(join(CONSOLE_DIR, file), 'utf8');
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    },
    body,
  };
};

/** Query parameter per claim, so a 400 names what the caller sent. */
const paramOfClaim: Record<string, string> = {
  sub: 'user',
  org_id: 'org',
  party: 'party',
  role: 'role',
  email: 'email',
};
const tokenParams = new Set(Object.values(paramOfClaim));

/** GET /local/token?party=&org=&user=&role=[&email=]: the claims checked like `npm run token`, then signed RS256. */
const mintToken = async (query: URLSearchParams, signingKey: LocalSigningKey) => {
  const unknown = [...query.keys()].filter((name) => !tokenParams.has(name));
  if (unknown.length > 0) {
    throw new RequestValidationError(unknown.map((field) => ({ field, message: 'not a token parameter' })));
  }
  const email = query.get('email');
  const claims = portalClaimsSchema.safeParse({
    sub: query.get('user') ?? undefined,
    org_id: query.get('org') ?? undefined,
    party: query.get('party') ?? undefined,
    role: query.get('role') ?? undefined,
    ...(email === null ? {} : { email }),
  });
  if (!claims.success) {
    throw new RequestValidationError(
      claims.error.issues.map((issue) => {
        const claim = String(issue.path[0] ?? '');
        return { field: paramOfClaim[claim] ?? claim, message: issue.message };
      }),
    );
  }
  const token = await signLocalToken(claims.data, { key: signingKey, expiresIn: CONSOLE_TOKEN_TTL });
  return jsonResponse(200, { token, claims: claims.data, expiresIn: CONSOLE_TOKEN_TTL });
};

/** GET /local/workflows: every paused-case execution this server started, newest first, with its next timer. */
const listWorkflows = (workflow: LocalWorkflowStarter | undefined) => {
  if (!workflow) return jsonResponse(200, { available: false, items: [] });
  const items = workflow
    .executions()
    .map(({ name, input, status, waitingUntil, error }) => ({
      name,
      caseId: typeof input.caseId === 'string' ? input.caseId : null,
      status,
      waitingUntil: waitingUntil ?? null,
      ...(error === undefined ? {} : { error }),
      input,
    }))
    .reverse();
  return jsonResponse(200, { available: true, now: workflow.now().toISOString(), items });
};

/** Serves the console's routes, or returns undefined for any other path. */
export const serveConsoleRoute = async (
  method: string,
  url: URL,
  context: ConsoleRoutesContext,
): Promise<APIGatewayProxyStructuredResultV2 | undefined> => {
  const path = url.pathname;
  if (method !== 'GET') return undefined;
  try {
    if (path === '/') return await serveFile('index.html');
    if (path.startsWith('/console/')) return await serveFile(path.slice('/console/'.length));
    if (path === '/local/token') return await mintToken(url.searchParams, context.signingKey);
    if (path === '/local/workflows') return listWorkflows(context.workflow);
    return undefined;
  } catch (error) {
    const { response, internal } = errorResponse(error);
    if (internal) console.error(`${method} ${path} failed:`, error);
    return response;
  }
};
