import { createBuilderStore } from '../builder.store';
import { permissionKey } from '../issue-mapping';
import { sampleDraft } from '../test-fixtures';

function setup() {
  const store = createBuilderStore();
  store.getState().load('shop', { ...sampleDraft(), roles: [{ id: 'clerk', label: 'Clerk' }] }, 1);
  return store;
}
const order = (s: ReturnType<typeof setup>) => s.getState().definition!.entities.find((e) => e.id === 'order')!;
const issues = (s: ReturnType<typeof setup>) => {
  s.getState().validateNow();
  return s.getState().issues;
};

describe('access commands', () => {
  it('adds a role with an id from its label and selects it; updates its label but never its id', () => {
    const s = setup();
    s.getState().dispatch('addRole', { label: 'Sales manager' });
    expect(s.getState().definition!.roles).toEqual([
      { id: 'clerk', label: 'Clerk' },
      { id: 'salesManager', label: 'Sales manager' },
    ]);
    expect(s.getState().selection).toEqual({ kind: 'access', roleId: 'salesManager' });
    s.getState().dispatch('updateRole', {
      roleId: 'salesManager',
      patch: { id: 'x', label: { en: 'Manager', 'zh-CN': '经理' }, description: 'Leads the team' },
    });
    expect(s.getState().definition!.roles![1]).toEqual({
      id: 'salesManager',
      label: { en: 'Manager', 'zh-CN': '经理' },
      description: 'Leads the team',
    });
  });

  it('grants and revokes actions: the first action creates the entry, the last one removes it', () => {
    const s = setup();
    s.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: ['read'] });
    expect(order(s).permissions).toEqual([{ role: 'clerk', actions: ['read'] }]);
    s.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: ['create', 'read'] });
    expect(order(s).permissions).toEqual([{ role: 'clerk', actions: ['create', 'read'] }]);
    expect(issues(s).all).toEqual([]);
    s.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: [] });
    expect(order(s).permissions).toEqual([]);
  });

  it('field access: hidden / read-only per field; clearing the last one drops `fields`', () => {
    const s = setup();
    expect(() =>
      s.getState().dispatch('setFieldAccess', { entityId: 'order', roleId: 'clerk', fieldId: 'total', access: 'hidden' }),
    ).toThrow(/no access to "order" yet/);
    s.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: ['read', 'update'] });
    s.getState().dispatch('setFieldAccess', { entityId: 'order', roleId: 'clerk', fieldId: 'total', access: 'hidden' });
    s.getState().dispatch('setFieldAccess', { entityId: 'order', roleId: 'clerk', fieldId: 'number', access: 'readonly' });
    expect(order(s).permissions![0].fields).toEqual({ total: 'hidden', number: 'readonly' });
    s.getState().dispatch('setFieldAccess', { entityId: 'order', roleId: 'clerk', fieldId: 'total', access: null });
    s.getState().dispatch('setFieldAccess', { entityId: 'order', roleId: 'clerk', fieldId: 'number', access: null });
    expect(order(s).permissions![0]).toEqual({ role: 'clerk', actions: ['read', 'update'] });
  });

  it('row scope "own" without an owner field is an error on the permission; choosing the owner field in the same step fixes it', () => {
    const s = setup();
    s.getState().dispatch('addField', { entityId: 'order', type: 'text', label: 'Owner' });
    s.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: ['read'] });
    s.getState().dispatch('setRowScope', { entityId: 'order', roleId: 'clerk', rows: 'own' });
    const found = issues(s);
    expect(found.byPermission.get(permissionKey('order', 'clerk'))![0]).toMatchObject({
      message: 'rows "own" needs the entity\'s ownerField',
      target: { screen: 'access', entityId: 'order', roleId: 'clerk' },
    });
    expect(found.byRole.get('clerk')).toHaveLength(1);
    expect(found.byEntity.get('order')).toBeUndefined(); // not a Data screen problem
    s.temporal.getState().undo();
    s.getState().dispatch('setRowScope', { entityId: 'order', roleId: 'clerk', rows: 'own', ownerField: 'owner' });
    expect(order(s)).toMatchObject({ ownerField: 'owner', permissions: [{ role: 'clerk', actions: ['read'], rows: 'own' }] });
    expect(issues(s).all).toEqual([]);
    s.temporal.getState().undo(); // one step: scope and owner field together
    expect(order(s).ownerField).toBeUndefined();
  });

  it('removing a role removes its permissions too (one step); a role only named by permissions is an issue of that role', () => {
    const s = setup();
    s.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: ['read'] });
    s.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'ghost', actions: ['read'] });
    const ghost = issues(s).byRole.get('ghost')!;
    expect(ghost[0]).toMatchObject({ message: 'unknown role "ghost"', target: { screen: 'access', roleId: 'ghost', entityId: 'order' } });
    s.getState().dispatch('removeRole', { roleId: 'clerk' });
    expect(s.getState().definition!.roles).toEqual([]);
    expect(order(s).permissions).toEqual([{ role: 'ghost', actions: ['read'] }]);
    s.getState().dispatch('removeRole', { roleId: 'ghost' });
    expect(order(s).permissions).toEqual([]);
    s.temporal.getState().undo();
    s.temporal.getState().undo();
    expect(order(s).permissions!.map((p) => p.role)).toEqual(['clerk', 'ghost']);
  });
});
