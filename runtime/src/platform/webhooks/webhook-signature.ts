/**
 * Whether a delivery was signed with the connection's secret. Comparisons are constant-time, and a
 * failure says nothing about why (a wrong digest, a missing header and a stale timestamp look alike
 * to the sender), so the answer does not help anyone forging deliveries.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookConfig } from './webhook-config';

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);
const hmac = (secret: string, data: Buffer | string) => createHmac('sha256', secret).update(data).digest();

export function signatureValid(
  config: WebhookConfig,
  secret: string | undefined,
  header: string | undefined,
  body: Buffer,
  nowMs = Date.now(),
): boolean {
  if (config.signature === 'none') return true;
  if (!secret || !header) return false;
  if (config.signature === 'hmac-sha256') {
    if (!header.startsWith(config.signaturePrefix)) return false;
    const given = Buffer.from(header.slice(config.signaturePrefix.length).trim(), config.signatureEncoding);
    return sameBytes(given, hmac(secret, body));
  }
  // Stripe: `t=<unix seconds>,v1=<hex>[,v1=…]` signed over `${t}.${body}`; the timestamp bounds replays.
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  if (!t || !/^\d{1,12}$/.test(t)) return false;
  if (Math.abs(nowMs / 1000 - Number(t)) > config.toleranceSeconds) return false;
  const expected = hmac(secret, Buffer.concat([Buffer.from(`${t}.`), body]));
  return parts.filter(([k]) => k === 'v1').some(([, v]) => sameBytes(Buffer.from(v ?? '', 'hex'), expected));
}
