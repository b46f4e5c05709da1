/**
 * A connection's decrypted credential as the executor sees it (the vault keeps it encrypted and
 * hands it over on the server only). Which fields are secret matters for redaction.
 */
export type Credential =
  | { type: 'apiKey'; key: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | {
      type: 'oauth2';
      clientId: string;
      clientSecret?: string;
      accessToken?: string;
      refreshToken?: string;
      /** Epoch milliseconds. */
      expiresAt?: number;
    };

export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: number;
}

/** The secret strings of a credential: what must never leave the executor in a message or body. */
export function secretsOf(credential: Credential | undefined): string[] {
  if (!credential) return [];
  const values =
    credential.type === 'apiKey'
      ? [credential.key]
      : credential.type === 'basic'
        ? [credential.password, Buffer.from(`${credential.username}:${credential.password}`).toString('base64')]
        : credential.type === 'bearer'
          ? [credential.token]
          : [credential.clientSecret, credential.accessToken, credential.refreshToken];
  // Very short values would redact ordinary words; they are refused by the vault anyway.
  return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
}
