/**
 * Runs one operation of a declarative connector: the plain function the builder's "Try it", the
 * runtime's data sources and workflow connector nodes all call. Its I/O is the outbound client
 * and a clock (ports), so tests run it against real local servers with a manual clock.
 */
import { createBudget } from '@tessera/core/expressions';
import type { CallPolicy, ConnectorManifest, ConnectorOperation, HttpBinding } from '@tessera/core';
import type { OutboundClient, OutboundResponse } from '../outbound/outbound.types';
import { OutboundError } from '../outbound/outbound.types';
import { applyAuth } from './auth.apply';
import { encodeBody } from './body.encode';
import { ConnectorError } from './connector-error';
import { secretsOf, type Credential, type OAuthTokens } from './credential.types';
import { decodeCursor, encodeCursor, firstPage, nextPage, pageQuery, type PageState } from './pagination';
import { RateLimiter } from './rate-limiter';
import { redact } from './redact';
import { evaluateMap, evaluateValue, fillPath, joinUrl, resolveBaseUrl, toHeaderValues, type ValueScope } from './request-values';
import { decodeResponse, remoteText, type DecodedResponse } from './response.decode';
import { backoffMs, MAX_RETRY_WAIT_MS, mayRetry, retriableOutbound, retriableStatus, retryAfterMs } from './retry.policy';
import { schemaProblems } from './schema.check';
import type { OperationHandler } from '../sdk/define-connector';

export interface OperationCall {
  manifest: ConnectorManifest;
  operation: string;
  /** The connection's configuration (base URL, server variables, …). */
  config?: Record<string, unknown>;
  credential?: Credential;
  input?: Record<string, unknown>;
  /** Passed in the manifest's idempotency header; also makes a POST safe to retry. */
  idempotencyKey?: string;
  /**
   * List operations: `all` walks every page up to maxPages (workflows, charts); `page` fetches one
   * page and returns `nextCursor` (tables). Default `all`.
   */
  pages?: 'all' | 'page';
  cursor?: string;
  pageSize?: number;
  /** Code connectors: the function of an operation that has no HTTP binding. */
  handler?: OperationHandler;
}

export interface ExecutorPorts {
  outbound: OutboundClient;
  now?(): number;
  sleep?(ms: number): Promise<void>;
  random?(): number;
  /** Called with tokens the executor obtained (OAuth2), for the vault. */
  saveTokens?(tokens: OAuthTokens): Promise<void>;
  /** Code connectors reaching a non-HTTP service (SMTP): the checked address of a host. */
  resolveHost?(hostname: string): Promise<string>;
  /** Key the rate limit is kept under (the connection); default the manifest name. */
  limiterKey?: string;
  limiter?: RateLimiter;
}

export interface OperationResult {
  output: unknown;
  status: number;
  /** Pages fetched (1 for a non-list operation). */
  pages: number;
  /** Present for `pages: 'page'` when there is a next page. */
  nextCursor?: string;
  durationMs: number;
  /** Output schema problems under the policy "warn". */
  warnings: Array<{ pointer: string; message: string }>;
}

type Policy = Required<Omit<CallPolicy, 'rateLimit'>> & Pick<CallPolicy, 'rateLimit'>;
const DEFAULT_POLICY: Policy = {
  timeoutMs: 30_000,
  connectTimeoutMs: 5_000,
  retries: 2,
  maxResponseBytes: 5 * 1024 * 1024,
  validateOutput: 'warn',
};
const sharedLimiter = new RateLimiter();
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function executeOperation(call: OperationCall, ports: ExecutorPorts): Promise<OperationResult> {
  const now = ports.now ?? Date.now;
  const started = now();
  const op = call.manifest.operations.find((o) => o.id === call.operation);
  if (!op) throw new ConnectorError('UNKNOWN_OPERATION', `${call.manifest.name} has no operation "${call.operation}"`);
  if (!op.http && !call.handler)
    throw new ConnectorError('UNKNOWN_OPERATION', `"${op.id}" is implemented in code, and no code was given to run it`);
  const input = structuredClone(call.input ?? {});
  const problems = schemaProblems(op.input, input);
  if (problems.length)
    throw new ConnectorError(
      'INPUT',
      `the input of "${op.title}" is not valid: ${problems.map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}`,
      { problems },
    );
  const policy: Policy = { ...DEFAULT_POLICY, ...call.manifest.defaults, ...op.http?.policy };
  const secrets = secretsOf(call.credential);
  try {
    const result = op.http
      ? await new Run(call, ports, op, op.http, policy, input, secrets).execute()
      : await runCode(call, ports, input, secrets);
    const warnings = validateOutput(op, result.output, policy.validateOutput);
    return { ...result, warnings, durationMs: now() - started };
  } catch (err) {
    if (err instanceof ConnectorError) {
      err.detail.durationMs ??= now() - started;
      throw err;
    }
    throw new ConnectorError('OUTBOUND', redact((err as Error).message, secrets), { durationMs: now() - started });
  }
}

