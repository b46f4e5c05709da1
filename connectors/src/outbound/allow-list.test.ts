import { AllowList, AllowListError } from './allow-list';

describe('allow list (TESSERA_OUTBOUND_ALLOW)', () => {
  test('CIDRs, single addresses and host names, separated by commas with spaces', () => {
    const allow = AllowList.parse(' 127.0.0.0/8, 10.1.2.3 ,::1, fd00::/8, localhost, Shop.Internal ');
    expect(allow.entries).toEqual(['127.0.0.0/8', '10.1.2.3', '::1', 'fd00::/8', 'localhost', 'Shop.Internal']);
    expect(allow.allowsAddress('127.9.9.9')).toBe(true);
    expect(allow.allowsAddress('10.1.2.3')).toBe(true);
    expect(allow.allowsAddress('10.1.2.4')).toBe(false);
    expect(allow.allowsAddress('::1')).toBe(true);
    expect(allow.allowsAddress('fd12::5')).toBe(true);
    expect(allow.allowsAddress('fc00::1')).toBe(false);
    expect(allow.allowsHost('localhost')).toBe(true);
    expect(allow.allowsHost('SHOP.internal.')).toBe(true);
    expect(allow.allowsHost('other.internal')).toBe(false);
  });

  test('an IPv6 form of an allowed IPv4 address is allowed', () => {
    const allow = AllowList.parse('127.0.0.0/8');
    expect(allow.allowsAddress('::ffff:127.0.0.1')).toBe(true);
    expect(allow.allowsAddress('::ffff:10.0.0.1')).toBe(false);
  });

  test('empty or absent configuration allows nothing', () => {
    for (const text of [undefined, '', ' , ']) {
      const allow = AllowList.parse(text);
      expect(allow.isEmpty).toBe(true);
      expect(allow.allowsAddress('127.0.0.1')).toBe(false);
      expect(allow.allowsHost('localhost')).toBe(false);
    }
  });

  test.each([
    '10.0.0.0/33',
    '300.1.1.1',
    '10.0.0',
    '10.0.0.0/',
    'http://shop.internal',
    'shop internal',
    '-bad.example',
    '::1/129',
    'a..b',
    '*.internal',
  ])('a malformed entry (%s) is refused with a message that names it', (entry) => {
    const parse = () => AllowList.parse(`127.0.0.1,${entry}`);
    expect(parse).toThrow(AllowListError);
    expect(parse).toThrow(`TESSERA_OUTBOUND_ALLOW: "${entry}" is not a CIDR`);
  });
});
