import type { AppDefinition } from '@tessera/core';
import type { StoredDoc } from '@tessera/core/store';
import { NotFound } from '../../domain-errors';
import type { Apps } from '../apps';
import type { Records } from '../../records/records';

/**
 * What a shared feed needs from the platform to deliver a change another process made: the
 * definition the app is served with here, and the record as the records API returns it.
 */
export interface ChangeContext {
  /**
   * The app's published definition and the records with computed fields and rollups (unless
   * `enrich` is false), or null when the app is no longer published or has no such entity.
   */
  resolve(
    appId: string,
    entity: string,
    records: StoredDoc[],
    enrich: boolean,
  ): Promise<{ definition: AppDefinition; records: StoredDoc[] } | null>;
  /** Another process published the app: re-read its definition before open pages reload. */
  published(appId: string): Promise<void>;
  /** Every app id (MongoDB change events name collections, not apps). */
  appIds(): Promise<string[]>;
}

/** The platform's ChangeContext; `records` is a getter because Records is built with the feed. */
export function platformChangeContext(apps: Apps, records: () => Records): ChangeContext {
  return {
    async resolve(appId, entity, docs, enrich) {
      let target;
      try {
        target = await records().target(appId, entity);
      } catch (err) {
        if (err instanceof NotFound) return null;
        throw err;
      }
      return { definition: target.definition, records: enrich ? await records().enrich(target, docs) : docs };
    },
    async published(appId) {
      await apps.getPublished(appId, { fresh: true });
    },
    async appIds() {
      return (await apps.list()).map((a) => a.id);
    },
  };
}
