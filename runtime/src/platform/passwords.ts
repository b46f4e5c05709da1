import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

/** scrypt parameters stored with each hash, so they can be raised later without breaking old hashes. */
const N = 16384;
const r = 8;
const p = 1;
const KEYLEN = 32;

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEYLEN, { N, r, p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, rr, pp, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/** A random secret (session tokens, API keys, one-time passwords). */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets we must look up (sessions, API keys) are stored as SHA-256, never in clear. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const MIN_PASSWORD_LENGTH = 10;
/** Different characters a password needs: ten spaces, `aaaaaaaaaa` or `1212121212` are not passwords. */
export const MIN_DISTINCT_CHARACTERS = 5;

/** Passwords people pick first, whatever their length (lower case, compared without spaces). */
const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwertyuiop',
  'qwertyuiop123',
  'qwerty123456',
  'asdfghjkl',
  'asdfghjkl123',
  'zxcvbnm123',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'changeme123',
  'administrator',
  'admin12345',
  'admin123456',
  'trustno1234',
  'football123',
  'baseball123',
  'superman123',
  'sunshine123',
  'princess123',
]);

/** Runs of the keyboard or the alphabet, either way round (`1234567890`, `abcdefghij`, `poiuytrewq`). */
const RUNS = ['abcdefghijklmnopqrstuvwxyz', '1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const isSequence = (s: string) => RUNS.some((run) => run.includes(s) || [...run].reverse().join('').includes(s));

/**
 * Why `password` may not be used, or null. A minimum strength rather than a composition rule
 * (NIST SP 800-63B): long enough without its surrounding spaces, enough different characters, not
 * a sequence, not one of the passwords everyone tries first, and not the account's own email.
 */
export function passwordProblem(password: unknown, email?: string): string | null {
  if (typeof password !== 'string') return 'password must be a string';
  if (password.length > 256) return 'password must have at most 256 characters';
  const trimmed = password.trim();
  if (trimmed.length < MIN_PASSWORD_LENGTH)
    return `password must have at least ${MIN_PASSWORD_LENGTH} characters (not counting spaces at either end)`;
  if (new Set(trimmed.toLowerCase()).size < MIN_DISTINCT_CHARACTERS)
    return `password must use at least ${MIN_DISTINCT_CHARACTERS} different characters`;
  const plain = trimmed.toLowerCase().replace(/\s+/g, '');
  if (isSequence(plain)) return 'password must not be a run of keys like 1234567890 or abcdefghij';
  if (COMMON.has(plain)) return 'password is one of the most common passwords; choose another';
  if (email && plain === email.trim().toLowerCase()) return 'password must not be the email address';
  return null;
}
