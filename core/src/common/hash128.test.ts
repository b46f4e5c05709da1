import { hash128 } from './hash128';

const hex = (text: string) => Buffer.from(hash128(text)).toString('hex');

describe('hash128', () => {
  it('is deterministic and 16 bytes long', () => {
    expect(hash128('abc')).toHaveLength(16);
    expect(hex('[["Abe"],"ct_1"]')).toBe(hex('[["Abe"],"ct_1"]'));
  });

  it('tells apart inputs that differ in one character, in order, or in length', () => {
    const inputs = [
      '',
      'a',
      'b',
      'ab',
      'ba',
      'aa',
      'aaa',
      '\0',
      '\0\0',
      'é',
      'e\u0301',
      '😀',
      '[["Abe"],"ct_1"]',
      '[["Abe"],"ct_2"]',
      '[["Abf"],"ct_1"]',
    ];
    const seen = new Set(inputs.map(hex));
    expect(seen.size).toBe(inputs.length);
  });

  it('has no collisions over 200,000 short similar strings (cursor bodies)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(hex(`[["name ${i % 997}"],"ct_${i}"]`));
    expect(seen.size).toBe(200_000);
  });

  it('changes about half of the output bits when one input bit flips', () => {
    let total = 0;
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const x = hash128(`fingerprint-${i}`);
      const y = hash128(`fingerprint-${i ^ 1}`);
      for (let j = 0; j < 16; j++) total += popcount(x[j] ^ y[j]);
    }
    expect(total / n).toBeGreaterThan(56);
    expect(total / n).toBeLessThan(72);
  });
});

function popcount(v: number): number {
  let c = 0;
  for (; v; v &= v - 1) c++;
  return c;
}
