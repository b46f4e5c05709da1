import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { classifyAddress, isPublicAddress } from './address-policy';

const v4 = (o: number[]) => o.join('.');
const octet = fc.integer({ min: 0, max: 255 });
const hex16 = fc.integer({ min: 0, max: 0xffff });

/** An arbitrary IPv4 address inside a CIDR. */
function inside(cidr: string): fc.Arbitrary<string> {
  const [net, bits] = ipaddr.IPv4.parseCIDR(cidr);
  const base = net.octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return fc.integer({ min: 0, max: size - 1 }).map((offset) => {
    const n = base + offset;
    return v4([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  });
}

const REFUSED_V4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
const refusedV4 = fc.oneof(...REFUSED_V4.map(inside));
const inRefused = (a: string) => REFUSED_V4.some((c) => ipaddr.IPv4.parse(a).match(ipaddr.IPv4.parseCIDR(c)));
/** Public IPv4: random addresses outside every refused (and the few other special) ranges. */
const publicV4 = fc
  .tuple(octet, octet, octet, octet)
  .map(v4)
  .filter((a) => !inRefused(a) && ipaddr.IPv4.parse(a).range() === 'unicast');

/** The IPv6 forms that carry an IPv4 address, each written from the four octets. */
const EMBEDDINGS: Array<[string, (o: number[]) => string]> = [
  ['mapped', (o) => `::ffff:${v4(o)}`],
  ['mapped, hex', (o) => `::ffff:${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`],
  ['compatible', (o) => `::${v4(o)}`],
  ['translated', (o) => `::ffff:0:${v4(o)}`],
  ['NAT64', (o) => `64:ff9b::${v4(o)}`],
  ['6to4', (o) => `2002:${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}::1`],
];
const octets = (a: string) => a.split('.').map(Number);

describe('address policy', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.1.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2001::1', 'teredo'],
    ['64:ff9b:1::1', 'localNat64'],
    ['4000::1', 'notGlobalUnicast'],
    ['[::1]', 'loopback'],
    ['not-an-ip', 'invalid'],
    ['2130706433', 'invalid'],
  ])('%s is refused as %s', (address, range) => {
    expect(classifyAddress(address).blocked).toBe(range);
  });

  test.each([
    '8.8.8.8',
    '93.184.215.14',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:82a::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  test('an embedded IPv4 address is reported with the verdict', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toEqual({ address: '::ffff:7f00:1', blocked: 'loopback', embeddedIPv4: '127.0.0.1' });
  });

  test('every address of every refused IPv4 range is refused', () => {
    fc.assert(
      fc.property(refusedV4, (a) => !isPublicAddress(a)),
      { numRuns: 2000 },
    );
  });

  test('public IPv4 addresses pass', () => {
    fc.assert(
      fc.property(publicV4, (a) => isPublicAddress(a)),
      { numRuns: 2000 },
    );
  });

  test.each(EMBEDDINGS)('IPv6 %s form: refused exactly when its IPv4 address is', (_form, write) => {
    fc.assert(
      fc.property(fc.oneof(refusedV4, publicV4), (a) => isPublicAddress(write(octets(a))) === isPublicAddress(a)),
      { numRuns: 1000 },
    );
  });

  test('IPv6 link-local, unique local, multicast and loopback addresses are refused', () => {
    const ranged = (first: number, mask: number) =>
      fc.tuple(hex16, fc.array(hex16, { minLength: 7, maxLength: 7 })).map(([h, rest]) => [(first & mask) | (h & ~mask & 0xffff), ...rest]);
    const anyOf = fc.oneof(ranged(0xfe80, 0xffc0), ranged(0xfc00, 0xfe00), ranged(0xff00, 0xff00));
    fc.assert(
      fc.property(anyOf, (parts) => !isPublicAddress(new ipaddr.IPv6(parts).toString())),
      { numRuns: 2000 },
    );
  });

  test('other IPv6: public exactly when inside 2000::/3 and in no special range', () => {
    // The forms carrying IPv4 (::/96, ::ffff:…, 64:ff9b::, 2002::, Teredo) are covered above.
    const carriesIPv4 = (p: number[]) => p[0] === 0 || p[0] === 0x64 || p[0] === 0x2002 || (p[0] === 0x2001 && p[1] === 0);
    fc.assert(
      fc.property(
        fc
          .tuple(fc.oneof(hex16, fc.integer({ min: 0x2000, max: 0x3fff })), fc.array(hex16, { minLength: 7, maxLength: 7 }))
          .map(([first, rest]) => [first, ...rest])
          .filter((p) => !carriesIPv4(p)),
        (parts) => {
          const ip = new ipaddr.IPv6(parts);
          const global = parts[0] >= 0x2000 && parts[0] <= 0x3fff;
          return isPublicAddress(ip.toString()) === (global && ip.range() === 'unicast');
        },
      ),
      { numRuns: 3000 },
    );
  });
});
