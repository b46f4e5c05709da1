/**
 * Runs one fixture: the real executor and the real outbound client (loopback allowed for the
 * replay server only) against the recorded exchanges. The connection's base URL is pointed at
 * the replay server, keeping the recorded base URL's path.
 */
import type { ConnectorManifest } from '@tessera/core';
import { executeOperation } from '../executor/execute-operation';
import { isConnectorError } from '../executor/connector-error';
import { createOutboundClient } from '../outbound/outbound.client';
import { createHostResolver } from '../outbound/checked-host';
import { RateLimiter } from '../executor/rate-limiter';
import type { OperationHandler } from '../sdk/define-connector';
import type { Fixture } from './fixture.types';
import { startReplayServer } from './replay-server';

export interface FixtureResult {
  ok: boolean;
  /** Why it failed: request differences, then the output or error difference. */
  problems: string[];
}

// Loopback only: the replay server, or a local test service a code connector's fixture names.
const harnessOutbound = createOutboundClient({ allow: '127.0.0.1' });
const harnessResolveHost = createHostResolver({ allow: '127.0.0.1' });

function basePath(template: string | undefined): string {
  if (!template) return '';
  try {
    return new URL(template.replace(/\{[^{}]+\}/g, 'x')).pathname.replace(/\/$/, '');
  } catch {
    return '';
  }
}

export async function runFixture(
  manifest: ConnectorManifest,
  fixture: Fixture,
  options: { handler?: OperationHandler } = {},
): Promise<FixtureResult> {
  const server = await startReplayServer(fixture.exchanges);
  const problems: string[] = [];
  try {
    const recordedBase = typeof fixture.config?.baseUrl === 'string' ? fixture.config.baseUrl : manifest.baseUrl;
    const config = { ...fixture.config, baseUrl: `${server.url}${basePath(recordedBase)}` };
    let output: unknown;
    let errorCode: string | undefined;
    let errorMessage = '';
    try {
      const result = await executeOperation(
        {
          // No retries: a replayed 503 is the answer under test, not a reason to ask again.
          manifest: withoutRetries(manifest),
          operation: fixture.operation,
          config,
          ...(fixture.credential ? { credential: fixture.credential } : {}),
          input: fixture.input ?? {},
          ...(fixture.pages ? { pages: fixture.pages } : {}),
          ...(options.handler ? { handler: options.handler } : {}),
        },
        { outbound: harnessOutbound, resolveHost: harnessResolveHost, limiter: new RateLimiter() },
      );
      output = result.output;
    } catch (err) {
      if (!isConnectorError(err)) throw err;
      errorCode = err.code;
      errorMessage = err.message;
    }
    problems.push(...server.differences);
    if (server.unused()) problems.push(`${server.unused()} recorded exchange(s) were never requested`);
    if (fixture.expect.error !== undefined) {
      if (errorCode !== fixture.expect.error)
        problems.push(`expected error ${fixture.expect.error}, got ${errorCode ? `${errorCode}: ${errorMessage}` : 'success'}`);
    } else if (errorCode) problems.push(`failed with ${errorCode}: ${errorMessage}`);
    else if ('output' in fixture.expect) problems.push(...outputDifferences(fixture.expect.output, output, 'output'));
  } finally {
    await server.close();
  }
  return { ok: problems.length === 0, problems };
}

function withoutRetries(manifest: ConnectorManifest): ConnectorManifest {
  return {
    ...manifest,
    operations: manifest.operations.map((op) =>
      op.http ? { ...op, http: { ...op.http, policy: { ...op.http.policy, retries: 0 } } } : op,
    ),
  };
}

/**
 * The output must hold what the fixture lists: objects the listed keys (a response's `date` or
 * `content-length` header need not be recorded), arrays element by element with the same length,
 * other values equal.
 */
export function outputDifferences(expected: unknown, got: unknown, at: string): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(got)) return [`${at}: expected an array, got ${JSON.stringify(got)}`];
    if (expected.length !== got.length) return [`${at}: expected ${expected.length} item(s), got ${got.length}`];
    return expected.flatMap((e, i) => outputDifferences(e, got[i], `${at}[${i}]`));
  }
  if (expected && typeof expected === 'object') {
    if (!got || typeof got !== 'object' || Array.isArray(got)) return [`${at}: expected an object, got ${JSON.stringify(got)}`];
    return Object.entries(expected).flatMap(([k, v]) => outputDifferences(v, (got as Record<string, unknown>)[k], `${at}.${k}`));
  }
  return expected === got ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`];
}
