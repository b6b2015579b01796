// Refuses private, loopback, link-local and other non-public addresses, so a URL given to netral (or
// a redirect it follows) cannot make it read the user's own network. The check runs in the socket's
// own DNS lookup: the address that is checked is the address that is connected to (no rebinding).
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (injectable so tests can simulate DNS answers). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** true = any address allowed; a list = these exact addresses (or host names) allowed although private. */
export type PrivatePolicy = boolean | readonly string[];

/** Thrown when a host resolves to (or is) an address netral must not contact. */
export class BlockedAddressError extends Error {
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(`${hostname} resolves to ${address} (${reason})`);
    this.name = 'BlockedAddressError';
  }
}

/** Why an address is not public, or undefined when it is a public unicast address. */
export function nonPublicReason(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(bare);
  if (kind === 4) return ipv4Reason(ipv4ToInt(bare));
  if (kind === 6) return ipv6Reason(bare);
  return 'not an IP address';
}

const IPV4_RANGES: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function ipv4Reason(value: number): string | undefined {
  for (const [base, prefix, reason] of IPV4_RANGES) {
    const size = 2 ** (32 - prefix);
    const start = ipv4ToInt(base);
    if (value >= start && value < start + size) return reason;
  }
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address (handles `::` and a dotted IPv4 tail). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = ipv4ToInt(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((g) => parseInt(g, 16));
}

function ipv6Reason(address: string): string | undefined {
  const g = ipv6Groups(address);
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4 = ((g6 << 16) >>> 0) + g7;
  const allZeroBefore = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (allZeroBefore(8)) return 'unspecified';
  if (allZeroBefore(7) && g7 === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): judge the IPv4 address inside
  if (allZeroBefore(5) && g5 === 0xffff) return ipv4Reason(embeddedV4) ?? undefined;
  if (allZeroBefore(6)) return ipv4Reason(embeddedV4) ?? 'IPv4-compatible';
  // NAT64 (64:ff9b::/96) carries an IPv4 address too
  if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Reason(embeddedV4);
  if ((g0 & 0xfe00) === 0xfc00) return 'unique local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  if (g0 === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'discard';
  // 6to4 (2002::/16) embeds an IPv4 address in groups 1–2
  if (g0 === 0x2002) return ipv4Reason(((g1 << 16) >>> 0) + (g[2] ?? 0));
  return undefined;
}

/** Throws BlockedAddressError unless the address is public or allowed by the policy. */
export function assertAddressAllowed(hostname: string, address: string, policy: PrivatePolicy): void {
  if (policy === true) return;
  const reason = nonPublicReason(address);
  if (!reason) return;
  if (Array.isArray(policy) && (policy.includes(address) || policy.includes(hostname))) return;
  throw new BlockedAddressError(hostname, address, reason);
}

/** Resolve a host (or take an IP literal as is) and check every address it resolves to. */
export async function resolveAllowed(hostname: string, policy: PrivatePolicy, resolve: Resolver): Promise<ResolvedAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(bare);
  const addresses = literal ? [{ address: bare, family: literal === 6 ? 6 : 4 } as const] : await resolve(bare);
  if (addresses.length === 0) throw new BlockedAddressError(hostname, '(none)', 'no address');
  for (const a of addresses) assertAddressAllowed(bare, a.address, policy);
  return addresses;
}

/**
 * A `lookup` for net/tls.connect (undici passes it through): resolves with our resolver, refuses the
 * connection if any answer is not allowed, and hands the checked answers to the socket.
 */
export function guardedLookup(policy: PrivatePolicy, resolve: Resolver): LookupFunction {
  return ((hostname: string, options: { all?: boolean } | number, callback: (...args: unknown[]) => void) => {
    const all = typeof options === 'object' && options.all === true;
    resolveAllowed(hostname, policy, resolve).then(
      (addresses) => {
        if (all) callback(null, addresses);
        else callback(null, addresses[0]?.address, addresses[0]?.family);
      },
      (err: unknown) => callback(err),
    );
  }) as LookupFunction;
}
