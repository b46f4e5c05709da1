import { utf8Decode, utf8Encode } from './utf8';

/** base64url without padding (RFC 4648 §5), as Node's Buffer writes it; browser-safe. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function bytesToBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/** Decodes leniently, like Buffer: characters outside the alphabet are skipped, trailing bits dropped. */
export function base64urlToBytes(text: string): Uint8Array {
  const digits = [...text].map((c) => INDEX.get(c)).filter((d): d is number => d !== undefined);
  const out = new Uint8Array(Math.floor((digits.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let k = 0;
  for (const d of digits) {
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (k < out.length) out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export const utf8ToBase64url = (text: string) => bytesToBase64url(utf8Encode(text));
export const base64urlToUtf8 = (text: string) => utf8Decode(base64urlToBytes(text));
