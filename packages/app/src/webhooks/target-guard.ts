// SSRF guard of webhook deliveries: resolves the target's host and picks the one checked address to connect to.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Why a target is refused: a rule of the URL, a failed lookup, or the ipaddr.js range of an address. */
export type WebhookTargetRefusal =
  | 'invalid_url'
  | 'credentials'
  | 'scheme'
  | 'port'
  | 'unresolvable'
  | 'invalid_address'
  | Exclude<AddressRange, 'unicast'>;

/** The ipaddr.js range names (loopback, private, linkLocal, uniqueLocal, carrierGradeNat, 6to4, teredo, …). */
type AddressRange = ReturnType<ipaddr.IPv4['range']> | ReturnType<ipaddr.IPv6['range']>;

/** The target may not be called; nothing was sent. `address` names the offending resolved address. */
export class WebhookTargetRefusedError extends Error {
  constructor(
    readonly reason: WebhookTargetRefusal,
    readonly address?: string,
  ) {
    super(address === undefined ? `webhook target refused: ${reason}` : `webhook target refused: ${reason} ${address}`);
    this.name = 'WebhookTargetRefusedError';
  }

  /** Address and lookup refusals may clear when DNS changes; a URL rule needs the owner to edit the endpoint. */
  get retryable(): boolean {
    return !['invalid_url', 'credentials', 'scheme', 'port'].includes(this.reason);
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** DNS lookup of every address of a host; tests inject one. */
export type ResolveHost = (host: string) => Promise<readonly { address: string; family: number }[]>;

export const resolveWithDns: ResolveHost = (host) => lookup(host, { all: true, verbatim: true });

export interface WebhookTargetOptions {
  resolve?: ResolveHost;
  /** Local mode and tests only: lets `http:` and any port through to loopback addresses. Deployed code never sets it. */
  allowLoopbackHttp?: boolean;
}

/** A target that passed: connect to `address` (and only it), name `host` in TLS and the Host header. */
export interface CheckedWebhookTarget {
  url: URL;
  host: string;
  port: number;
  pinned: ResolvedAddress;
}

/** The range of an address, an IPv4-mapped IPv6 address judged by the IPv4 address it carries. */
const rangeOf = (address: string): AddressRange | 'invalid_address' => {
  if (!ipaddr.isValid(address)) return 'invalid_address';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    const inner = (parsed as ipaddr.IPv6).toIPv4Address().range();
    // A mapped public address is still refused: no resolver returns one for a public host.
    return inner === 'unicast' ? 'ipv4Mapped' : inner;
  }
  // 6to4, teredo, NAT64 (rfc6052) and the other IPv6 forms embedding an IPv4 address have ranges of their own.
  return parsed.range();
};

const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

const resolveAll = async (host: string, resolve: ResolveHost): Promise<ResolvedAddress[]> => {
  if (ipaddr.isValid(host)) return [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  try {
    const found = await resolve(host);
    return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  } catch {
    throw new WebhookTargetRefusedError('unresolvable');
  }
};

/**
 * Checks a webhook URL right before a delivery: https, no credentials, port 443, and EVERY address the host
 * resolves to public unicast (one private address among public ones is enough to refuse: the connection could
 * land on any of them). Returns the address to pin the connection to, so a DNS answer that changes between this
 * check and the connect (rebinding) is never used.
 */
export const checkWebhookTarget = async (
  rawUrl: string,
  { resolve = resolveWithDns, allowLoopbackHttp = false }: WebhookTargetOptions = {},
): Promise<CheckedWebhookTarget> => {
  if (!URL.canParse(rawUrl)) throw new WebhookTargetRefusedError('invalid_url');
  const url = new URL(rawUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookTargetRefusedError('scheme');
  if (url.username !== '' || url.password !== '') throw new WebhookTargetRefusedError('credentials');

  const host = hostOf(url);
  const addresses = await resolveAll(host, resolve);
  if (addresses.length === 0) throw new WebhookTargetRefusedError('unresolvable');
  const ranges = addresses.map(({ address }) => rangeOf(address));
  const loopbackOnly = allowLoopbackHttp && ranges.every((range) => range === 'loopback');
  if (!loopbackOnly) {
    ranges.forEach((range, i) => {
      if (range !== 'unicast') throw new WebhookTargetRefusedError(range, addresses[i]?.address);
    });
    if (url.protocol !== 'https:') throw new WebhookTargetRefusedError('scheme');
    if (url.port !== '') throw new WebhookTargetRefusedError('port');
  }
  const [pinned] = addresses as [ResolvedAddress];
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return { url, host, port, pinned };
};
