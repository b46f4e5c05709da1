/**
 * A component's connector source as the page designer needs it: the draft's connection it
 * names, that connection's manifest (loaded from the catalogue) and the bound operation.
 */
import type { ConnectorManifest } from '@tessera/core';
import { useBuilder } from '../store/builder.store';
import { connectionsOf, type DraftConnection } from '../store/commands/connection.commands';
import type { DraftSource } from '../store/draft.types';
import { useManifest } from './connector-catalogue.store';
import { findOperation } from './connector-output';
import type { ManifestOperation } from './operation-groups';

export interface ConnectorSourceParts {
  connection?: DraftConnection;
  manifest?: ConnectorManifest | null;
  operation?: ManifestOperation;
}

export function useConnectorSource(source: DraftSource | undefined): ConnectorSourceParts {
  const isConnector = source?.kind === 'connector';
  const connection = useBuilder((s) => (isConnector ? connectionsOf(s.definition).find((c) => c.id === source?.connection) : undefined));
  const manifest = useManifest(connection?.connector);
  return { connection, manifest, operation: findOperation(manifest, source?.operation as string | undefined) };
}

/** Which operation kinds a component type can show; types not listed take no connector source. */
export const CONNECTOR_KINDS: Record<string, string[]> = {
  table: ['list'],
  list: ['list'],
  detail: ['get'],
  card: ['get'],
};
