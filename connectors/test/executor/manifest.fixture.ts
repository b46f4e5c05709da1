/** A small declarative manifest of a shop-like API, varied per test by overriding one operation. */
import type { ConnectorManifest, ConnectorOperation } from '@tessera/core';
import { validateConnectorManifest } from '@tessera/core';

export function shopManifest(
  operations: Array<Partial<ConnectorOperation> & { id: string; http: ConnectorOperation['http'] }>,
  extra: Partial<ConnectorManifest> = {},
): ConnectorManifest {
  const result = validateConnectorManifest({
    name: 'shop',
    version: '1.0.0',
    title: 'Shop',
    auth: [{ type: 'apiKey', in: 'header', name: 'X-Api-Key' }],
    config: { type: 'object', properties: { baseUrl: { type: 'string' } } },
    operations: operations.map((op) => ({ title: op.id, input: { type: 'object' }, output: true, ...op })),
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.manifest;
}
