import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTessera, type Running } from '../../src/cli/start';
import type { RuntimeConfig } from '../../src/config';

export const ADMIN = { email: 'admin@test.local', password: 'correct horse battery' };

export interface TestServer {
  running: Running;
  url: string;
  dataDir: string;
  /** fetch with the admin's API key and JSON body handling. */
  api: ApiFn;
  /** The same with another API key (another user). */
  as(key: string): ApiFn;
  close(): Promise<void>;
}

export type ApiFn = (method: string, route: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A real Tessera on a loopback port over `dataDir` (a fresh one, or one a stopped server left), printing to `print`. */
export function startOn(
  dataDir: string,
  print: (line: string) => void = () => {},
  overrides: Partial<RuntimeConfig> = {},
): Promise<Running> {
  return startTessera(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      loadExamples: false,
      logLevel: 'silent',
      dbUrl: undefined,
      shutdownGraceMs: 2000, // a test that closes its server with a request still open does not wait 10 s
      ...overrides,
    },
    print,
  );
}

/** fetch against `url` with an API key and JSON body handling. */
export const apiFor =
  (url: string, apiKey: string): ApiFn =>
  async (method, route, body, headers = {}) => {
    const res = await fetch(url + route, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };

/** A real Tessera on a loopback port with its own SQLite file in a temp dir (parallel-safe). */
export async function startTestServer(overrides: Partial<RuntimeConfig> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-test-'));
  const running = await startOn(dataDir, () => {}, overrides);
  const admin = await running.platform.accounts.findUserByEmail(ADMIN.email);
  const { key } = await running.platform.accounts.createApiKey(admin!.id, 'tests');
  const as = (apiKey: string): ApiFn => apiFor(running.url, apiKey);
  return {
    running,
    url: running.url,
    dataDir,
    api: as(key),
    as,
    async close() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small app used by API tests: companies and contacts. */
export function contactsApp(id = 'crm-test'): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    name: 'CRM test',
    entities: [
      {
        id: 'company',
        label: 'Company',
        display: 'name',
        fields: [
          { id: 'name', type: 'text', required: true, indexed: true },
          { id: 'contactCount', type: 'rollup', entity: 'contact', via: 'company', aggregate: 'count' },
          { id: 'totalScore', type: 'rollup', entity: 'contact', via: 'company', aggregate: 'sum', field: 'score' },
        ],
      },
      {
        id: 'contact',
        label: 'Contact',
        display: 'lastName',
        fields: [
          { id: 'firstName', type: 'text', maxLength: 50 },
          { id: 'lastName', type: 'text', required: true, indexed: true },
          { id: 'email', type: 'email', unique: true },
          { id: 'score', type: 'number', min: 0, max: 100 },
          { id: 'status', type: 'enum', options: [{ value: 'new' }, { value: 'active' }, { value: 'lost' }], default: 'new' },
          { id: 'company', type: 'relation', to: 'company' },
          { id: 'fullName', type: 'computed', resultType: 'text', expression: { $expr: "firstName & ' ' & lastName" } },
        ],
      },
    ],
  };
}
