/**
 * The connector part of the platform API (docs/api.md) as the Connections screen uses it: the
 * catalogue, OpenAPI import, an app's write-only credentials and "Try it" calls of a draft's
 * connection. Failures are ApiError (problem+json); a call's `connector` details stay on it.
 */
import type { ConnectorManifest } from '@tessera/core';
import { request } from '../api/api.client';

export interface ConnectorItem {
  name: string;
  version: string;
  title: string;
  description?: string;
  source: 'builtin' | 'openapi' | 'manifest' | 'registry';
  integrity: string;
  operations: number;
  deprecated?: string;
}

export interface ImportRequest {
  document?: string;
  url?: string;
  name?: string;
  version?: string;
}

export interface Warning {
  pointer: string;
  message: string;
}

export interface CredentialInfo {
  ref: string;
  type: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** What a credential PUT sends; the secret parts are never read back. */
export type CredentialSecret =
  | { type: 'apiKey'; key: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'oauth2'; clientId: string; clientSecret: string };

export interface CallRequest {
  input?: Record<string, unknown>;
  page?: { size?: number; cursor?: string };
}

export interface CallResult {
  output: unknown;
  status: number;
  pages: number;
  nextCursor?: string;
  durationMs: number;
  warnings: Warning[];
  cached?: boolean;
}

/** The remote side of a failed call, as the runtime reports it (secrets redacted). */
export interface ConnectorFailure {
  code: string;
  status?: number;
  remoteBody?: unknown;
  outbound?: unknown;
  durationMs?: number;
}

/** What the credential panel needs; tests pass an in-memory one. */
export interface CredentialsApi {
  list(appId: string): Promise<CredentialInfo[]>;
  put(appId: string, ref: string, secret: CredentialSecret): Promise<CredentialInfo>;
  remove(appId: string, ref: string): Promise<void>;
}

const enc = encodeURIComponent;

export const credentialsApi: CredentialsApi = {
  list: async (appId) => (await request<{ items: CredentialInfo[] }>('GET', `/apps/${enc(appId)}/credentials`)).body.items,
  put: async (appId, ref, secret) => (await request<CredentialInfo>('PUT', `/apps/${enc(appId)}/credentials/${enc(ref)}`, secret)).body,
  remove: async (appId, ref) => {
    await request<unknown>('DELETE', `/apps/${enc(appId)}/credentials/${enc(ref)}`);
  },
};

export const connectorsApi = {
  list: async () => (await request<{ items: ConnectorItem[] }>('GET', '/connectors')).body.items,
  get: async (name: string, version: string) => (await request<ConnectorManifest>('GET', `/connectors/${enc(name)}/${enc(version)}`)).body,
  install: async (manifest: unknown) => (await request<ConnectorItem>('POST', '/connectors', manifest)).body,
  import: async (body: ImportRequest) =>
    (await request<{ connector: ConnectorItem; warnings: Warning[] }>('POST', '/connectors/import', body)).body,
  /** Calls an operation of the saved draft's connection (`draft: true`). */
  call: async (appId: string, connection: string, operation: string, body: CallRequest) =>
    (
      await request<CallResult>('POST', `/apps/${enc(appId)}/connections/${enc(connection)}/operations/${enc(operation)}`, {
        ...body,
        draft: true,
      })
    ).body,
};
