import fs from 'node:fs';
import path from 'node:path';
import type { Draft } from '../definition/draft.types';
import { validateDefinition } from '../validate/definition.validator';
import { fieldsRead } from './expression-rename';
import { mapRefPath } from './ref-path';
import { withRenamedComponent, withRenamedEntity, withRenamedField, withRenamedPage, withRenamedRole } from './rename-ids';

const b2b = (): Draft => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../examples/b2b-sales/app.json'), 'utf8')) as Draft;

type Args = Record<string, string>;
const RENAMES = {
  renameField: (d: Draft, a: Args) => withRenamedField(d, a.entityId, a.fieldId, a.id),
  renameEntity: (d: Draft, a: Args) => withRenamedEntity(d, a.entityId, a.id),
  renameRole: (d: Draft, a: Args) => withRenamedRole(d, a.roleId, a.id),
  renamePage: (d: Draft, a: Args) => withRenamedPage(d, a.pageId, a.id),
  renameComponent: (d: Draft, a: Args) => withRenamedComponent(d, a.componentId, a.id),
};

/** Renames applied one after another, named as the builder's commands that call them. */
function editing(def: Draft) {
  let current = def;
  return {
    rename(name: keyof typeof RENAMES, args: Args) {
      current = RENAMES[name](current, args);
    },
    get definition() {
      return current;
    },
  };
}

const issuesOf = (def: Draft) => {
  const r = validateDefinition(def);
  return r.ok ? [] : r.errors;
};

// Renaming inside expressions is core's renameField (expressions/expression.rename.test.ts); here what renames read.
describe('fieldsRead', () => {
  it('lists the fields an expression reads from the record', () => {
    expect(fieldsRead("firstName & ' ' & lastName & company.name")).toEqual(['firstName', 'lastName', 'company']);
  });
});

describe('mapRefPath', () => {
  it('rewrites array items, nested keys and object keys, and shares what did not change', () => {
    const props = { columns: [{ field: 'a' }, { field: 'b' }], metric: { field: 'a' }, values: { a: 1, b: 2 } };
    const swap = (v: unknown) => (v === 'a' ? 'z' : v);
    const cols = mapRefPath(props, 'columns.*.field', swap) as typeof props;
    expect(cols.columns).toEqual([{ field: 'z' }, { field: 'b' }]);
    expect(cols.columns[1]).toBe(props.columns[1]);
    expect((mapRefPath(props, 'metric.field', swap) as typeof props).metric).toEqual({ field: 'z' });
    expect(Object.keys((mapRefPath(props, 'values.{}', swap) as typeof props).values)).toEqual(['z', 'b']);
    expect(mapRefPath(props, 'missing.field', swap)).toBe(props);
  });
});

