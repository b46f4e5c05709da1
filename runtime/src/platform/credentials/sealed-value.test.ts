import { randomBytes } from 'node:crypto';
import { Keyring } from './keyring';
import { CredentialUnreadable, open, seal } from './sealed-value';

const SECRET = { password: 'sk_live_Zq8-sealed-value-test' };

describe('sealed values (AES-256-GCM)', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const ring = Keyring.of(oldKey);

  it('round-trips, with a fresh IV per value and the plaintext nowhere in the sealed form', () => {
    const a = seal(ring, SECRET, 'app\0ref');
    const b = seal(ring, SECRET, 'app\0ref');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(JSON.stringify(a)).not.toContain('sealed-value-test');
    expect(open(ring, a, 'app\0ref', 'x')).toEqual(SECRET);
  });

  it('does not open under other additional data (a value copied to another credential)', () => {
    const sealed = seal(ring, SECRET, 'crm\0shop\0apiKey');
    expect(() => open(ring, sealed, 'crm\0erp\0apiKey', 'credential "erp"')).toThrow(CredentialUnreadable);
    expect(() => open(ring, sealed, 'crm\0erp\0apiKey', 'credential "erp"')).toThrow(/credential "erp" failed its integrity check/);
  });

  it('reports altered ciphertext, tag or IV clearly instead of crashing or returning garbage', () => {
    const sealed = seal(ring, SECRET, 'aad');
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0] ^= 1;
      return b.toString('base64');
    };
    for (const damaged of [
      { ...sealed, ciphertext: flip(sealed.ciphertext) },
      { ...sealed, tag: flip(sealed.tag) },
      { ...sealed, iv: flip(sealed.iv) },
    ])
      expect(() => open(ring, damaged, 'aad', 'it')).toThrow(/it failed its integrity check .*altered/);
    expect(() => open(ring, { ...sealed, tag: 'AAAA' }, 'aad', 'it')).toThrow(/it is damaged/);
  });

  it('names the key id a value needs when that key is not configured', () => {
    const sealed = seal(ring, SECRET, 'aad');
    const other = Keyring.of(newKey);
    expect(() => open(other, sealed, 'aad', 'it')).toThrow(new RegExp(`encrypted with key "${ring.primaryId}", which is not configured`));
    // A keyring with the new key as primary and the old one kept opens both; new values use the new key.
    const rotated = Keyring.of(newKey, [oldKey]);
    expect(open(rotated, sealed, 'aad', 'it')).toEqual(SECRET);
    expect(seal(rotated, SECRET, 'aad').keyId).toBe(rotated.primaryId);
  });
});
