import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Unavailable } from '../../domain-errors';
import type { Keyring } from './keyring';

/** A value encrypted at rest: AES-256-GCM, base64 parts, and the id of the key that sealed it. */
export interface Sealed {
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12; // GCM's native nonce size; random per value (2^-32 collision bound is far beyond our write counts)
const TAG_BYTES = 16;

/** A stored credential that cannot be decrypted: its message says why, never what it holds. */
export class CredentialUnreadable extends Unavailable {}

/**
 * Encrypts `value` (JSON) under the keyring's primary key. `aad` binds the ciphertext to where it
 * is stored (app, ref, type): copied to another credential, it no longer decrypts.
 */
export function seal(keyring: Keyring, value: unknown, aad: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyring.primary, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    keyId: keyring.primaryId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: data.toString('base64'),
  };
}

/** Decrypts what `seal` made; `what` names the value in errors (e.g. `credential "shop" of app "crm"`). */
export function open(keyring: Keyring, sealed: Sealed, aad: string, what: string): unknown {
  const key = keyring.key(sealed.keyId);
  if (!key)
    throw new CredentialUnreadable(
      `${what} was encrypted with key "${sealed.keyId}", which is not configured (keys known: ${keyring.ids.join(', ')}); ` +
        'set that key in TESSERA_SECRET_PREVIOUS, or store the credential again',
    );
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new CredentialUnreadable(`${what} is damaged (its IV or tag has the wrong size)`);
  let plain: string;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    // GCM says only "unable to authenticate": altered, moved to another credential, or a different key of the same id.
    throw new CredentialUnreadable(
      `${what} failed its integrity check with key "${sealed.keyId}": it was altered or copied from another credential`,
    );
  }
  return JSON.parse(plain) as unknown;
}

/** Whether a stored value has the shape of a Sealed (a damaged document is reported, not crashed on). */
export function isSealed(v: unknown): v is Sealed {
  const s = v as Sealed | null;
  return (
    !!s &&
    typeof s === 'object' &&
    ['keyId', 'iv', 'tag', 'ciphertext'].every((k) => typeof (s as unknown as Record<string, unknown>)[k] === 'string')
  );
}
