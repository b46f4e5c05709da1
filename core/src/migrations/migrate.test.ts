import { describe, expect, it } from '@jest/globals';
import { migrateDefinition } from './migrate';
import { defineMigrations } from './migration';
import { migrations } from './migrations.index';

describe('migrateDefinition', () => {
  const steps = defineMigrations([
    { from: 1, to: 2, migrate: (d) => ({ ...d, renamed: d.old, old: undefined }) },
    { from: 2, to: 3, migrate: (d) => ({ ...d, three: true }) },
  ]);

  it('applies every step in order and stamps the new version', () => {
    const r = migrateDefinition({ schemaVersion: 1, old: 'x' }, steps, 3);
    expect(r).toEqual({ ok: true, definition: { schemaVersion: 3, renamed: 'x', old: undefined, three: true } });
  });

  it('leaves a current document alone', () => {
    expect(migrateDefinition({ schemaVersion: 1, id: 'a' }, migrations)).toEqual({ ok: true, definition: { schemaVersion: 1, id: 'a' } });
  });

  it.each([
    [{}, 'missing schemaVersion (the current version is 1)'],
    [{ schemaVersion: '1' }, 'schemaVersion must be a positive integer (the current version is 1)'],
    [{ schemaVersion: 0 }, 'schemaVersion must be a positive integer (the current version is 1)'],
    [{ schemaVersion: 7 }, 'schemaVersion 7 is newer than this platform supports (1); upgrade Tessera to open it'],
  ])('refuses %j', (doc, message) => {
    expect(migrateDefinition(doc, migrations)).toEqual({ ok: false, errors: [{ pointer: '/schemaVersion', message }] });
  });

  it('reports a gap in the chain', () => {
    expect(migrateDefinition({ schemaVersion: 1 }, [], 2)).toEqual({
      ok: false,
      errors: [{ pointer: '/schemaVersion', message: 'no migration from schemaVersion 1 to 2' }],
    });
  });

  it('refuses a malformed registry', () => {
    const m = (d: Record<string, unknown>) => d;
    expect(() => defineMigrations([{ from: 1, to: 3, migrate: m }])).toThrow('migration 1 -> 3 must go to 2');
    expect(() =>
      defineMigrations([
        { from: 1, to: 2, migrate: m },
        { from: 1, to: 2, migrate: m },
      ]),
    ).toThrow('registered twice');
  });
});
