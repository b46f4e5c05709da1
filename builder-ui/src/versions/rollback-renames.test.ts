import type { VersionInfo } from '../api/apps.api';
import type { Draft } from '../store/draft.types';
import { applicableRollbackRenames, renamesBetween, rollbackRenames } from './rollback-renames';

const v = (version: number, migrated?: VersionInfo['migrated']): VersionInfo => ({
  version,
  note: '',
  publishedAt: '',
  publishedBy: null,
  revision: version,
  migrated,
});

describe('rollback renames', () => {
  const versions = [
    v(1),
    v(2, { entities: [], fields: [{ entity: 'contact', from: 'lastName', to: 'surname', moved: 3 }] }),
    v(3, {
      entities: [{ from: 'contact', to: 'person', moved: 3 }],
      fields: [{ entity: 'person', from: 'surname', to: 'familyName', moved: 3 }],
    }),
    v(4),
  ];

  it('inverts and composes the renames of every newer version, entity renames first', () => {
    expect(rollbackRenames(versions, 1)).toEqual([
      { from: 'person', to: 'contact' },
      { entity: 'contact', from: 'familyName', to: 'lastName' },
    ]);
    expect(rollbackRenames(versions, 2)).toEqual([
      { from: 'person', to: 'contact' },
      { entity: 'contact', from: 'familyName', to: 'surname' },
    ]);
    expect(rollbackRenames(versions, 3)).toEqual([]);
  });

  it('leaves out what no longer applies (a renamed field deleted since)', () => {
    const def = (entity: string, fields: string[]) =>
      ({
        schemaVersion: 1,
        id: 'a',
        name: 'A',
        pages: [],
        entities: [{ id: entity, label: entity, fields: fields.map((id) => ({ id, type: 'text' })) }],
      }) as unknown as Draft;
    expect(applicableRollbackRenames(versions, { version: 1, definition: def('contact', ['lastName']) }, def('person', ['other']))).toEqual(
      [{ from: 'person', to: 'contact' }],
    );
  });

  it('composes the renames between two versions, either way', () => {
    expect(renamesBetween(versions, 1, 4)).toEqual([
      { from: 'contact', to: 'person' },
      { entity: 'person', from: 'lastName', to: 'familyName' },
    ]);
    expect(renamesBetween(versions, 4, 1)).toEqual(rollbackRenames(versions, 1));
    expect(renamesBetween(versions, 3, 4)).toEqual([]);
  });
});
