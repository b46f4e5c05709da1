/**
 * The outbound client: undici's pooled connections, with the address check inside each connection
 * step (guarded-lookup.ts), IP-literal URLs checked before sending, redirects followed here hop by
 * hop (each target checked again), and one deadline for the whole exchange, bodies included.
 */
import { Agent } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { ALLOW_ENV, AllowList } from './allow-list';
import { guardedLookup, refuseAddress, systemResolver, type Resolver } from './guarded-lookup';
import { HopHandler } from './hop-handler';
import { safeUrl, toOutboundError } from './outbound-errors';
import { OutboundError, type OutboundClient, type OutboundRequest, type OutboundResponse } from './outbound.types';
import { nextHop, REDIRECT_STATUSES, type Hop } from './redirect';

export interface OutboundDefaults {
  /** Default 30,000 ms. */
  timeoutMs?: number;
  /** Default 5,000 ms. */
  connectTimeoutMs?: number;
  /** Default 5 MiB. */
  maxResponseBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
}

export interface OutboundClientOptions {
  /** Exceptions to the address policy; default: parsed from `TESSERA_OUTBOUND_ALLOW`. */
  allow?: AllowList | string;
  /** Name to addresses; default: the operating system's resolver. Tests inject the outside world here. */
  resolve?: Resolver;
  /** Limits used when a request does not set its own. */
  defaults?: OutboundDefaults;
  /** Certificate authorities trusted instead of Node's bundle (a customer's private CA; tests). */
  ca?: string | Buffer | Array<string | Buffer>;
}

const BUILT_IN: Required<OutboundDefaults> = {
  timeoutMs: 30_000,
  connectTimeoutMs: 5_000,
  maxResponseBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};

const CLOSE_GRACE_MS = 1_000;

export function createOutboundClient(options: OutboundClientOptions = {}): OutboundClient {
  const allow = options.allow instanceof AllowList ? options.allow : AllowList.parse(options.allow ?? process.env[ALLOW_ENV]);
  const lookup = guardedLookup(options.resolve ?? systemResolver, allow);
  const defaults: Required<OutboundDefaults> = {
    timeoutMs: limit('timeoutMs', options.defaults?.timeoutMs, BUILT_IN.timeoutMs),
    connectTimeoutMs: limit('connectTimeoutMs', options.defaults?.connectTimeoutMs, BUILT_IN.connectTimeoutMs),
    maxResponseBytes: limit('maxResponseBytes', options.defaults?.maxResponseBytes, BUILT_IN.maxResponseBytes),
    maxRedirects: limit('maxRedirects', options.defaults?.maxRedirects, BUILT_IN.maxRedirects, 0),
  };
  // One pool per connect timeout (undici sets it per connector); in practice one or two.
  const agents = new Map<number, Agent>();
  const agentFor = (connectTimeout: number): Agent => {
    let agent = agents.get(connectTimeout);
    if (!agent) {
      agent = new Agent({ connect: { timeout: connectTimeout, lookup, ...(options.ca ? { ca: options.ca } : {}) } });
      agents.set(connectTimeout, agent);
    }
    return agent;
  };

  async function request(req: OutboundRequest): Promise<OutboundResponse> {
    const started = performance.now();
    const timeoutMs = limit('timeoutMs', req.timeoutMs, defaults.timeoutMs);
    const maxBytes = limit('maxResponseBytes', req.maxResponseBytes, defaults.maxResponseBytes);
    const maxRedirects = limit('maxRedirects', req.maxRedirects, defaults.maxRedirects, 0);
    const agent = agentFor(limit('connectTimeoutMs', req.connectTimeoutMs, defaults.connectTimeoutMs));
    let hop: Hop = { url: parseTarget(req.url), method: req.method, headers: req.headers, body: req.body };
    const signal = req.signal;
    if (signal?.aborted) throw aborted(hop.url);

    let current: HopHandler | undefined;
    let failure: OutboundError | undefined;
    const fail = (err: OutboundError) => {
      failure = err;
      current?.fail(err);
    };
    const timer = setTimeout(
      () =>
        fail(new OutboundError(`${safeUrl(hop.url)}: no complete answer within ${timeoutMs} ms (timeout)`, 'TIMEOUT', safeUrl(hop.url))),
      timeoutMs,
    );
    const onAbort = () => fail(aborted(hop.url));
    signal?.addEventListener('abort', onAbort, { once: true });
    const follows = (status: number, headers: IncomingHttpHeaders) =>
      maxRedirects > 0 && REDIRECT_STATUSES.has(status) && typeof headers.location === 'string';
    const tooLarge = () =>
      new OutboundError(
        `${safeUrl(hop.url)}: the response is larger than ${maxBytes} bytes (maxResponseBytes); ask for less (paging, filters) or raise the size cap`,
        'TOO_LARGE',
        safeUrl(hop.url),
      );

    try {
      for (let redirects = 0; ; redirects++) {
        checkLiteral(hop.url, allow);
        const done = await new Promise<HopHandler>((resolve, reject) => {
          // A HEAD answer's Content-Length describes a body that is not sent.
          current = new HopHandler(hop.method === 'HEAD' ? Infinity : maxBytes, follows, tooLarge, resolve, reject);
          if (failure) return reject(failure);
          agent.dispatch(
            {
              origin: hop.url.origin,
              path: hop.url.pathname + hop.url.search,
              method: hop.method,
              headers: hop.headers,
              body: hop.body ?? null,
            },
            current,
          );
        });
        if (done.redirecting) {
          if (redirects >= maxRedirects) {
            throw new OutboundError(
              `${safeUrl(hop.url)}: more than ${maxRedirects} redirects (maxRedirects)`,
              'TOO_MANY_REDIRECTS',
              safeUrl(hop.url),
            );
          }
          hop = nextHop(hop, done.status, redirectTarget(done.headers.location as string, hop.url));
          continue;
        }
        return {
          status: done.status,
          headers: flatten(done.headers),
          body: done.body(),
          url: hop.url.href,
          durationMs: performance.now() - started,
        };
      }
    } catch (err) {
      throw toOutboundError(failure ?? err, hop.url);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    request,
    async close() {
      const closing = [...agents.values()].map(shutDown);
      agents.clear();
      await Promise.all(closing);
    },
  };
}

/** Lets calls in flight finish for a moment, then cuts what is left (e.g. a connection step still waiting on DNS). */
async function shutDown(agent: Agent): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    agent.close().then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS, false))),
  ]);
  clearTimeout(timer);
  if (!closed) await agent.destroy();
}

