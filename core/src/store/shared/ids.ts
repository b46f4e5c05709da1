/**
 * Time-ordered, URL-safe ids: 48-bit millisecond timestamp + 80 random bits, in lowercase
 * Crockford base32 (26 chars, ULID layout). Ids made in the same millisecond increment the
 * random part, so ids from one process sort in creation order; that keeps the primary-key
 * B-tree append-mostly and makes `id` a meaningful tie-breaker.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 16;

let lastTime = -1;
const lastRandom = new Uint8Array(RANDOM_CHARS); // 5-bit digits
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function refillRandom(): void {
  if (poolOffset + RANDOM_CHARS > pool.length) {
    globalThis.crypto.getRandomValues(pool); // Web Crypto: in browsers and Node alike
    poolOffset = 0;
  }
  for (let i = 0; i < RANDOM_CHARS; i++) lastRandom[i] = pool[poolOffset + i] & 31;
  // Leave headroom so the same-millisecond increment practically never overflows.
  lastRandom[0] &= 15;
  poolOffset += RANDOM_CHARS;
}

function increment(): void {
  for (let i = RANDOM_CHARS - 1; i >= 0; i--) {
    if (lastRandom[i] < 31) {
      lastRandom[i]++;
      return;
    }
    lastRandom[i] = 0;
  }
}

/** Two base32 digits per lookup: ids are made on every insert, so this is a hot path. */
const PAIRS: string[] = [];
for (let i = 0; i < 1024; i++) PAIRS.push(ALPHABET[i >> 5] + ALPHABET[i & 31]);
let timePrefix = '';

function encodeTime(time: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  return out;
}

export function newId(now: number = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    timePrefix = encodeTime(now);
    refillRandom();
  } else {
    increment(); // same ms (or clock went back): stay monotonic
  }
  const r = lastRandom;
  return (
    timePrefix +
    PAIRS[(r[0] << 5) | r[1]] +
    PAIRS[(r[2] << 5) | r[3]] +
    PAIRS[(r[4] << 5) | r[5]] +
    PAIRS[(r[6] << 5) | r[7]] +
    PAIRS[(r[8] << 5) | r[9]] +
    PAIRS[(r[10] << 5) | r[11]] +
    PAIRS[(r[12] << 5) | r[13]] +
    PAIRS[(r[14] << 5) | r[15]]
  );
}

/** Ids supplied by callers (slugs, imported keys) must be URL-safe too. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
