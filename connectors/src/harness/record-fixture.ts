/**
 * `record` mode: runs an operation against the real API (through the ordinary outbound client,
 * so private addresses need TESSERA_OUTBOUND_ALLOW) and writes what happened as a fixture. Every
 * secret of the credential is replaced by `[redacted]` in the file, the credential included, so
 * a fixture can be committed; replaying it needs no secret (the harness compares only the
 * headers a fixture lists).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConnectorManifest } from '@tessera/core';
import { executeOperation } from '../executor/execute-operation';
import { isConnectorError } from '../executor/connector-error';
import { secretsOf, type Credential } from '../executor/credential.types';
import { createOutboundClient } from '../outbound/outbound.client';
import type { OutboundClient, OutboundRequest } from '../outbound/outbound.types';
import type { OperationHandler } from '../sdk/define-connector';
import type { Exchange, Fixture } from './fixture.types';

export interface RecordRequest {
  manifest: ConnectorManifest;
  operation: string;
  caseName: string;
  config?: Record<string, unknown>;
  credential?: Credential;
  input?: Record<string, unknown>;
  handler?: OperationHandler;
  /** Defaults to a client with TESSERA_OUTBOUND_ALLOW. */
  outbound?: OutboundClient;
}

function scrub(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);
}

function scrubDeep<T>(value: T, secrets: string[]): T {
  return JSON.parse(scrub(JSON.stringify(value), secrets)) as T;
}

function bodyOf(req: OutboundRequest): unknown {
  if (req.body === undefined) return undefined;
  const text = typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Records the case and writes `fixtures/<operation>.<case>.json` under `dir`; returns the file. */
export async function recordFixture(dir: string, req: RecordRequest): Promise<{ file: string; fixture: Fixture }> {
  const base = req.outbound ?? createOutboundClient();
  const exchanges: Exchange[] = [];
  const recording: OutboundClient = {
    ...base,
    request: async (r) => {
      const res = await base.request(r);
      const url = new URL(r.url);
      const query: Record<string, string | string[]> = {};
      for (const key of new Set(url.searchParams.keys())) {
        const all = url.searchParams.getAll(key);
        query[key] = all.length === 1 ? all[0] : all;
      }
      const text = Buffer.from(res.body).toString('utf8');
      let body: unknown = text;
      if (res.headers['content-type']?.includes('json'))
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      const headers = Object.fromEntries(Object.entries(res.headers).filter(([k]) => k === 'link' || k === 'retry-after'));
      exchanges.push({
        request: {
          method: r.method,
          path: url.pathname,
          ...(Object.keys(query).length ? { query } : {}),
          ...(bodyOf(r) !== undefined ? { body: bodyOf(r) } : {}),
        },
        response: { status: res.status, ...(Object.keys(headers).length ? { headers } : {}), ...(text ? { body } : {}) },
      });
      return res;
    },
  };
  const fixture: Fixture = {
    operation: req.operation,
    ...(req.config ? { config: req.config } : {}),
    ...(req.credential ? { credential: req.credential } : {}),
    ...(req.input ? { input: req.input } : {}),
    exchanges,
    expect: {},
  };
  try {
    const result = await executeOperation(
      {
        manifest: req.manifest,
        operation: req.operation,
        config: req.config ?? {},
        ...(req.credential ? { credential: req.credential } : {}),
        input: req.input ?? {},
        ...(req.handler ? { handler: req.handler } : {}),
      },
      { outbound: recording },
    );
    fixture.expect = { output: result.output };
  } catch (err) {
    if (!isConnectorError(err)) throw err;
    fixture.expect = { error: err.code };
  }
  const safe = scrubDeep(fixture, secretsOf(req.credential));
  const file = path.join(dir, 'fixtures', `${req.operation}.${req.caseName}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(safe, null, 2)}\n`);
  return { file, fixture: safe };
}
