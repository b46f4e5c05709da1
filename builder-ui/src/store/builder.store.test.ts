import { createBuilderStore, type BuilderStore } from './builder.store';
import { labelFromExpression } from './commands/computed-column.commands';
import { findComponent } from './component-tree';
import { sampleDraft } from './test-fixtures';

function setup(): BuilderStore {
  const store = createBuilderStore();
  store.getState().load('shop', sampleDraft(), 1);
  return store;
}
const def = (s: BuilderStore) => s.getState().definition!;
const entity = (s: BuilderStore, id: string) => def(s).entities.find((e) => e.id === id)!;
const page = (s: BuilderStore) => def(s).pages[0];

describe('entity commands', () => {
  it('addEntity adds a valid entity with a name field and selects it', () => {
    const s = setup();
    s.getState().dispatch('addEntity', { label: 'Customer' });
    expect(entity(s, 'customer').fields.map((f) => f.id)).toEqual(['name']);
    expect(s.getState().selection).toEqual({ kind: 'entity', entityId: 'customer' });
    expect(s.getState().lastCommand).toBe('addEntity');
  });

  it('addField uses the type scaffold and a unique id; updateField, setField, moveField, removeField', () => {
    const s = setup();
    const st = s.getState();
    st.dispatch('addField', { entityId: 'order', type: 'enum', label: 'Channel' });
    st.dispatch('addField', { entityId: 'order', type: 'boolean', label: 'Total' });
    expect(entity(s, 'order').fields.map((f) => f.id)).toEqual(['number', 'total', 'channel', 'total2']);
    expect(entity(s, 'order').fields[2].options).toHaveLength(2);
    st.dispatch('updateField', { entityId: 'order', fieldId: 'channel', patch: { required: true, label: undefined } });
    expect(entity(s, 'order').fields[2]).toMatchObject({ id: 'channel', required: true });
    expect(entity(s, 'order').fields[2]).not.toHaveProperty('label');
    st.dispatch('setField', { entityId: 'order', fieldId: 'total2', field: { id: 'vip', type: 'boolean' } });
    expect(s.getState().selection).toEqual({ kind: 'entity', entityId: 'order', fieldId: 'vip' });
    st.dispatch('moveField', { entityId: 'order', from: 3, to: 0 });
    expect(entity(s, 'order').fields[0].id).toBe('vip');
    st.dispatch('removeField', { entityId: 'order', fieldId: 'vip' });
    expect(entity(s, 'order').fields.map((f) => f.id)).toEqual(['number', 'total', 'channel']);
  });

  it('updateEntity renames and follows relation references; removeEntity', () => {
    const s = setup();
    s.getState().dispatch('addEntity', { label: 'Customer' });
    s.getState().dispatch('addRelation', { fromEntityId: 'customer', toEntityId: 'order', many: true });
    expect(entity(s, 'customer').fields[1]).toMatchObject({ id: 'order', type: 'relation', to: 'order', many: true });
    s.getState().dispatch('updateEntity', { entityId: 'order', patch: { id: 'purchase' } });
    expect(entity(s, 'customer').fields[1].to).toBe('purchase');
    s.getState().dispatch('removeEntity', { entityId: 'customer' });
    expect(def(s).entities.map((e) => e.id)).toEqual(['purchase']);
  });

  it('indexes: add, update, remove', () => {
    const s = setup();
    s.getState().dispatch('addIndex', { entityId: 'order', index: { fields: ['number'], unique: true } });
    s.getState().dispatch('updateIndex', { entityId: 'order', at: 0, index: { fields: ['number', 'total'] } });
    expect(entity(s, 'order').indexes).toEqual([{ fields: ['number', 'total'] }]);
    s.getState().dispatch('removeIndex', { entityId: 'order', at: 0 });
    expect(entity(s, 'order').indexes).toEqual([]);
  });
});