describe('renaming on the B2B sales example', () => {
  it('starts valid', () => {
    expect(issuesOf(b2b())).toEqual([]);
  });

  it('renames every field of every entity, one at a time, and the definition still validates', () => {
    for (const entity of b2b().entities) {
      for (const field of entity.fields) {
        const original = b2b();
        const edit = editing(original);
        edit.rename('renameField', { entityId: entity.id, fieldId: field.id, id: `${field.id}Renamed` });
        const after = edit.definition;
        expect({ field: `${entity.id}.${field.id}`, issues: issuesOf(after) }).toEqual({ field: `${entity.id}.${field.id}`, issues: [] });
        // The validator does not check the names expressions read: no computed field may still read the old one.
        const computed = after.entities.find((e) => e.id === entity.id)!.fields.filter((f) => f.type === 'computed');
        for (const f of computed) expect(fieldsRead((f.expression as { $expr: string }).$expr)).not.toContain(field.id);
        // The input is left as it was (the builder's undo keeps it by reference).
        expect(original).toEqual(b2b());
      }
    }
  });

  it('follows the references of opportunity.stage and opportunity.amount wherever they are', () => {
    const edit = editing(b2b());
    edit.rename('renameField', { entityId: 'opportunity', fieldId: 'stage', id: 'phase' });
    edit.rename('renameField', { entityId: 'opportunity', fieldId: 'amount', id: 'value' });
    const def = edit.definition;
    const json = JSON.stringify(def);
    const opportunity = def.entities.find((e) => e.id === 'opportunity')!;
    expect(opportunity.indexes).toEqual([{ fields: ['phase', 'closeDate'] }]);
    expect(opportunity.fields.find((f) => f.id === 'expectedRevenue')!.expression).toEqual({ $expr: 'value * probability / 100' });
    // company.openPipeline sums opportunity.amount, filtered by stage.
    expect(def.entities.find((e) => e.id === 'company')!.fields.find((f) => f.id === 'openPipeline')).toMatchObject({
      field: 'value',
      filter: { phase: { $nin: ['won', 'lost'] } },
    });
    const pipeline = def.pages.find((p) => p.id === 'pipeline')!.components[0];
    expect(pipeline.props).toMatchObject({ groupBy: 'phase', cardFields: ['company', 'value', 'closeDate', 'owner'] });
    expect(json).toContain('"x":"phase"');
    expect(json).toContain('"metric":{"op":"sum","field":"value"}');
    expect(json).not.toMatch(/"stage"|"amount"/); // other entities have no field called so
    expect(issuesOf(def)).toEqual([]);
  });

  it('renames the owner field: ownerField, permissions and columns follow', () => {
    const edit = editing(b2b());
    edit.rename('renameField', { entityId: 'contact', fieldId: 'owner', id: 'assignee' });
    const def = edit.definition;
    const contact = def.entities.find((e) => e.id === 'contact')!;
    expect(contact.ownerField).toBe('assignee');
    expect(contact.permissions!.find((p) => p.role === 'rep')!.fields).toEqual({ assignee: 'readonly' });
    expect(contact.indexes).toContainEqual({ fields: ['assignee', 'lastName'] });
    // Other entities' owner fields are not this one.
    expect(def.entities.find((e) => e.id === 'company')!.ownerField).toBe('owner');
    expect(issuesOf(def)).toEqual([]);
  });

  it('renames every entity: relations, rollups and sources follow, and it still validates', () => {
    for (const entity of b2b().entities) {
      const edit = editing(b2b());
      edit.rename('renameEntity', { entityId: entity.id, id: `${entity.id}Renamed` });
      expect({ entity: entity.id, issues: issuesOf(edit.definition) }).toEqual({ entity: entity.id, issues: [] });
    }
    const edit = editing(b2b());
    edit.rename('renameEntity', { entityId: 'opportunity', id: 'deal' });
    const def = edit.definition;
    expect(def.entities.find((e) => e.id === 'activity')!.fields.find((f) => f.id === 'opportunity')).toMatchObject({ to: 'deal' });
    expect(def.entities.find((e) => e.id === 'company')!.fields.find((f) => f.id === 'openPipeline')).toMatchObject({ entity: 'deal' });
    expect(def.pages.find((p) => p.id === 'pipeline')!.components[0].source!.entity).toBe('deal');
  });

  it('renames a page: the menu and the links of tables and forms follow', () => {
    const edit = editing(b2b());
    edit.rename('renamePage', { pageId: 'contactEdit', id: 'contactPage' });
    edit.rename('renamePage', { pageId: 'contacts', id: 'people' });
    const def = edit.definition;
    expect(JSON.stringify(def.navigation)).toContain('"page":"people"');
    expect(def.pages.find((p) => p.id === 'people')!.components[0].props!.rowLink).toBe('contactPage');
    expect(def.pages.find((p) => p.id === 'contactNew')!.components[0].props!.afterSubmit).toBe('people');
    expect(issuesOf(def)).toEqual([]);
  });

  it('renames a role: every permission naming it follows', () => {
    const edit = editing(b2b());
    edit.rename('renameRole', { roleId: 'rep', id: 'salesRep' });
    const def = edit.definition;
    expect(
      def.entities.every((e) => e.permissions!.some((p) => p.role === 'salesRep') && !e.permissions!.some((p) => p.role === 'rep')),
    ).toBe(true);
    expect(issuesOf(def)).toEqual([]);
  });

  it('follows the refs workflow triggers and nodes declare (entity, fields, filter, values keys, role, form)', () => {
    const def = b2b();
    def.workflows = [
      {
        id: 'followUp',
        name: 'Follow up',
        trigger: { type: 'record.updated', config: { entity: 'opportunity', fields: ['stage'], filter: { stage: 'won' } } },
        nodes: [
          {
            id: 'note',
            type: 'record.update',
            config: { entity: 'opportunity', recordId: { $expr: 'trigger.record.id' }, values: { stage: 'won', probability: 100 } },
          },
          { id: 'ask', type: 'approval', config: { role: 'manager', title: 'Close it?' } },
        ],
        edges: [{ id: 'e1', source: 'note', target: 'ask' }],
      },
      {
        id: 'onNew',
        name: 'On new contact',
        trigger: { type: 'form.submit', config: { component: 'contactCreateForm' } },
        nodes: [],
        edges: [],
      },
    ];
    expect(issuesOf(def)).toEqual([]);
    const edit = editing(def);
    edit.rename('renameField', { entityId: 'opportunity', fieldId: 'stage', id: 'phase' });
    edit.rename('renameEntity', { entityId: 'opportunity', id: 'deal' });
    edit.rename('renameRole', { roleId: 'manager', id: 'lead' });
    edit.rename('renameComponent', { componentId: 'contactCreateForm', id: 'newContactForm' });
    const after = edit.definition;
    expect(after.workflows).toEqual([
      expect.objectContaining({
        trigger: { type: 'record.updated', config: { entity: 'deal', fields: ['phase'], filter: { phase: 'won' } } },
        nodes: [
          {
            id: 'note',
            type: 'record.update',
            config: { entity: 'deal', recordId: { $expr: 'trigger.record.id' }, values: { phase: 'won', probability: 100 } },
          },
          { id: 'ask', type: 'approval', config: { role: 'lead', title: 'Close it?' } },
        ],
      }),
      expect.objectContaining({ trigger: { type: 'form.submit', config: { component: 'newContactForm' } } }),
    ]);
    expect(issuesOf(after)).toEqual([]);
  });

  it('refuses a taken or malformed id with a clear error and changes nothing', () => {
    const edit = editing(b2b());
    const before = edit.definition;
    expect(() => edit.rename('renameField', { entityId: 'contact', fieldId: 'email', id: 'phone' })).toThrow(
      'field id "phone" is already used',
    );
    expect(() => edit.rename('renameEntity', { entityId: 'contact', id: 'my contact' })).toThrow(/not a valid entity id/);
    expect(() => edit.rename('renameRole', { roleId: 'rep', id: 'manager' })).toThrow('role id "manager" is already used');
    expect(() => edit.rename('renameField', { entityId: 'ghost', fieldId: 'a', id: 'b' })).toThrow('entity "ghost" not found');
    expect(() => edit.rename('renameComponent', { componentId: 'ghost', id: 'b' })).toThrow('component "ghost" not found');
    expect(edit.definition).toBe(before);
  });
});
