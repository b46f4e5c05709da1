import type { CollectionSpec, Store } from '@tessera/core/store';

/**
 * The CSV of an import, kept in the store while the import runs, so that any process sharing
 * the store can resume the job after its first runner died or was stopped (import-jobs.ts).
 * Stored in pieces: one store document stays small on every adapter (MongoDB's limit is 16 MB,
 * an import up to 50 MB), and written in one transaction before the import is acknowledged.
 * Each piece expires with the job's longest life, so a file whose job was never finished (its
 * last runner died for good) does not stay forever.
 */
export const IMPORT_FILES = '_import_files';

export const IMPORT_FILES_COLLECTION: CollectionSpec = {
  name: IMPORT_FILES,
  fields: [
    { name: 'file', kind: 'string', indexed: true },
    { name: 'expiresAt', kind: 'date', indexed: true },
  ],
  expireField: 'expiresAt',
};

/** Characters per piece (at most 4 bytes each in UTF-8: 2 MB). */
export const PIECE_CHARS = 512 * 1024;
const DAY = 24 * 3600_000;

/** Cuts `text` into pieces that never split a surrogate pair (a piece is valid UTF-16 text on its own). */
export function pieces(text: string, size = PIECE_CHARS): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate stays with its pair
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

export async function saveImportFile(store: Store, file: string, text: string, now: number, keepMs = DAY): Promise<void> {
  const expiresAt = new Date(now + keepMs).toISOString();
  const docs = pieces(text).map((piece, n) => ({ id: `${file}:${n}`, file, n, piece, expiresAt }));
  await store.transaction(async (tx) => {
    if (docs.length) await tx.collection(IMPORT_FILES).insertMany(docs);
  });
}

/** The file as saved; null when it is gone (finished, expired, or never saved). */
export async function loadImportFile(store: Store, file: string): Promise<string | null> {
  const parts: string[] = [];
  for (let n = 0; ; n++) {
    const doc = await store.collection(IMPORT_FILES).get(`${file}:${n}`);
    if (!doc) break;
    parts.push(doc.piece as string);
  }
  return parts.length ? parts.join('') : null;
}

export async function dropImportFile(store: Store, file: string): Promise<void> {
  await store.collection(IMPORT_FILES).deleteMany({ file });
}
