/**
 * Lets the builder's validation check connections against the installed connectors, as the
 * server does at publish (a connection's config against the manifest's config schema, bound
 * operations and their inputs): the catalogue's manifests become the validator's resolver once
 * every connector the draft names is loaded, and the draft is validated again when they change.
 */
import type { ConnectorManifest } from '@tessera/core';
import { builderStore, type BuilderStore } from '../store/builder.store';
import { connectionsOf } from '../store/commands/connection.commands';
import type { Draft } from '../store/draft.types';
import { setConnectorSource } from '../store/validate-draft';
import { useCatalogue } from './connector-catalogue.store';
import { pickVersion } from './version-range';

export function startConnectorValidation(store: BuilderStore = builderStore): () => void {
  const apply = () => {
    const { items, manifests } = useCatalogue.getState();
    if (!items) return;
    const loaded = (name: string, version: string): ConnectorManifest | undefined => manifests[`${name}@${version}`];
    setConnectorSource((draft) => {
      const picked = connectionsOf(draft as Draft).map((c) => pickVersion(items, c.connector));
      const missing = picked.filter((i) => i && !loaded(i.name, i.version));
      if (missing.length) {
        // Fetched once each; the store change brings validation back here.
        for (const i of missing)
          void useCatalogue
            .getState()
            .manifest(i!.name, i!.version)
            .catch(() => undefined);
        return undefined;
      }
      return (ref) => {
        const i = pickVersion(items, ref);
        return i && loaded(i.name, i.version);
      };
    });
    store.getState().validateNow();
  };
  apply();
  const unsubscribe = useCatalogue.subscribe((s, prev) => {
    if (s.items !== prev.items || s.manifests !== prev.manifests) apply();
  });
  return () => {
    unsubscribe();
    setConnectorSource(undefined);
  };
}
