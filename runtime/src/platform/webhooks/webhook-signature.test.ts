import { createHmac } from 'node:crypto';
import { webhookConfig } from './webhook-config';
import { signatureValid } from './webhook-signature';

const SECRET = 'unit-secret';
const body = Buffer.from('{"a":1}');

describe('webhook signatures', () => {
  it('accepts a base64 HMAC without prefix and refuses a truncated or missing one', () => {
    const config = webhookConfig({ signature: 'hmac-sha256', signatureEncoding: 'base64' });
    const good = createHmac('sha256', SECRET).update(body).digest('base64');
    expect(signatureValid(config, SECRET, good, body)).toBe(true);
    expect(signatureValid(config, SECRET, good.slice(0, 20), body)).toBe(false);
    expect(signatureValid(config, SECRET, undefined, body)).toBe(false);
    expect(signatureValid(config, undefined, good, body)).toBe(false); // the credential is not set: nothing passes
  });

  it('accepts any of several Stripe v1 signatures inside the tolerance, and refuses a malformed header', () => {
    const config = webhookConfig({ signature: 'stripe', toleranceSeconds: 60 });
    const now = 1_800_000_000_000;
    const t = now / 1000;
    const v1 = createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex');
    expect(signatureValid(config, SECRET, `t=${t},v1=${'0'.repeat(64)},v1=${v1}`, body, now)).toBe(true);
    expect(signatureValid(config, SECRET, `t=${t},v1=${v1}`, body, now + 61_000)).toBe(false);
    expect(signatureValid(config, SECRET, `v1=${v1}`, body, now)).toBe(false);
    expect(signatureValid(config, SECRET, `t=abc,v1=${v1}`, body, now)).toBe(false);
  });
});
