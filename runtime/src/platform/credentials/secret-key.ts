import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The form of `TESSERA_SECRET` (and each of `TESSERA_SECRET_PREVIOUS`): exactly 32 random bytes,
 * written as 64 hex digits or as base64 / base64url (43 or 44 characters), e.g. the output of
 * `openssl rand -base64 32`. It is the AES-256 key itself.
 *
 * Why not a passphrase stretched with scrypt: a passphrase is chosen by a person (low entropy, so
 * the key is only as strong as the passphrase), and a per-install salt would be one more thing
 * that several runtimes sharing one MongoDB must agree on and that a restore must not lose. A
 * random key needs neither; the weak values people do type (a word, `changeme`, `0000…`) are
 * refused by the length and byte-variety checks below.
 */
export const KEY_BYTES = 32;
/** A random 32-byte key has about 30 distinct byte values; fewer than 16 means it was typed, not drawn. */
const MIN_DISTINCT_BYTES = 16;

const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]{43}=?$|^[A-Za-z0-9_-]{43}$/;

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

const FORM = 'it must be 32 random bytes as 64 hex digits or base64 (e.g. the output of `openssl rand -base64 32`)';

/** The key a value of TESSERA_SECRET stands for; throws SecretKeyError (naming `name`, never the value) when it is malformed or weak. */
export function parseSecretKey(value: string, name = 'TESSERA_SECRET'): Buffer {
  const text = value.trim();
  let key: Buffer;
  if (HEX.test(text)) key = Buffer.from(text, 'hex');
  else if (BASE64.test(text)) key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  else throw new SecretKeyError(`${name} is not a valid key (${text.length} characters): ${FORM}`);
  if (key.length !== KEY_BYTES) throw new SecretKeyError(`${name} decodes to ${key.length} bytes, not ${KEY_BYTES}: ${FORM}`);
  if (new Set(key).size < MIN_DISTINCT_BYTES)
    throw new SecretKeyError(`${name} is too regular to be a random key (it repeats a few byte values): ${FORM}`);
  return key;
}

/**
 * A key's public name, stored with each value it encrypted, so a value names the key it needs.
 * A hash of the key (with a label, so it is not a hash used anywhere else): 64 bits reveal nothing
 * of a 256-bit key and never collide among the few keys of one keyring.
 */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('tessera credentials key id\0').update(key).digest('hex').slice(0, 16);
}

/** Where the embedded mode keeps the key it generated when TESSERA_SECRET is not set. */
export const KEY_FILE = 'credentials.key';

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

/** The key in the data directory's key file, or null when there is none (a malformed file throws). */
export function readKeyFile(dataDir: string): Buffer | null {
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) return null;
  return parseSecretKey(fs.readFileSync(file, 'utf8'), file);
}

/**
 * Writes a new random key to the data directory, readable by the server's account only (0600,
 * like tessera.db beside it). `wx`: two processes starting at once never overwrite each other's
 * key; the one that loses reads the winner's.
 */
export function generateKeyFile(dataDir: string): Buffer {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = keyFilePath(dataDir);
  const key = randomBytes(KEY_BYTES);
  try {
    fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(dataDir)!;
    throw err;
  }
  return key;
}
