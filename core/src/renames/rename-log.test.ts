import { composeRenames, entityIdsOf, logRename, reconcileRenames, renamesToPublish, sameRename } from './rename-log';
import { parseRenameSpec } from './rename-spec';

const published = { entities: [{ id: 'order', fields: [{ id: 'number' }, { id: 'total' }] }] };

describe('the rename log rules', () => {
  it('composes a list made in order, and a composed log composes to itself', () => {
    const made = [
      { entity: 'order', from: 'number', to: 'code' },
      { entity: 'order', from: 'code', to: 'ref' },
      { from: 'order', to: 'purchase' },
      { entity: 'purchase', from: 'total', to: 'amount' },
    ];
    const log = composeRenames(made);
    expect(log).toEqual([
      { entity: 'purchase', from: 'number', to: 'ref' },
      { from: 'order', to: 'purchase' },
      { entity: 'purchase', from: 'total', to: 'amount' },
    ]);
    expect(composeRenames(log)).toEqual(log);
    // A client that read the log and adds one rename gets the composition.
    expect(composeRenames([...log, { entity: 'purchase', from: 'ref', to: 'number' }])).toEqual([
      { from: 'order', to: 'purchase' },
      { entity: 'purchase', from: 'total', to: 'amount' },
    ]);
    expect(logRename(log, { kind: 'entity', from: 'purchase', to: 'order' })).toEqual([
      { entity: 'order', from: 'number', to: 'ref' },
      { entity: 'order', from: 'total', to: 'amount' },
    ]);
  });

  it('publishes only entries whose old id is in the published version, entity renames first', () => {
    const log = [
      { entity: 'purchase', from: 'number', to: 'code' },
      { entity: 'purchase', from: 'memo', to: 'note' },
      { from: 'order', to: 'purchase' },
      { from: 'customer', to: 'client' },
    ];
    expect(renamesToPublish(log, published)).toEqual([
      { from: 'order', to: 'purchase' },
      { entity: 'purchase', from: 'number', to: 'code' },
    ]);
    expect(renamesToPublish(log, null)).toEqual([]);
  });

  it('reads the entity and field ids of a saved draft that may be malformed', () => {
    expect(entityIdsOf({ entities: [{ id: 'a', fields: [{ id: 'x' }, 7, null] }, { id: 3 }, { id: 'b' }] })).toEqual({
      entities: [
        { id: 'a', fields: [{ id: 'x' }] },
        { id: 'b', fields: [] },
      ],
    });
    expect(entityIdsOf({ entities: 'no' })).toEqual({ entities: [] });
    expect(
      reconcileRenames(
        [
          { entity: 'a', from: 'w', to: 'x' },
          { entity: 'a', from: 'y', to: 'z' },
        ],
        entityIdsOf(null),
      ),
    ).toEqual([]);
    expect(sameRename({ from: 'a', to: 'b' }, { entity: 'e', from: 'a', to: 'b' })).toBe(false);
  });

  it('parses renames written as text (CLI --rename, the JSON view)', () => {
    expect(parseRenameSpec('contact.lastName=surname')).toEqual({ entity: 'contact', from: 'lastName', to: 'surname' });
    expect(parseRenameSpec(' company = account ')).toEqual({ from: 'company', to: 'account' });
    for (const bad of ['contact.lastName', 'a.b.c=d', '1x=y', 'a=b c', '=b']) expect(() => parseRenameSpec(bad)).toThrow(/is not a rename/);
  });
});
