/**
 * The outbound client the executor tests call the local servers through: the real one, with
 * loopback allowed (the executor's own tests are not about address policy).
 */
import { request } from 'undici';
import type { OutboundClient } from '../../src/outbound/outbound.types';

export const testOutbound: OutboundClient = {
  async request(req) {
    const started = Date.now();
    const res = await request(req.url, { method: req.method, headers: req.headers, body: req.body });
    const body = new Uint8Array(await res.body.arrayBuffer());
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers, body, url: req.url, durationMs: Date.now() - started };
  },
  close: async () => undefined,
};
