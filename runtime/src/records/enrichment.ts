import { addRollups as addRollupsOf, type Entity, type RollupScope } from '@tessera/core';
import type { Store, StoredDoc } from '@tessera/core/store';
import { recordCollectionName } from '../platform/storage-plan';

export type { RollupScope } from '@tessera/core';

/**
 * Rollups for a page of records: one grouped aggregate query per rollup field for the whole page
 * (not one per record). With `scope`, only the rows the reader may read are aggregated, so a
 * rep's "contacts" count is of their own contacts, never revealing how many others have.
 */
export async function addRollups(
  store: Store,
  appId: string,
  entity: Entity,
  records: StoredDoc[],
  scope?: RollupScope,
): Promise<StoredDoc[]> {
  return addRollupsOf((id) => store.collection(recordCollectionName(appId, id)), entity, records, scope);
}
