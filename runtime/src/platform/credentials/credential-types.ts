/**
 * The kinds of credential a connection can name, one entry per type: which fields are shown
 * (stored in clear for display: a user name, an OAuth client id), which are secret (encrypted),
 * and which the runtime manages itself (OAuth tokens). Everything else (the body schema, the
 * stored document, what a list shows) is derived from this map, so a new kind is one entry.
 */
export const CREDENTIAL_TYPES = {
  apiKey: { plain: [], secret: ['key'], managed: [] },
  basic: { plain: ['username'], secret: ['password'], managed: [] },
  bearer: { plain: [], secret: ['token'], managed: [] },
  // accessToken/refreshToken/expiresAt: obtained and refreshed by the connector executor; a
  // consultant may paste a refresh token obtained elsewhere.
  oauth2: { plain: ['clientId'], secret: ['clientSecret'], managed: ['accessToken', 'refreshToken', 'expiresAt'] },
} as const satisfies Record<string, { plain: readonly string[]; secret: readonly string[]; managed: readonly string[] }>;

export type CredentialType = keyof typeof CREDENTIAL_TYPES;

export const credentialTypeNames = Object.keys(CREDENTIAL_TYPES) as CredentialType[];

export interface OAuthTokens {
  accessToken?: string;
  refreshToken?: string;
  /** ISO 8601: when the access token stops working. */
  expiresAt?: string;
}

/** A credential as the connector executor receives it, decrypted: server-side only, never sent to a browser. */
export type CredentialSecret =
  | { type: 'apiKey'; key: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | ({ type: 'oauth2'; clientId: string; clientSecret: string } & OAuthTokens);

/** What anyone allowed to manage credentials may see: never a secret. */
export interface CredentialInfo {
  ref: string;
  type: CredentialType;
  /** Always true: a listed credential has its secret stored (the secret itself is write-only). */
  set: true;
  username?: string;
  clientId?: string;
  /** When a person last stored it (a token refresh or a key rotation does not count). */
  updatedAt: string;
  updatedBy: { id: string; email: string; name: string } | null;
}

/** The longest secret field accepted (a PEM key or a JWT fits; a mistake pasted whole does not). */
export const MAX_SECRET_CHARS = 16 * 1024;
