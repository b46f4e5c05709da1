/**
 * A code connector: a manifest plus one function per operation that has no HTTP binding. The
 * built-ins (SMTP) run in the runtime's process; a third party's run in an isolated child
 * process and reach the network only through the outbound client they are handed.
 */
import { validateConnectorManifest, type ConnectorManifest } from '@tessera/core';
import type { OutboundClient } from '../outbound/outbound.types';
import type { Credential } from '../executor/credential.types';

export interface OperationContext {
  config: Record<string, unknown>;
  credential?: Credential;
  /** The only way to the network: private addresses refused, size and time capped. */
  outbound: OutboundClient;
  /** The address a host name may be connected to (checked like every outbound call), for non-HTTP protocols. */
  resolveHost(hostname: string): Promise<string>;
  idempotencyKey?: string;
}

export type OperationHandler = (input: Record<string, unknown>, ctx: OperationContext) => Promise<unknown>;

export interface CodeConnector {
  manifest: ConnectorManifest;
  handlers: Readonly<Record<string, OperationHandler>>;
}

/** Checks the manifest and that every operation without `http` has a handler (and no handler is left over). */
export function defineConnector(def: { manifest: unknown; handlers: Record<string, OperationHandler> }): CodeConnector {
  const result = validateConnectorManifest(def.manifest);
  if (!result.ok) throw new Error(`invalid connector manifest: ${result.errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`);
  const manifest = result.manifest;
  const needed = manifest.operations.filter((o) => !o.http).map((o) => o.id);
  const missing = needed.filter((id) => !def.handlers[id]);
  const extra = Object.keys(def.handlers).filter((id) => !needed.includes(id));
  if (missing.length) throw new Error(`${manifest.name}: no handler for ${missing.join(', ')}`);
  if (extra.length)
    throw new Error(`${manifest.name}: handlers for operations the manifest does not declare without http: ${extra.join(', ')}`);
  return { manifest, handlers: Object.freeze({ ...def.handlers }) };
}
