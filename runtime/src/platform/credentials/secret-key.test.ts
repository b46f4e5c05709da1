import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config';
import { loadKeyring } from './keyring';
import { generateKeyFile, keyFilePath, keyIdOf, parseSecretKey, readKeyFile } from './secret-key';

describe('TESSERA_SECRET', () => {
  const key = randomBytes(32);

  it('accepts 32 random bytes as hex, base64 or base64url, all naming the same key', () => {
    const forms = [key.toString('hex'), key.toString('base64'), key.toString('base64url'), ` ${key.toString('base64')}\n`];
    for (const form of forms) expect(parseSecretKey(form).equals(key)).toBe(true);
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(48).toString('hex')],
    ['a repeated byte', '00'.repeat(32)],
    ['a short pattern', 'abcd'.repeat(16)],
    ['empty', ''],
  ])('refuses %s with a message that says the form and never repeats the value', (_what, value) => {
    let message = '';
    try {
      parseSecretKey(value);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^TESSERA_SECRET .*32 random bytes as 64 hex digits or base64/);
    if (value) expect(message).not.toContain(value);
  });

  it('is checked when the configuration is read, TESSERA_SECRET_PREVIOUS too', () => {
    expect(() => loadConfig({ TESSERA_SECRET: 'changeme' })).toThrow(/TESSERA_SECRET is not a valid key/);
    const good = key.toString('base64');
    expect(() => loadConfig({ TESSERA_SECRET: good, TESSERA_SECRET_PREVIOUS: `${good}, nope` })).toThrow(
      /TESSERA_SECRET_PREVIOUS \(key 2\)/,
    );
    expect(loadConfig({ TESSERA_SECRET: good, TESSERA_SECRET_PREVIOUS: good }).previousSecrets).toEqual([good]);
  });

  it('names keys by a stable id that is not the key', () => {
    expect(keyIdOf(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(key)).toBe(keyIdOf(Buffer.from(key)));
    expect(key.toString('hex')).not.toContain(keyIdOf(key));
  });
});

describe('the data directory key (embedded mode without TESSERA_SECRET)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-key-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is generated once, readable by the owner only, and read again on the next start', () => {
    const first = loadKeyring({ previous: [], dataDir: dir, embedded: true });
    expect(first).toMatchObject({ ok: true, source: 'generated' });
    expect(fs.statSync(keyFilePath(dir)).mode & 0o777).toBe(0o600);
    const second = loadKeyring({ previous: [], dataDir: dir, embedded: true });
    expect(second).toMatchObject({ ok: true, source: 'file' });
    if (first.ok && second.ok) expect(second.keyring.primaryId).toBe(first.keyring.primaryId);
    expect(generateKeyFile(dir).equals(readKeyFile(dir)!)).toBe(true); // a second writer reads the first one's key
  });

  it('is kept as an older key once TESSERA_SECRET is set, so what it encrypted still decrypts', () => {
    const fileKey = generateKeyFile(dir);
    const primary = randomBytes(32);
    const res = loadKeyring({ secret: primary.toString('hex'), previous: [], dataDir: dir, embedded: true });
    if (!res.ok) throw new Error(res.reason);
    expect(res.keyring.primaryId).toBe(keyIdOf(primary));
    expect(res.keyring.key(keyIdOf(fileKey))?.equals(fileKey)).toBe(true);
  });

  it('is never generated for a shared store: the vault then says it needs TESSERA_SECRET', () => {
    expect(loadKeyring({ previous: [], dataDir: dir, embedded: false })).toEqual({
      ok: false,
      reason: expect.stringMatching(/needs TESSERA_SECRET/),
    });
    expect(fs.existsSync(keyFilePath(dir))).toBe(false);
  });

  it('refuses a damaged key file, naming the file', () => {
    fs.writeFileSync(keyFilePath(dir), 'not a key\n', { mode: 0o600 });
    expect(() => loadKeyring({ previous: [], dataDir: dir, embedded: true })).toThrow(/credentials\.key is not a valid key/);
  });
});