describe('page commands', () => {
  it('addComponent binds a data component to the entity it is given and fills its columns from the schema', () => {
    const s = setup();
    s.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
    const table = page(s).components[0];
    expect(table).toMatchObject({ id: 'table', type: 'table', source: { kind: 'entity', entity: 'order' } });
    expect(table.props!.columns).toEqual([{ field: 'number' }, { field: 'total' }]);
    expect(s.getState().selection).toEqual({ kind: 'page', pageId: 'home', componentId: 'table' });
  });

  it('addComponent never guesses the first entity: without one and without context it stays unbound', () => {
    const s = setup();
    s.getState().dispatch('addComponent', { pageId: 'home', type: 'table' });
    expect(page(s).components[0].source).toEqual({ kind: 'entity', entity: '' });
    s.getState().validateNow();
    expect(s.getState().issues.byComponent.get('table')).toHaveLength(1);
    expect(() => s.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'nope' })).toThrow(
      'entity "nope" not found',
    );
  });

  it('a data component dropped from the palette asks for its entity, proposing the one of its container or page', () => {
    const s = setup();
    s.getState().dispatch('addEntity', { label: 'Customer' });
    // Nothing bound on the page yet: no proposal, nothing added until the consultant chooses.
    s.getState().requestAdd({ pageId: 'home', type: 'table' });
    expect(s.getState().pendingAdd).toEqual({ pageId: 'home', type: 'table', entityId: undefined });
    expect(page(s).components).toEqual([]);
    s.getState().resolveAdd('customer');
    expect(s.getState().pendingAdd).toBeNull();
    expect(page(s).components[0].source!.entity).toBe('customer');
    // The page is about customers now: a second drop proposes customer; a card bound to order proposes order inside it.
    s.getState().requestAdd({ pageId: 'home', type: 'form', index: 0 });
    expect(s.getState().pendingAdd!.entityId).toBe('customer');
    s.getState().resolveAdd(null); // cancelled: nothing added
    expect(page(s).components).toHaveLength(1);
    s.getState().requestAdd({ pageId: 'home', type: 'card' }); // no entity needed: added at once
    s.getState().dispatch('setSource', { componentId: 'card', source: { kind: 'entity', entity: 'order' } });
    s.getState().requestAdd({ pageId: 'home', type: 'detail', parentId: 'card' });
    expect(s.getState().pendingAdd!.entityId).toBe('order');
    s.getState().resolveAdd('order');
    expect(findComponent(page(s).components, 'detail')).toMatchObject({
      source: { kind: 'entity', entity: 'order' },
      props: { fields: [{ field: 'number' }, { field: 'total' }] },
    });
    // One undo step per added component; the choice itself is not history.
    s.temporal.getState().undo();
    expect(findComponent(page(s).components, 'detail')).toBeUndefined();
  });

  it('nests into containers, reorders, moves out, keeps tab labels in step and removes', () => {
    const s = setup();
    const st = s.getState();
    st.dispatch('addComponent', { pageId: 'home', type: 'row' });
    st.dispatch('addComponent', { pageId: 'home', type: 'text', parentId: 'row' });
    st.dispatch('addComponent', { pageId: 'home', type: 'form', parentId: 'row', index: 0 });
    expect(page(s).components[0].children!.map((c) => c.id)).toEqual(['form', 'text']);
    st.dispatch('moveComponent', { componentId: 'form', parentId: 'row', index: 2 });
    expect(page(s).components[0].children!.map((c) => c.id)).toEqual(['text', 'form']);
    st.dispatch('moveComponent', { componentId: 'form', parentId: null, index: 0 });
    expect(page(s).components.map((c) => c.id)).toEqual(['form', 'row']);
    st.dispatch('moveComponent', { componentId: 'row', parentId: 'row', index: 0 }); // into itself: ignored
    expect(page(s).components.map((c) => c.id)).toEqual(['form', 'row']);
    st.dispatch('addComponent', { pageId: 'home', type: 'tabs' });
    st.dispatch('moveComponent', { componentId: 'text', parentId: 'tabs', index: 1 });
    const tabs = findComponent(page(s).components, 'tabs')!;
    expect(tabs.props!.tabs).toEqual([{ label: 'Tab 1' }, { label: 'Tab 2' }]);
    st.dispatch('removeComponent', { componentId: 'text' });
    expect(findComponent(page(s).components, 'tabs')!.props!.tabs).toEqual([{ label: 'Tab 1' }]);
  });

  it('bindEntity re-binds and refills stale field lists', () => {
    const s = setup();
    s.getState().dispatch('addEntity', { label: 'Customer' });
    s.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
    s.getState().dispatch('setSource', { componentId: 'table', source: { kind: 'entity', entity: 'order', filter: { total: 1 } } });
    s.getState().dispatch('bindEntity', { componentId: 'table', entityId: 'customer' });
    expect(page(s).components[0].source).toEqual({ kind: 'entity', entity: 'customer' });
    expect(page(s).components[0].props!.columns).toEqual([{ field: 'name' }]);
    s.getState().dispatch('bindEntity', { componentId: 'table', entityId: 'order' });
    expect(page(s).components[0].props!.columns).toEqual([{ field: 'number' }, { field: 'total' }]);
  });

  it('setProp, setProps, setSource, renameComponent, pages', () => {
    const s = setup();
    const st = s.getState();
    st.dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
    st.dispatch('setProp', { componentId: 'table', key: 'pageSize', value: 10 });
    expect(page(s).components[0].props!.pageSize).toBe(10);
    st.dispatch('setProps', { componentId: 'table', props: { columns: [{ field: 'total' }] } });
    expect(page(s).components[0].props).toEqual({ columns: [{ field: 'total' }] });
    st.dispatch('setSource', { componentId: 'table', source: { kind: 'entity', entity: 'order', filter: { total: { $gte: 10 } } } });
    expect(page(s).components[0].source!.filter).toEqual({ total: { $gte: 10 } });
    st.dispatch('renameComponent', { componentId: 'table', id: 'orders' });
    expect(page(s).components[0].id).toBe('orders');
    st.dispatch('addPage', { title: 'Customer list' });
    expect(def(s).pages[1]).toMatchObject({ id: 'customerList', route: '/customer-list' });
    st.dispatch('updatePage', { pageId: 'customerList', patch: { title: 'Customers' } });
    st.dispatch('removePage', { pageId: 'customerList' });
    expect(def(s).pages).toHaveLength(1);
  });

  it('addComputedColumn adds a computed field and its column in one undoable step', () => {
    const s = setup();
    s.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
    s.getState().dispatch('addComputedColumn', {
      componentId: 'table',
      listKey: 'columns',
      label: 'Total with tax',
      expression: 'total * 1.2',
    });
    expect(entity(s, 'order').fields[2]).toMatchObject({ id: 'totalWithTax', type: 'computed', expression: { $expr: 'total * 1.2' } });
    expect(page(s).components[0].props!.columns).toEqual([{ field: 'number' }, { field: 'total' }, { field: 'totalWithTax' }]);
    s.temporal.getState().undo();
    expect(entity(s, 'order').fields).toHaveLength(2);
    expect(page(s).components[0].props!.columns).toHaveLength(2);
  });

  it('a computed column is named by the consultant, or after its expression read with field labels', () => {
    const s = setup();
    s.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
    s.getState().dispatch('addComputedColumn', {
      componentId: 'table',
      listKey: 'columns',
      expression: '$round(total * 1.2, 2)',
      resultType: 'number',
    });
    expect(entity(s, 'order').fields[2]).toMatchObject({ id: 'roundTotal122', label: 'round(Total * 1.2, 2)', resultType: 'number' });
    s.getState().dispatch('addComputedColumn', { componentId: 'table', listKey: 'columns', expression: 'number', label: '  ' });
    expect(entity(s, 'order').fields[3]).toMatchObject({ id: 'number2', label: 'Number', resultType: 'text' });
    expect(labelFromExpression("$uppercase(number) & ' — ' & $string(total) & ' and a long tail that goes on'", entity(s, 'order'))).toBe(
      "uppercase(Number) & ' — ' & string(Tota…",
    );
  });

  it('replaceDefinition swaps the document in one step and keeps the app id', () => {
    const s = setup();
    s.getState().dispatch('replaceDefinition', { definition: { ...sampleDraft(), id: 'other', name: 'Renamed' } });
    expect(def(s)).toMatchObject({ id: 'shop', name: 'Renamed' });
    s.getState().dispatch('setAppInfo', { patch: { description: 'x' } });
    expect(def(s).description).toBe('x');
  });
});

