/**
 * The connector catalogue as the builder knows it: the list (loaded once per editor session,
 * reloaded after an install or import) and each manifest fetched on first use. Outside the
 * draft store: it is server state, not part of the definition or of undo.
 */
import type { ConnectorManifest } from '@tessera/core';
import { useEffect } from 'react';
import { create } from 'zustand';
import { connectorsApi, type ConnectorItem } from './connectors.api';
import { pickVersion } from './version-range';

interface CatalogueState {
  items: ConnectorItem[] | null;
  error: string | null;
  /** By `name@version`; a promise while it loads. */
  manifests: Record<string, ConnectorManifest>;
  reload(): Promise<ConnectorItem[]>;
  /** Loads the list if it was never loaded. */
  ensure(): Promise<void>;
  manifest(name: string, version: string): Promise<ConnectorManifest>;
  /** Puts a manifest in without fetching (tests, a manifest just installed). */
  seed(items: ConnectorItem[], manifests?: ConnectorManifest[]): void;
}

const key = (name: string, version: string) => `${name}@${version}`;
const loading = new Map<string, Promise<ConnectorManifest>>();
let listing: Promise<ConnectorItem[]> | null = null;

export const useCatalogue = create<CatalogueState>((set, get) => ({
  items: null,
  error: null,
  manifests: {},
  async reload() {
    listing = connectorsApi.list();
    try {
      const items = await listing;
      set({ items, error: null });
      return items;
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
      throw err;
    } finally {
      listing = null;
    }
  },
  async ensure() {
    if (get().items) return;
    await (listing ?? get().reload()).catch(() => undefined);
  },
  async manifest(name, version) {
    const k = key(name, version);
    const known = get().manifests[k];
    if (known) return known;
    let p = loading.get(k);
    if (!p) {
      p = connectorsApi.get(name, version);
      loading.set(k, p);
    }
    try {
      const m = await p;
      set((s) => ({ manifests: { ...s.manifests, [k]: m } }));
      return m;
    } finally {
      loading.delete(k);
    }
  },
  seed(items, manifests = []) {
    set((s) => ({
      items,
      manifests: { ...s.manifests, ...Object.fromEntries(manifests.map((m) => [key(m.name, m.version), m])) },
    }));
  },
}));

/**
 * The manifest a connection's `name@range` uses, loading it when needed: `undefined` while it
 * loads, `null` when no installed version fits.
 */
export function useManifest(ref: string | undefined): ConnectorManifest | null | undefined {
  const items = useCatalogue((s) => s.items);
  const item = items ? pickVersion(items, ref) : undefined;
  const manifest = useCatalogue((s) => (item ? s.manifests[key(item.name, item.version)] : undefined));
  useEffect(() => {
    void useCatalogue.getState().ensure();
  }, []);
  useEffect(() => {
    if (item && !manifest)
      void useCatalogue
        .getState()
        .manifest(item.name, item.version)
        .catch(() => undefined);
  }, [item, manifest]);
  if (!items) return undefined;
  if (!item) return null;
  return manifest;
}
