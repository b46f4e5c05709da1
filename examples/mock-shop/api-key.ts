/** The shop's one credential: an API key in the `X-Api-Key` header, compared in constant time. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ShopError } from './shop-error';

export const API_KEY_HEADER = 'x-api-key';

export const generateApiKey = (): string => `shop_${randomBytes(18).toString('base64url')}`;

const digest = (s: string) => createHash('sha256').update(s).digest();

export function checkApiKey(req: IncomingMessage, apiKey: string): void {
  const given = req.headers[API_KEY_HEADER];
  if (typeof given !== 'string' || given === '') throw new ShopError(401, 'unauthorized', 'missing X-Api-Key header');
  // Equal-length digests: timingSafeEqual needs them, and the key's length does not leak either.
  if (!timingSafeEqual(digest(given), digest(apiKey))) throw new ShopError(401, 'unauthorized', 'invalid API key');
}
