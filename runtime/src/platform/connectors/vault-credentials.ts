/**
 * The vault as the executor needs it: a credential in the executor's shape (expiry in epoch
 * milliseconds), undefined when none is stored under the ref, and tokens written back.
 */
import type { Credential } from '@tessera/connectors';
import { NotFound } from '../../domain-errors';
import type { Credentials } from '../credentials/credentials';
import type { CredentialSource } from './connection-calls';

export function vaultCredentials(credentials: Credentials): CredentialSource {
  return {
    async get(appId, ref) {
      let secret;
      try {
        secret = await credentials.getCredential(appId, ref);
      } catch (err) {
        if (err instanceof NotFound) return undefined;
        throw err;
      }
      if (secret.type !== 'oauth2') return secret;
      const { expiresAt, ...rest } = secret;
      return { ...rest, ...(expiresAt ? { expiresAt: Date.parse(expiresAt) } : {}) } satisfies Credential;
    },
    async saveTokens(appId, ref, tokens) {
      await credentials.updateOAuthTokens(appId, ref, {
        accessToken: tokens.accessToken,
        ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
        ...(tokens.expiresAt ? { expiresAt: new Date(tokens.expiresAt).toISOString() } : {}),
      });
    },
  };
}
