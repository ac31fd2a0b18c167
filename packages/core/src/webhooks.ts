// Webhook endpoints of an organisation (issue 21): the limits, the target URL's syntax rules and the auto-disable rule.
import ipaddr from 'ipaddr.js';
import { wellFormedTextSchema } from './input-domain.js';

/** Endpoints per organisation and party. */
export const MAX_WEBHOOK_ENDPOINTS = 10;
export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 200;
/** After a rotation the previous secret still signs for this long, so receivers can switch without losing a delivery. */
export const WEBHOOK_SECRET_OVERLAP_MS = 24 * 3_600_000;
/** Auto-disable: this many failed deliveries in a row… */
export const WEBHOOK_DISABLE_AFTER_FAILURES = 50;
/** …spanning at least this long (one outage burst of retries does not disable an endpoint). */
export const WEBHOOK_DISABLE_AFTER_MS = 24 * 3_600_000;

/**
 * Is this IP literal a public unicast address? ipaddr.js names every special range (loopback, private,
 * linkLocal, uniqueLocal, carrierGradeNat, multicast, reserved, unspecified, ipv4Mapped, 6to4, teredo, …), so
 * anything but `unicast` is refused, IPv6 forms embedding an IPv4 address included.
 */
export const isPublicUnicastAddress = (literal: string): boolean =>
  ipaddr.isValid(literal) && ipaddr.parse(literal).range() === 'unicast';

/** The host of a URL without IPv6 brackets. */
const bareHost = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The syntax rules of a target URL, checked when an owner saves it; the addresses the host resolves to are
 * checked again at each delivery (DNS can change). Only port 443: fewer surprises and one egress rule.
 */
export const webhookUrlProblem = (raw: string, allowLoopbackHttp = false): string | undefined => {
  if (!URL.canParse(raw)) return 'must be an absolute URL';
  const url = new URL(raw);
  if (allowLoopbackHttp && isLoopbackHttpUrl(url) && !raw.includes('#')) return undefined;
  if (url.protocol !== 'https:') return 'must use https';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  if (raw.includes('#')) return 'must not have a fragment';
  if (url.port !== '') return 'must use the default port 443';
  const host = bareHost(url.hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'must be a public host';
  if (ipaddr.isValid(host) && !isPublicUnicastAddress(host)) return 'must be a public address';
  return undefined;
};

/**
 * Local mode and tests only (the caller passes its configuration's flag; deployed it is always false): an
 * `http:` or `https:` URL without credentials on a loopback host, any port, so a local receiver can be registered.
 */
const isLoopbackHttpUrl = (url: URL): boolean => {
  const host = bareHost(url.hostname);
  const loopback = host === 'localhost' || (ipaddr.isValid(host) && ipaddr.parse(host).range() === 'loopback');
  return ['http:', 'https:'].includes(url.protocol) && url.username === '' && url.password === '' && loopback;
};

/** The URL schema; `allowLoopbackHttp` is asked at each parse (the flag is configuration, not this package's). */
export const webhookUrlSchemaWith = (allowLoopbackHttp: () => boolean) =>
  wellFormedTextSchema
    .max(MAX_WEBHOOK_URL_LENGTH)
    .superRefine((raw, ctx) => {
      const problem = webhookUrlProblem(raw, allowLoopbackHttp());
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe(`An https URL on port 443 of a public host; at most ${MAX_WEBHOOK_URL_LENGTH} characters`);

export const webhookUrlSchema = webhookUrlSchemaWith(() => false);

export const webhookDescriptionSchema = wellFormedTextSchema
  .max(MAX_WEBHOOK_DESCRIPTION_LENGTH)
  .describe(`At most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters`);

/** The secrets an endpoint's deliveries are signed with at `now`: the current one, and the previous during the overlap. */
export const signingSecrets = (
  endpoint: { secret: string; previousSecret?: string | null; previousSecretExpiresAt?: string | null },
  now: Date,
): string[] =>
  endpoint.previousSecret && endpoint.previousSecretExpiresAt && now.toISOString() < endpoint.previousSecretExpiresAt
    ? [endpoint.secret, endpoint.previousSecret]
    : [endpoint.secret];

/** Does a run of failures disable the endpoint (50 in a row over at least 24 h)? */
export const failuresDisable = (consecutiveFailures: number, failingSince: string, now: Date): boolean =>
  consecutiveFailures >= WEBHOOK_DISABLE_AFTER_FAILURES &&
  now.getTime() - Date.parse(failingSince) >= WEBHOOK_DISABLE_AFTER_MS;