/** A code operation: whatever it throws that is not a ConnectorError is its own failure, told without secrets. */
async function runCode(call: OperationCall, ports: ExecutorPorts, input: Record<string, unknown>, secrets: string[]) {
  let output: unknown;
  try {
    output = await call.handler!(input, {
      config: call.config ?? {},
      credential: call.credential,
      outbound: ports.outbound,
      resolveHost:
        ports.resolveHost ??
        (async () => {
          throw new ConnectorError('CONFIG', 'this connector needs a host resolver, which the runtime did not provide');
        }),
      idempotencyKey: call.idempotencyKey,
    });
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    throw new ConnectorError('FAILED', `${call.manifest.title} failed: ${redact((err as Error)?.message ?? String(err), secrets)}`);
  }
  return { output: output === undefined ? null : output, status: 200, pages: 1 };
}

function validateOutput(op: ConnectorOperation, output: unknown, mode: CallPolicy['validateOutput']) {
  if (mode === 'off') return [];
  const problems = schemaProblems(op.output, output);
  if (problems.length && mode === 'fail') {
    throw new ConnectorError(
      'OUTPUT_INVALID',
      `the API's answer does not match the output of "${op.title}": ${problems
        .slice(0, 5)
        .map((p) => `${p.pointer || '/'} ${p.message}`)
        .join('; ')}`,
      { problems },
    );
  }
  return problems;
}

/** One call's state: the budget its expressions share, the base URL, the credential's tokens. */
class Run {
  private readonly budget = createBudget();
  private readonly baseUrl: URL;
  private readonly scope: ValueScope;

  constructor(
    private readonly call: OperationCall,
    private readonly ports: ExecutorPorts,
    private readonly op: ConnectorOperation,
    private readonly http: HttpBinding,
    private readonly policy: Policy,
    input: Record<string, unknown>,
    private readonly secrets: string[],
  ) {
    this.baseUrl = resolveBaseUrl(call.manifest.baseUrl, call.config ?? {});
    this.scope = { config: call.config ?? {}, input };
  }

  async execute(): Promise<Omit<OperationResult, 'durationMs' | 'warnings'>> {
    const pagination = this.http.pagination;
    if (!pagination) {
      const res = await this.send({});
      const records = this.http.records ? await this.records(res) : undefined;
      return { output: await this.output(res, records), status: res.status, pages: 1 };
    }
    const pageSize = this.call.pageSize ?? pagination.pageSize;
    let state: PageState | undefined = this.call.cursor ? decodeCursor(pagination, this.call.cursor, this.baseUrl) : firstPage(pagination);
    const all: unknown[] = [];
    let pages = 0;
    let last: DecodedResponse | undefined;
    const maxPages = this.call.pages === 'page' ? 1 : (pagination.maxPages ?? 100);
    while (state && pages < maxPages) {
      const res = await this.send(state, pageSize);
      const records = await this.records(res);
      pages++;
      last = res;
      all.push(...records);
      const scope: ValueScope = { ...this.scope, response: res, records, page: state };
      const stop: boolean = pagination.stop ? Boolean(await evaluateValue(pagination.stop, scope, this.budget, 'pagination stop')) : false;
      const nextCursor: unknown = pagination.cursor ? await evaluateValue(pagination.cursor, scope, this.budget, 'next cursor') : undefined;
      state = stop
        ? undefined
        : nextPage(pagination, state, {
            records: records.length,
            pageSize,
            linkHeader: res.headers.link,
            nextCursor,
            baseUrl: this.baseUrl,
            requestUrl: this.lastUrl!,
          });
    }
    return {
      output: await this.output(last!, all),
      status: last!.status,
      pages,
      ...(this.call.pages === 'page' && state ? { nextCursor: encodeCursor(state) } : {}),
    };
  }

  private lastUrl: URL | undefined;

