/** A webhook connection's config (the `webhook` connector manifest's config schema), with defaults applied. */
export interface WebhookConfig {
  signature: 'none' | 'hmac-sha256' | 'stripe';
  signatureHeader: string;
  signaturePrefix: string;
  signatureEncoding: 'hex' | 'base64';
  toleranceSeconds: number;
  payloadSchema?: Record<string, unknown> | boolean;
  maxBodyBytes: number;
  eventIdHeader?: string;
  eventIdField?: string;
  ratePerMinute: number;
}

export function webhookConfig(raw: Record<string, unknown> = {}): WebhookConfig {
  const signature = raw.signature === 'hmac-sha256' || raw.signature === 'stripe' ? raw.signature : 'none';
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const num = (k: string, d: number) => (typeof raw[k] === 'number' ? (raw[k] as number) : d);
  return {
    signature,
    signatureHeader: (str('signatureHeader') ?? (signature === 'stripe' ? 'stripe-signature' : 'x-signature')).toLowerCase(),
    signaturePrefix: str('signaturePrefix') ?? '',
    signatureEncoding: raw.signatureEncoding === 'base64' ? 'base64' : 'hex',
    toleranceSeconds: num('toleranceSeconds', 300),
    ...(raw.payloadSchema !== undefined ? { payloadSchema: raw.payloadSchema as WebhookConfig['payloadSchema'] } : {}),
    maxBodyBytes: num('maxBodyBytes', 1024 * 1024),
    ...(str('eventIdHeader') ? { eventIdHeader: str('eventIdHeader')!.toLowerCase() } : {}),
    ...(str('eventIdField') ? { eventIdField: str('eventIdField') } : {}),
    ratePerMinute: num('ratePerMinute', 600),
  };
}