function limit(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= min) || !Number.isFinite(value)) {
    throw new OutboundError(`${name} must be a number of at least ${min}, not ${String(value)}`, 'BAD_REQUEST');
  }
  return value;
}

function aborted(url: URL): OutboundError {
  return new OutboundError(`${safeUrl(url)}: the call was cancelled`, 'ABORTED', safeUrl(url));
}

/** Everything before the query and fragment, without user info: safe to show. */
function shown(text: string): string {
  return text.split(/[?#]/)[0].replace(/\/\/[^/]*@/, '//');
}

function checkedUrl(url: URL, what: string): URL {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError(
      `${what} ${shown(url.href)}, which is not http or https (${url.protocol} is not supported)`,
      'BAD_URL',
      shown(url.href),
    );
  }
  if (url.username || url.password) {
    throw new OutboundError(
      `${what} ${safeUrl(url)}, which carries a user name or password (user:pass@); put credentials in the connection's credential, not in the URL`,
      'BAD_URL',
      safeUrl(url),
    );
  }
  return url;
}

function parseTarget(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OutboundError(`"${shown(String(text))}" is not an absolute http(s) URL`, 'BAD_URL');
  }
  return checkedUrl(url, 'the URL');
}

function redirectTarget(location: string, base: URL): URL {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    throw new OutboundError(`${safeUrl(base)} redirects to "${shown(location)}", which is not a valid URL`, 'BAD_URL', safeUrl(base));
  }
  return checkedUrl(url, `${safeUrl(base)} redirects to`);
}

/** IP-literal URLs never reach the lookup, so they are checked here. */
function checkLiteral(url: URL, allow: AllowList): void {
  const host = url.hostname;
  if (host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    const refusal = refuseAddress(host.startsWith('[') ? host.slice(1, -1) : host, allow);
    if (refusal) throw refusal;
  }
}

/** In place: the object is undici's fresh parse of this response. */
function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) headers[name] = value.join(name === 'set-cookie' ? '\n' : ', ');
  }
  return headers as Record<string, string>;
}