  /** One HTTP exchange with auth, retries and the rate limit; an error status becomes a REMOTE error. */
  private async send(page: PageState, pageSize?: number): Promise<DecodedResponse> {
    const scope = { ...this.scope, page };
    const query = {
      ...(await evaluateMap(this.http.query, scope, this.budget, 'query parameter')),
      ...(this.http.pagination ? pageQuery(this.http.pagination, page, pageSize) : {}),
    };
    const headers = toHeaderValues(await evaluateMap(this.http.headers, scope, this.budget, 'header'));
    const body = encodeBody(this.http, await evaluateValue(this.http.body, scope, this.budget, 'body'));
    if (body) headers['content-type'] = body.contentType;
    headers.accept ??= 'application/json';
    if (this.http.idempotencyHeader && this.call.idempotencyKey)
      headers[this.http.idempotencyHeader.toLowerCase()] = this.call.idempotencyKey;
    const url = 'url' in page ? new URL(page.url) : joinUrl(this.baseUrl, fillPath(this.http.path, scope.input), query);
    const retryable = mayRetry(this.http.method, Boolean(this.call.idempotencyKey));
    const authCtx = {
      schemes: this.call.manifest.auth,
      credential: this.call.credential,
      outbound: this.ports.outbound,
      now: this.ports.now ?? Date.now,
      saveTokens: this.ports.saveTokens,
      timeoutMs: this.policy.timeoutMs,
    };
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const authHeaders = { ...headers };
      const authQuery: Record<string, unknown> = {};
      await applyAuth(authCtx, authHeaders, authQuery, refreshed);
      let target = url;
      if (Object.keys(authQuery).length) {
        target = new URL(url.href);
        for (const [k, v] of Object.entries(authQuery)) target.searchParams.set(k, String(v));
      }
      this.lastUrl = url;
      await this.waitForSlot();
      let res: OutboundResponse;
      try {
        res = await this.ports.outbound.request({
          method: this.http.method,
          url: target.href,
          headers: authHeaders,
          body: body?.body,
          timeoutMs: this.policy.timeoutMs,
          connectTimeoutMs: this.policy.connectTimeoutMs,
          maxResponseBytes: this.policy.maxResponseBytes,
        });
      } catch (err) {
        if (!(err instanceof OutboundError)) throw err;
        if (retryable && retriableOutbound(err.code) && attempt < this.policy.retries) {
          await this.sleep(backoffMs(attempt, this.ports.random ?? Math.random));
          continue;
        }
        throw new ConnectorError('OUTBOUND', redact(err.message, this.secrets), { outbound: err.code });
      }
      if (res.status === 401 && this.call.credential?.type === 'oauth2' && !refreshed) {
        refreshed = true; // the token may have been revoked early: one fresh token, one more try
        continue;
      }
      if (retriableStatus(res.status) && retryable && attempt < this.policy.retries) {
        const asked = retryAfterMs(res.headers['retry-after'], Date.now());
        if (asked === undefined || asked <= MAX_RETRY_WAIT_MS) {
          await this.sleep(asked ?? backoffMs(attempt, this.ports.random ?? Math.random));
          continue;
        }
      }
      if (res.status >= 400) throw this.remoteError(res);
      return decodeResponse(res, this.secrets);
    }
  }

  private remoteError(res: OutboundResponse): ConnectorError {
    const asked = retryAfterMs(res.headers['retry-after'], Date.now());
    const body = remoteText(res, this.secrets);
    const hint =
      res.status === 401 || res.status === 403 ? " (check the connection's credential)" : res.status === 429 ? ' (rate limited)' : '';
    const brief = body ? `: ${body.slice(0, 200)}` : '';
    return new ConnectorError('REMOTE', `${this.call.manifest.title} answered ${res.status}${hint}${brief}`, {
      status: res.status,
      remoteBody: body,
      ...(asked !== undefined ? { retryAfter: Math.ceil(asked / 1000) } : {}),
    });
  }

  private async records(res: DecodedResponse): Promise<unknown[]> {
    const value = this.http.records
      ? await evaluateValue(this.http.records, { ...this.scope, response: res }, this.budget, 'records')
      : res.body;
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
  }

  private async output(res: DecodedResponse, records: unknown[] | undefined): Promise<unknown> {
    if (this.http.output)
      return (await evaluateValue(this.http.output, { ...this.scope, response: res, records }, this.budget, 'output')) ?? null;
    return records ?? res.body;
  }

  private async waitForSlot(): Promise<void> {
    const limiter = this.ports.limiter ?? sharedLimiter;
    const wait = limiter.reserve(this.ports.limiterKey ?? this.call.manifest.name, this.policy.rateLimit, (this.ports.now ?? Date.now)());
    if (wait > 0) await this.sleep(wait);
  }

  private sleep(ms: number): Promise<void> {
    return (this.ports.sleep ?? realSleep)(ms);
  }
}
