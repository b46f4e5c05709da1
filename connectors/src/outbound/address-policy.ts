/**
 * Which IP addresses an outbound call may reach: public unicast only. Everything else (loopback,
 * private, link-local with the cloud metadata service, CGNAT, unique local, multicast, reserved and
 * documentation ranges …) is refused, and so are the IPv6 forms that carry an IPv4 address inside
 * them (mapped, compatible, translated, NAT64, 6to4) when that IPv4 address would be refused.
 */
import ipaddr from 'ipaddr.js';

/** Why an address is refused: ipaddr.js's range names, plus the few this module adds. */
export type BlockedRange =
  | 'unspecified'
  | 'broadcast'
  | 'multicast'
  | 'linkLocal'
  | 'loopback'
  | 'carrierGradeNat'
  | 'private'
  | 'reserved'
  | 'as112'
  | 'amt'
  | 'uniqueLocal'
  | 'deprecatedSiteLocal'
  | 'discard'
  | 'benchmarking'
  | 'as112v6'
  | 'deprecatedOrchid'
  | 'orchid2'
  | 'droneRemoteIdProtocolEntityTags'
  | 'segmentRouting'
  | 'teredo'
  /** 64:ff9b:1::/48 (RFC 8215): a network's own NAT64 prefix, whose IPv4 position depends on its length. */
  | 'localNat64'
  /** IPv6 outside 2000::/3, the only block IANA assigns global unicast from. */
  | 'notGlobalUnicast'
  | 'invalid';

export interface AddressClass {
  /** The address in canonical text (IPv6 compressed, lower case). */
  address: string;
  /** `null` when the address is public unicast. */
  blocked: BlockedRange | null;
  /** For IPv6 forms that carry an IPv4 address: that address (its range decided the verdict). */
  embeddedIPv4?: string;
}

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

/** Classifies an IP address given as text (IPv4 dotted quad or IPv6, brackets allowed). */
export function classifyAddress(text: string): AddressClass {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // isValid accepts legacy IPv4 forms ("0x7f.1", "2130706433"); the URL parser has already turned
  // those into dotted quads, and a resolver never answers with them, so only canonical forms pass.
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return { address: text, blocked: 'invalid' };
  const ip = ipaddr.parse(bare);
  return ip.kind() === 'ipv4' ? classifyIPv4(ip as IPv4) : classifyIPv6(ip as IPv6);
}

export function isPublicAddress(text: string): boolean {
  return classifyAddress(text).blocked === null;
}

function classifyIPv4(ip: IPv4): AddressClass {
  const range = ip.range();
  return { address: ip.toString(), blocked: range === 'unicast' ? null : (range as BlockedRange) };
}

function classifyIPv6(ip: IPv6): AddressClass {
  const address = ip.toString();
  const embedded = embeddedIPv4(ip);
  if (embedded === 'localNat64' || embedded === 'teredo') return { address, blocked: embedded };
  if (embedded) {
    const inner = classifyIPv4(embedded);
    return { address, blocked: inner.blocked, embeddedIPv4: inner.address };
  }
  const range = ip.range();
  if (range !== 'unicast') return { address, blocked: range as BlockedRange };
  // 2000::/3: the first 16-bit part is 0x2000–0x3fff.
  return { address, blocked: ip.parts[0] >= 0x2000 && ip.parts[0] <= 0x3fff ? null : 'notGlobalUnicast' };
}

/**
 * The IPv4 address an IPv6 address carries, when it is one of the forms that reach IPv4 hosts:
 * ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), ::ffff:0:a.b.c.d (translated),
 * 64:ff9b::a.b.c.d (NAT64) and 2002:aabb:ccdd::/48 (6to4). Teredo (2001::/32) and local-use NAT64
 * are named instead: they carry addresses too, but no customer API is reached through them.
 */
export function embeddedIPv4(ip: IPv6): IPv4 | 'teredo' | 'localNat64' | undefined {
  const p = ip.parts;
  const low = (): IPv4 => new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  const zeroTo = (n: number) => p.slice(0, n).every((x) => x === 0);
  if (zeroTo(5) && p[5] === 0xffff) return low(); // ::ffff:0:0/96
  if (zeroTo(4) && p[4] === 0xffff && p[5] === 0) return low(); // ::ffff:0:0:0/96
  if (zeroTo(6) && (p[6] !== 0 || p[7] > 1)) return low(); // ::/96 without :: and ::1
  if (p[0] === 0x64 && p[1] === 0xff9b) {
    if (p[2] === 1) return 'localNat64';
    if (p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) return low();
  }
  if (p[0] === 0x2002) return new ipaddr.IPv4([p[1] >> 8, p[1] & 0xff, p[2] >> 8, p[2] & 0xff]);
  if (p[0] === 0x2001 && p[1] === 0) return 'teredo';
  return undefined;
}

/** Words for a consultant: "10.0.0.5, a private address; … calls to private addresses are refused". */
const WORDS: Record<string, [one: string, many: string]> = {
  loopback: ['a loopback address', 'loopback addresses'],
  private: ['a private address', 'private addresses'],
  linkLocal: ['a link-local address (where cloud metadata services answer)', 'link-local addresses'],
  carrierGradeNat: ['a carrier-grade NAT address', 'carrier-grade NAT addresses'],
  uniqueLocal: ['a unique local (private) IPv6 address', 'private addresses'],
  deprecatedSiteLocal: ['a site-local IPv6 address', 'private addresses'],
  unspecified: ['the unspecified address', 'the unspecified address'],
  multicast: ['a multicast address', 'multicast addresses'],
  broadcast: ['the broadcast address', 'broadcast addresses'],
  teredo: ['a Teredo tunnel address', 'tunnel addresses'],
  localNat64: ['a local-use NAT64 address', 'local-use NAT64 addresses'],
  invalid: ['not a valid IP address', 'invalid addresses'],
};

export function describeBlocked(range: BlockedRange): { one: string; many: string } {
  const [one, many] = WORDS[range] ?? ['a reserved address (not public unicast)', 'reserved addresses'];
  return { one, many };
}
