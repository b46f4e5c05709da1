/**
 * The secret a credential of each auth type needs, as inputs: which are password inputs, and
 * how the PUT body is built. The manifest's `auth` says which types a connector accepts.
 */
import type { ConnectorManifest } from '@tessera/core';
import type { CredentialSecret } from './connectors.api';

export type AuthType = CredentialSecret['type'];

export const SECRET_FIELDS: Record<AuthType, Array<{ key: string; secret: boolean }>> = {
  apiKey: [{ key: 'key', secret: true }],
  basic: [
    { key: 'username', secret: false },
    { key: 'password', secret: true },
  ],
  bearer: [{ key: 'token', secret: true }],
  oauth2: [
    { key: 'clientId', secret: false },
    { key: 'clientSecret', secret: true },
  ],
};

/** The auth types of the manifest that need a credential, in its order, without repeats. */
export function acceptedAuth(manifest: ConnectorManifest): AuthType[] {
  const types = (manifest.auth ?? []).map((a) => a.type).filter((x): x is AuthType => x in SECRET_FIELDS);
  return [...new Set(types)];
}

export function secretBody(type: AuthType, values: Record<string, string>): CredentialSecret {
  return { type, ...Object.fromEntries(SECRET_FIELDS[type].map((f) => [f.key, values[f.key] ?? ''])) } as CredentialSecret;
}
