/**
 * The connector subsystem as the platform sees it: the catalogue of installed connectors, calls
 * of connection operations, and what the app client may know about them. One outbound client
 * (pooled connections, the address policy from TESSERA_OUTBOUND_ALLOW) serves every call.
 */
import { validateDefinition, type AppDefinition } from '@tessera/core';
import { BUILTIN_CONNECTORS, createHostResolver, createOutboundClient, type OutboundClient } from '@tessera/connectors';
import type { Store } from '@tessera/core/store';
import type { Apps } from '../apps';
import type { Credentials } from '../credentials/credentials';
import type { Caller } from '../policy/policy.types';
import { ConnectionCalls } from './connection-calls';
import { ConnectorCatalogue } from './connector-catalogue';
import { operationsFor } from './operation-info';
import { vaultCredentials } from './vault-credentials';

export class Connectors {
  readonly catalogue: ConnectorCatalogue;
  readonly calls: ConnectionCalls;
  readonly outbound: OutboundClient;

  constructor(store: Store, apps: () => Apps, credentials: Credentials, options: { outboundAllow?: string } = {}) {
    this.catalogue = new ConnectorCatalogue(store, BUILTIN_CONNECTORS);
    this.outbound = createOutboundClient({ allow: options.outboundAllow });
    this.calls = new ConnectionCalls(
      {
        published: async (appId) => (await apps().getPublished(appId))?.definition,
        // "Try it" works on a draft that does not validate yet: only its connection is needed.
        draft: async (appId) => {
          const draft = (await apps().get(appId)).draft as Partial<AppDefinition>;
          const checked = validateDefinition(draft);
          return checked.ok
            ? checked.definition
            : ({ ...draft, connections: Array.isArray(draft.connections) ? draft.connections : [] } as AppDefinition);
        },
      },
      this.catalogue,
      vaultCredentials(credentials),
      this.outbound,
      createHostResolver({ allow: options.outboundAllow }),
    );
  }

  start(): Promise<void> {
    return this.catalogue.refresh();
  }

  operationsFor(def: AppDefinition, caller: Caller) {
    return operationsFor(def, caller, this.catalogue);
  }

  close(): Promise<void> {
    return this.outbound.close();
  }
}
