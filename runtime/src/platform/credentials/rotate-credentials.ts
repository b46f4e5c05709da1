import { VersionConflictError, type Store } from '@tessera/core/store';
import type { Credentials } from './credentials';
import { sealedFields } from './credentials';
import { CREDENTIALS, type CredentialDoc } from './credentials-collection';

export interface RotationProgress {
  /** Re-encrypted so far in this run. */
  done: number;
  /** Credentials under another key than the primary when the run began. */
  total: number;
}

export interface RotationResult extends RotationProgress {
  /** Credentials that could not be decrypted (damaged, or their key is not configured): left as they are. */
  failed: Array<{ appId: string; ref: string; reason: string }>;
  /** Key ids still used by stored credentials besides the primary (empty: the old keys can be removed). */
  stillUsed: string[];
}

/**
 * Re-encrypts every credential that is not under the primary key, `batchSize` per transaction,
 * reporting progress after each batch. Resumable: it selects by key id, so a run that was cut
 * short (or one that finds new writes under an old key by a runtime not yet restarted) does what
 * is left. A credential changed while its batch runs (a token refresh) is written with its
 * stored version, so the newer value wins and the next pass re-encrypts it.
 */
export async function rotateCredentials(
  store: Store,
  credentials: Credentials,
  options: { batchSize?: number; onProgress?: (p: RotationProgress) => void } = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 100;
  const primary = credentials.keyring.primaryId;
  const coll = store.collection(CREDENTIALS);
  const stale = { keyId: { $ne: primary } };
  const total = await coll.count(stale);
  const failed: RotationResult['failed'] = [];
  let done = 0;
  // Keyset order by id: what was re-encrypted leaves the selection, what failed is passed.
  let after = '';
  for (;;) {
    const page = await coll.find({ filter: { ...stale, id: { $gt: after } }, sort: [{ field: 'id', dir: 'asc' }], limit: batchSize });
    if (!page.items.length) break;
    await store.transaction(async (tx) => {
      for (const doc of page.items as CredentialDoc[]) {
        let secret;
        try {
          secret = credentials.decrypt(doc);
        } catch (err) {
          failed.push({ appId: doc.appId, ref: doc.ref, reason: (err as Error).message });
          continue;
        }
        try {
          await tx
            .collection(CREDENTIALS)
            .update(doc.id, sealedFields(credentials.keyring, doc.appId, doc.ref, secret), { expectedVersion: doc.version });
          done++;
        } catch (err) {
          if (!(err instanceof VersionConflictError)) throw err;
        }
      }
    });
    after = page.items[page.items.length - 1].id;
    options.onProgress?.({ done, total });
  }
  const used = await coll.aggregate({ filter: stale, groupBy: ['keyId'], metrics: [{ op: 'count', as: 'n' }] });
  return { done, total, failed, stillUsed: used.map((r) => String(r.keyId)) };
}
