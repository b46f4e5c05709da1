/**
 * Puts a connection's credential on a request, as the manifest's auth scheme says. OAuth2 access
 * tokens are fetched (client credentials) or refreshed (authorization code's refresh token) when
 * missing or about to expire, and once more after a 401; new tokens go to the vault via `save`.
 */
import type { AuthScheme } from '@tessera/core';
import type { OutboundClient } from '../outbound/outbound.types';
import { ConnectorError } from './connector-error';
import type { Credential, OAuthTokens } from './credential.types';
import { redact } from './redact';
import { secretsOf } from './credential.types';

/** Refresh a token this long before it expires, so it does not expire in flight. */
const EXPIRY_MARGIN_MS = 30_000;

export interface AuthContext {
  schemes: AuthScheme[];
  credential?: Credential;
  outbound: OutboundClient;
  now(): number;
  /** Persists tokens obtained here (the vault); the executor also keeps them for the next call. */
  saveTokens?(tokens: OAuthTokens): Promise<void>;
  timeoutMs: number;
}

/** The scheme that matches the credential's kind (a manifest may accept several). */
export function schemeFor(schemes: AuthScheme[], credential: Credential | undefined): AuthScheme | undefined {
  const needed = schemes.filter((s) => s.type !== 'none');
  if (needed.length === 0) return undefined;
  if (!credential) {
    if (schemes.some((s) => s.type === 'none')) return undefined;
    throw new ConnectorError(
      'AUTH',
      `this connection needs a credential (${needed.map((s) => s.type).join(' or ')}); set one on the connection`,
    );
  }
  const scheme = needed.find((s) => s.type === credential.type);
  if (!scheme)
    throw new ConnectorError(
      'AUTH',
      `the connector accepts ${needed.map((s) => s.type).join(' or ')}, but the credential is ${credential.type}`,
    );
  return scheme;
}

export async function applyAuth(
  ctx: AuthContext,
  headers: Record<string, string>,
  query: Record<string, unknown>,
  forceRefresh = false,
): Promise<void> {
  const credential = ctx.credential;
  const scheme = schemeFor(ctx.schemes, credential);
  if (!scheme || !credential) return;
  switch (credential.type) {
    case 'apiKey':
      if (scheme.in === 'query') query[scheme.name!] = credential.key;
      else headers[scheme.name!.toLowerCase()] = `${scheme.prefix ?? ''}${credential.key}`;
      return;
    case 'basic':
      headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
      return;
    case 'bearer':
      headers.authorization = `Bearer ${credential.token}`;
      return;
    case 'oauth2':
      headers.authorization = `Bearer ${await accessToken(ctx, scheme, credential, forceRefresh)}`;
  }
}

async function accessToken(
  ctx: AuthContext,
  scheme: AuthScheme,
  cred: Extract<Credential, { type: 'oauth2' }>,
  force: boolean,
): Promise<string> {
  const fresh = cred.accessToken && (cred.expiresAt === undefined || cred.expiresAt - EXPIRY_MARGIN_MS > ctx.now());
  if (fresh && !force) return cred.accessToken!;
  const form = new URLSearchParams();
  if (cred.refreshToken) {
    form.set('grant_type', 'refresh_token');
    form.set('refresh_token', cred.refreshToken);
  } else if (scheme.flow === 'clientCredentials') {
    form.set('grant_type', 'client_credentials');
    if (scheme.scopes?.length) form.set('scope', scheme.scopes.join(' '));
  } else {
    throw new ConnectorError('AUTH', 'the OAuth2 authorization has no refresh token: authorize the connection again');
  }
  const tokenUrl = (cred.refreshToken && scheme.refreshUrl) || scheme.tokenUrl!;
  const basic = Buffer.from(`${encodeURIComponent(cred.clientId)}:${encodeURIComponent(cred.clientSecret ?? '')}`).toString('base64');
  const secrets = secretsOf(cred);
  let res;
  try {
    res = await ctx.outbound.request({
      method: 'POST',
      url: tokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` },
      body: form.toString(),
      timeoutMs: ctx.timeoutMs,
      maxResponseBytes: 64 * 1024,
    });
  } catch (err) {
    throw new ConnectorError('AUTH', `the token endpoint could not be reached: ${redact((err as Error).message, secrets)}`);
  }
  let body: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown } = {};
  try {
    body = JSON.parse(Buffer.from(res.body).toString('utf8'));
  } catch {
    // Reported below with the status.
  }
  if (res.status >= 400 || typeof body.access_token !== 'string') {
    const why = [body.error, body.error_description].filter((x) => typeof x === 'string').join(': ') || `status ${res.status}`;
    throw new ConnectorError('AUTH', `the token endpoint refused: ${redact(why, secrets)}`, { status: res.status });
  }
  const tokens: OAuthTokens = {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : cred.refreshToken,
    expiresAt: typeof body.expires_in === 'number' ? ctx.now() + body.expires_in * 1000 : undefined,
  };
  Object.assign(cred, tokens);
  await ctx.saveTokens?.(tokens);
  return tokens.accessToken;
}