describe('undo / redo', () => {
  it('undoes and redoes commands by name; load clears history', () => {
    const s = setup();
    const t = s.temporal.getState;
    s.getState().dispatch('addEntity', { label: 'Customer' });
    s.getState().dispatch('addField', { entityId: 'customer', type: 'phone' });
    expect(t().pastStates).toHaveLength(2);
    t().undo();
    expect(entity(s, 'customer').fields).toHaveLength(1);
    expect(s.getState().lastCommand).toBe('addEntity');
    t().undo();
    expect(def(s).entities).toHaveLength(1);
    t().redo();
    t().redo();
    expect(entity(s, 'customer').fields).toHaveLength(2);
    s.getState().load('shop', sampleDraft(), 2);
    expect(t().pastStates).toHaveLength(0);
  });

  it('selection changes are not history; typing bursts coalesce into one step', () => {
    const s = setup();
    s.getState().select({ kind: 'entity', entityId: 'order' });
    expect(s.temporal.getState().pastStates).toHaveLength(0);
    for (const label of ['O', 'Or', 'Ord']) {
      s.getState().dispatch('updateEntity', { entityId: 'order', patch: { label } }, { coalesce: 'order.label' });
    }
    expect(s.temporal.getState().pastStates).toHaveLength(1);
    s.temporal.getState().undo();
    expect(entity(s, 'order').label).toBe('Order');
  });

  it('keeps at most the history limit', () => {
    const s = setup();
    for (let i = 0; i < 205; i++) s.getState().dispatch('setAppInfo', { patch: { description: `d${i}` } });
    expect(s.temporal.getState().pastStates.length).toBe(200);
  });
});

