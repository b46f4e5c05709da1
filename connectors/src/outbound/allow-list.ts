/**
 * The exceptions to the address policy, from configuration (`TESSERA_OUTBOUND_ALLOW`): a
 * comma-separated list of CIDRs (`127.0.0.0/8`), single IPs (`10.1.2.3`, `::1`) and host names
 * (`localhost`, `shop.internal`). A host name is allowed whatever it resolves to; its redirects are
 * checked again like any other target.
 */
import ipaddr from 'ipaddr.js';
import { embeddedIPv4 } from './address-policy';

export const ALLOW_ENV = 'TESSERA_OUTBOUND_ALLOW';

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** One DNS label: letters, digits, hyphens (not at either end), underscores for service names. */
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

export class AllowListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllowListError';
  }
}

export class AllowList {
  private constructor(
    private readonly cidrs: readonly Cidr[],
    private readonly hosts: ReadonlySet<string>,
    /** The entries as written, for messages and logs. */
    readonly entries: readonly string[],
  ) {}

  static readonly EMPTY = new AllowList([], new Set(), []);

  /** Parses the configuration text; a malformed entry throws an AllowListError that names it. */
  static parse(text: string | undefined, source = ALLOW_ENV): AllowList {
    const entries = (text ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const cidrs: Cidr[] = [];
    const hosts = new Set<string>();
    for (const entry of entries) {
      const parsed = parseEntry(entry);
      if (parsed === undefined) {
        throw new AllowListError(
          `${source}: "${entry}" is not a CIDR (127.0.0.0/8), an IP address (10.1.2.3, ::1) or a host name (shop.internal); entries are separated by commas`,
        );
      }
      if (typeof parsed === 'string') hosts.add(parsed);
      else cidrs.push(parsed);
    }
    return entries.length === 0 ? AllowList.EMPTY : new AllowList(cidrs, hosts, entries);
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** Host names compare case-insensitively and without a trailing dot. */
  allowsHost(hostname: string): boolean {
    return this.hosts.size > 0 && this.hosts.has(normalizeHost(hostname));
  }

  /** An IPv6 form that carries an IPv4 address is allowed when either it or that address is. */
  allowsAddress(address: string): boolean {
    if (this.cidrs.length === 0 || !ipaddr.isValid(address)) return false;
    const ip = ipaddr.parse(address);
    const inner = ip.kind() === 'ipv6' ? embeddedIPv4(ip as ipaddr.IPv6) : undefined;
    return this.cidrs.some(([net, bits]) => matches(ip, net, bits) || (typeof inner === 'object' && matches(inner, net, bits)));
  }
}

function matches(ip: ipaddr.IPv4 | ipaddr.IPv6, net: ipaddr.IPv4 | ipaddr.IPv6, bits: number): boolean {
  return ip.kind() === net.kind() && ip.match(net, bits);
}

function parseEntry(entry: string): Cidr | string | undefined {
  const bare = entry.startsWith('[') && entry.endsWith(']') ? entry.slice(1, -1) : entry;
  if (bare.includes('/')) {
    const [addr] = bare.split('/');
    if (!ipaddr.IPv4.isValidFourPartDecimal(addr) && !ipaddr.IPv6.isValid(addr)) return undefined;
    return ipaddr.isValidCIDR(bare) ? ipaddr.parseCIDR(bare) : undefined;
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare)) {
    const ip = ipaddr.parse(bare);
    return [ip, ip.kind() === 'ipv4' ? 32 : 128];
  }
  const host = normalizeHost(bare);
  // A name that is all digits and dots is a mistyped address, not a host.
  if (host.length > 253 || /^[0-9.]+$/.test(host)) return undefined;
  return host.split('.').every((label) => LABEL.test(label)) ? host : undefined;
}

function normalizeHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
