/**
 * Connections: the roles in `access` exist; and when the installed connectors are known
 * (`validateDefinition(def, { connectors })`, on the server), each connection's connector is
 * installed, its config fits the manifest's config schema, and every operation the app binds —
 * in `access`, page sources, workflow connector nodes — exists in the manifest.
 */
import type { ValidateFunction } from 'ajv';
import type { ConnectorManifest } from '../../generated/connector-manifest';
import { createAjv } from '../ajv.factory';
import { formatAjvErrors } from '../ajv-errors.format';
import { didYouMean } from '../suggest';
import { joinPointer } from '../validation-issue';
import { checkEntityRef, checkIdRef, type SemanticContext } from './semantic.context';

/** Finds the installed manifest for a connection's `name@range`, or undefined when none satisfies it. */
export type ConnectorResolver = (ref: string) => ConnectorManifest | undefined;

const configValidators = new WeakMap<object, ValidateFunction>();

export function checkConnections(ctx: SemanticContext): void {
  const manifests = new Map<string, ConnectorManifest>();
  ctx.def.connections.forEach((c, i) => {
    const at = `/connections/${i}`;
    for (const [op, roles] of Object.entries(c.access ?? {}))
      roles.forEach((r, j) => checkIdRef(ctx, 'role', r, joinPointer(at, 'access', op, j)));
    if (!ctx.connectors) return;
    const manifest = ctx.connectors(c.connector);
    if (!manifest)
      return ctx.report(
        joinPointer(at, 'connector'),
        `no installed connector satisfies "${c.connector}"; install it from the catalogue or import its OpenAPI document`,
      );
    manifests.set(c.id, manifest);
    checkConfig(ctx, manifest, c.config ?? {}, joinPointer(at, 'config'));
    for (const op of Object.keys(c.access ?? {})) if (op !== '*') checkOperation(ctx, c.id, manifest, op, joinPointer(at, 'access', op));
  });
  for (const { component, pointer } of ctx.components) {
    const source = (component as { source?: { kind: string; record?: string } }).source;
    if (source?.kind === 'connector' && source.record) checkEntityRef(ctx, source.record, joinPointer(pointer, 'source', 'record'));
  }
  if (!ctx.connectors) return;
  for (const { component, pointer } of ctx.components) {
    const source = (component as { source?: { kind: string; connection?: string; operation?: string } }).source;
    if (source?.kind !== 'connector' || !source.connection || !source.operation) continue;
    const manifest = manifests.get(source.connection);
    if (manifest) checkOperation(ctx, source.connection, manifest, source.operation, joinPointer(pointer, 'source', 'operation'));
  }
  ctx.def.workflows.forEach((w, i) =>
    w.nodes.forEach((node, j) => {
      if (node.type !== 'connector') return;
      const config = (node.config ?? {}) as { connection?: string; operation?: string };
      const manifest = config.connection ? manifests.get(config.connection) : undefined;
      if (manifest && config.operation)
        checkOperation(ctx, config.connection!, manifest, config.operation, `/workflows/${i}/nodes/${j}/config/operation`);
    }),
  );
}

function checkOperation(ctx: SemanticContext, connection: string, manifest: ConnectorManifest, op: string, pointer: string): void {
  const ids = manifest.operations.map((o) => o.id);
  if (!ids.includes(op))
    ctx.report(pointer, `connection "${connection}" (${manifest.name} ${manifest.version}) has no operation "${op}"${didYouMean(op, ids)}`);
}

function checkConfig(ctx: SemanticContext, manifest: ConnectorManifest, config: unknown, pointer: string): void {
  if (typeof manifest.config !== 'object' || manifest.config === null) return;
  let validate = configValidators.get(manifest.config);
  if (!validate) {
    validate = createAjv({ strict: false }).compile(manifest.config);
    configValidators.set(manifest.config, validate);
  }
  if (validate(structuredClone(config))) return;
  for (const e of formatAjvErrors(validate.errors)) ctx.report(`${pointer}${e.pointer}`, e.message);
}