describe('validation mapping', () => {
  it('maps a table bound to a deleted field to the component, and fixing clears it', () => {
    const s = setup();
    s.getState().dispatch('addComponent', { pageId: 'home', type: 'row' });
    s.getState().dispatch('addComponent', { pageId: 'home', type: 'table', parentId: 'row', entityId: 'order' });
    s.getState().validateNow();
    expect(s.getState().issues.all).toEqual([]);
    s.getState().dispatch('removeField', { entityId: 'order', fieldId: 'total' });
    s.getState().validateNow();
    const issues = s.getState().issues;
    expect(issues.byComponent.get('table')?.[0].message).toMatch(/total/);
    expect(issues.byComponent.get('table')?.[0].target).toEqual({ screen: 'pages', pageId: 'home', componentId: 'table' });
    expect(issues.byPage.get('home')).toHaveLength(1);
    s.temporal.getState().undo();
    s.getState().validateNow();
    expect(s.getState().issues.all).toEqual([]);
  });

  it('maps field-level schema errors to the entity and field', () => {
    const s = setup();
    s.getState().dispatch('updateField', { entityId: 'order', fieldId: 'total', patch: { currency: 'dollars' } });
    s.getState().validateNow();
    const issues = s.getState().issues;
    expect(issues.byField.get('order/total')?.length).toBeGreaterThan(0);
    expect(issues.byEntity.get('order')?.length).toBeGreaterThan(0);
  });
});
