/** Brings a document of any supported schemaVersion to the current one. */
import { CURRENT_SCHEMA_VERSION, type Doc, type Migration, type MigrationResult } from './migration';
import { migrations as registered } from './migrations.index';

const fail = (message: string): MigrationResult => ({ ok: false, errors: [{ pointer: '/schemaVersion', message }] });

/** Applies the migrations in order. Returns a new document when a step ran, else `doc` itself (callers pass a copy). */
export function migrateDefinition(doc: Doc, migrations: Migration[] = registered, current = CURRENT_SCHEMA_VERSION): MigrationResult {
  const version = doc.schemaVersion;
  if (version === undefined) return fail(`missing schemaVersion (the current version is ${current})`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(`schemaVersion must be a positive integer (the current version is ${current})`);
  }
  if (version > current) {
    return fail(`schemaVersion ${version} is newer than this platform supports (${current}); upgrade Tessera to open it`);
  }
  let out = doc;
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return fail(`no migration from schemaVersion ${v} to ${v + 1}`);
    out = { ...step.migrate(out), schemaVersion: step.to };
  }
  return { ok: true, definition: out };
}
