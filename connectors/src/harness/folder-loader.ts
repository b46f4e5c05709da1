/**
 * A connector's source folder, as a developer writes it:
 *   connector.json            the manifest without operations (name, version, title, auth, config, baseUrl, groups)
 *   operations/<id>.json      one operation each
 *   handlers/<id>.ts|js       code connectors: the function of an operation without `http` (default export)
 *   fixtures/<op>.<case>.json recorded cases (fixture.types.ts)
 * assembled into one manifest and checked, every problem naming the file it is in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateConnectorManifest, type ConnectorManifest } from '@tessera/core';
import type { OperationHandler } from '../sdk/define-connector';
import type { Fixture, FixtureFile } from './fixture.types';

export interface LoadedFolder {
  dir: string;
  manifest?: ConnectorManifest;
  problems: string[];
  fixtures: FixtureFile[];
  handlers: Record<string, OperationHandler>;
}

function readJson(dir: string, file: string, problems: string[]): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch (err) {
    problems.push(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : (err as Error).message}`);
    return undefined;
  }
}

const jsonFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];

/** Reads the folder; `manifest` is set only when it is valid. */
export function loadConnectorFolder(dirArg: string): LoadedFolder {
  const dir = path.resolve(dirArg);
  const problems: string[] = [];
  const header = readJson(dir, 'connector.json', problems) as Record<string, unknown> | undefined;
  const files = jsonFiles(path.join(dir, 'operations')).map((f) => `operations/${f}`);
  const operations = files.map((f) => readJson(dir, f, problems));
  if (header && 'operations' in header) problems.push('connector.json: /operations belongs in operations/<id>.json, one file each');
  const handlers = loadHandlers(dir, problems);
  const fixtures = loadFixtures(dir, problems);
  if (!header || problems.length) return { dir, problems, fixtures, handlers };
  const hasCode = Object.keys(handlers).length > 0;
  const assembled = { ...(hasCode && !header.kind ? { kind: 'code' } : {}), ...header, operations };
  const result = validateConnectorManifest(assembled);
  if (!result.ok) {
    for (const e of result.errors) problems.push(locate(e.pointer, e.message, files));
    return { dir, problems, fixtures, handlers };
  }
  const manifest = result.manifest;
  files.forEach((file, i) => {
    const id = (operations[i] as { id?: string }).id;
    if (`operations/${id}.json` !== file) problems.push(`${file}: /id is "${id}"; name the file operations/${id}.json`);
  });
  for (const op of manifest.operations)
    if (!op.http && !handlers[op.id]) problems.push(`operations/${op.id}.json: has no "http" binding and no handlers/${op.id}.ts`);
  for (const id of Object.keys(handlers))
    if (!manifest.operations.some((o) => o.id === id && !o.http))
      problems.push(`handlers/${id}: no operation ${id} without "http" to handle`);
  for (const f of fixtures)
    if (!manifest.operations.some((o) => o.id === f.fixture.operation))
      problems.push(`${f.file}: /operation "${f.fixture.operation}" is not an operation of ${manifest.name}`);
  return problems.length ? { dir, problems, fixtures, handlers } : { dir, manifest, problems, fixtures, handlers };
}

/** A pointer into the assembled manifest, said in terms of the file it came from. */
function locate(pointer: string, message: string, files: string[]): string {
  const m = /^\/operations\/(\d+)(\/.*)?$/.exec(pointer);
  if (m) return `${files[Number(m[1])]}: ${m[2] ?? '/'} ${message}`;
  if (pointer === '/operations') return `operations/: ${message}`;
  return `connector.json: ${pointer || '/'} ${message}`;
}

function loadHandlers(dir: string, problems: string[]): Record<string, OperationHandler> {
  const folder = path.join(dir, 'handlers');
  const out: Record<string, OperationHandler> = {};
  if (!fs.existsSync(folder)) return out;
  for (const file of fs.readdirSync(folder).sort()) {
    const m = /^([A-Za-z][A-Za-z0-9_]*)\.(ts|js|cjs|mjs)$/.exec(file);
    if (!m) continue;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a developer's handler, loaded by path
      const mod = require(path.join(folder, file)) as { default?: unknown; handler?: unknown };
      const fn = mod.default ?? mod.handler;
      if (typeof fn !== 'function') problems.push(`handlers/${file}: export the operation's function as default`);
      else out[m[1]] = fn as OperationHandler;
    } catch (err) {
      problems.push(`handlers/${file}: ${(err as Error).message}`);
    }
  }
  return out;
}

function loadFixtures(dir: string, problems: string[]): FixtureFile[] {
  const out: FixtureFile[] = [];
  for (const f of jsonFiles(path.join(dir, 'fixtures'))) {
    const file = `fixtures/${f}`;
    const fixture = readJson(dir, file, problems) as Fixture | undefined;
    if (!fixture) continue;
    const shape = fixtureProblem(fixture);
    if (shape) problems.push(`${file}: ${shape}`);
    else out.push({ file, name: f.replace(/\.json$/, ''), fixture });
  }
  return out;
}

function fixtureProblem(f: Fixture): string | undefined {
  if (!f || typeof f !== 'object') return 'must be an object';
  if (typeof f.operation !== 'string') return '/operation must be the id of an operation';
  if (!Array.isArray(f.exchanges)) return '/exchanges must be an array (empty when the operation makes no HTTP call)';
  for (const [i, x] of f.exchanges.entries()) {
    if (typeof x?.request?.method !== 'string' || typeof x.request.path !== 'string')
      return `/exchanges/${i}/request needs "method" and "path"`;
    if (typeof x.response?.status !== 'number') return `/exchanges/${i}/response needs a numeric "status"`;
  }
  if (!f.expect || typeof f.expect !== 'object' || (!('output' in f.expect) && !('error' in f.expect)))
    return '/expect needs "output" or "error" (a ConnectorError code)';
  return undefined;
}
