/**
 * Calls a connection's operation for a caller of an app: finds the connection in the published
 * definition (or, for builders trying an operation, in the draft), checks the caller may call
 * the operation, resolves the installed connector, takes the credential from the vault, and runs
 * the executor through the safe outbound client. The browser never talks to the customer's API
 * and never sees the credential.
 */
import type { AppDefinition, Connection } from '@tessera/core';
import {
  executeOperation,
  RateLimiter,
  type Credential,
  type OAuthTokens,
  type OperationResult,
  type OutboundClient,
} from '@tessera/connectors';
import { Forbidden, NotFound } from '../../domain-errors';
import type { Caller } from '../policy/policy.types';
import { AnswerCache } from './answer-cache';
import type { ConnectorCatalogue } from './connector-catalogue';
import { mayCall } from './connection-access';

/** The vault, as calls need it (platform/credentials). */
export interface CredentialSource {
  get(appId: string, ref: string): Promise<Credential | undefined>;
  saveTokens(appId: string, ref: string, tokens: OAuthTokens): Promise<void>;
}

export interface OperationRequest {
  connection: string;
  operation: string;
  input?: Record<string, unknown>;
  /** One page for tables (`cursor` from the previous answer), instead of every page. */
  page?: { cursor?: string; size?: number };
  /** Builders: use the draft's connection ("Try it" before publishing). */
  draft?: boolean;
  idempotencyKey?: string;
}

export interface DefinitionSource {
  published(appId: string): Promise<AppDefinition | undefined>;
  draft(appId: string): Promise<AppDefinition | undefined>;
}

export class ConnectionCalls {
  private readonly cache = new AnswerCache();
  private readonly limiter = new RateLimiter();

  constructor(
    private readonly definitions: DefinitionSource,
    private readonly catalogue: ConnectorCatalogue,
    private readonly credentials: CredentialSource,
    private readonly outbound: OutboundClient,
    /** Code connectors reaching non-HTTP services: the checked address of a host. */
    private readonly resolveHost: (hostname: string) => Promise<string>,
  ) {}

  async call(appId: string, caller: Caller, req: OperationRequest): Promise<OperationResult & { cached?: boolean }> {
    if (req.draft && !caller.bypass) throw new Forbidden('only builders try operations on the draft');
    const def = req.draft ? await this.definitions.draft(appId) : await this.definitions.published(appId);
    if (!def) throw new NotFound(`app "${appId}" does not exist or is not published`);
    const connection = def.connections.find((c) => c.id === req.connection);
    if (!connection) throw new NotFound(`app "${appId}" has no connection "${req.connection}"`);
    if (!mayCall(caller, connection, req.operation))
      throw new Forbidden(`your role may not call "${req.operation}" of the connection "${connection.id}"`);
    const manifest = this.catalogue.resolve(connection.connector);
    if (!manifest) throw new NotFound(`no installed connector satisfies "${connection.connector}"`);
    const op = manifest.operations.find((o) => o.id === req.operation);
    if (!op) throw new NotFound(`connection "${connection.id}" has no operation "${req.operation}"`);
    const readOnly = op.kind === 'list' || op.kind === 'get' || op.http?.method === 'GET';
    const cacheSeconds = readOnly ? (connection.cacheSeconds ?? 0) : 0;
    const prefix = `${appId}\u0000${connection.id}\u0000${req.draft ? 'draft' : 'live'}\u0000`;
    const key = `${prefix}${manifest.version}\u0000${req.operation}\u0000${JSON.stringify([req.input ?? {}, req.page ?? null])}`;
    if (cacheSeconds > 0) {
      const hit = this.cache.get(key, cacheSeconds);
      if (hit) return { ...hit, cached: true };
    }
    const result = await executeOperation(
      {
        manifest,
        operation: req.operation,
        config: connection.config ?? {},
        credential: await this.credentialOf(appId, connection),
        input: req.input ?? {},
        idempotencyKey: req.idempotencyKey,
        ...(req.page ? { pages: 'page' as const, cursor: req.page.cursor, pageSize: req.page.size } : {}),
        handler: this.catalogue.handlerFor(manifest, req.operation),
      },
      {
        outbound: this.outbound,
        resolveHost: this.resolveHost,
        limiter: this.limiter,
        limiterKey: `${appId}/${connection.id}`,
        saveTokens: connection.credential ? (tokens) => this.credentials.saveTokens(appId, connection.credential!, tokens) : undefined,
      },
    );
    if (cacheSeconds > 0) this.cache.set(key, result);
    else if (!readOnly) this.cache.forget(prefix);
    return result;
  }

  private async credentialOf(appId: string, connection: Connection): Promise<Credential | undefined> {
    if (!connection.credential) return undefined;
    const credential = await this.credentials.get(appId, connection.credential);
    if (!credential)
      throw new NotFound(
        `the credential "${connection.credential}" of connection "${connection.id}" is not set; a builder sets it under Connections`,
      );
    return credential;
  }
}
