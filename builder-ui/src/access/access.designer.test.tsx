/** @jest-environment jsdom */
import '../test-setup';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { builderStore } from '../store/builder.store';
import type { Draft } from '../store/draft.types';
import { sampleDraft } from '../store/test-fixtures';
import { AccessDesigner } from './access.designer';

function load(patch: Partial<Draft> = {}) {
  const def = sampleDraft();
  def.entities[0].fields.push({ id: 'owner', type: 'text', label: 'Owner' });
  builderStore.getState().load('shop', { ...def, roles: [{ id: 'clerk', label: 'Clerk' }], ...patch }, 1);
}
const order = () => builderStore.getState().definition!.entities[0];
const validate = () => act(() => builderStore.getState().validateNow());

describe('Access screen', () => {
  it('shows a column per action of the Permission schema; ticking opens the entity to the role, untick closes it (undoable)', () => {
    load();
    render(<AccessDesigner />);
    const matrix = screen.getByTestId('permission-matrix');
    for (const action of ['Create', 'Read', 'Update', 'Delete']) expect(within(matrix).getByText(action)).toBeTruthy();
    expect(within(matrix).getByText('No access')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('order read'));
    fireEvent.click(screen.getByLabelText('order create'));
    expect(order().permissions).toEqual([{ role: 'clerk', actions: ['create', 'read'] }]);
    expect(builderStore.getState().lastCommand).toBe('setPermissionActions');
    fireEvent.click(screen.getByLabelText('order create'));
    fireEvent.click(screen.getByLabelText('order read'));
    expect(order().permissions).toEqual([]);
    act(() => builderStore.temporal.getState().undo());
    expect(order().permissions).toEqual([{ role: 'clerk', actions: ['read'] }]);
  });

  it('per field: hidden or read-only for the role; row scope own picks the owner field it needs', () => {
    load();
    builderStore.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: ['read', 'update'] });
    render(<AccessDesigner />);
    fireEvent.click(screen.getByText('Order'));
    const panel = screen.getByTestId('permission-panel');
    fireEvent.click(within(within(panel).getByLabelText('total Field access')).getByText('Hidden'));
    fireEvent.click(within(within(panel).getByLabelText('number Field access')).getByText('Read-only'));
    expect(order().permissions![0].fields).toEqual({ total: 'hidden', number: 'readonly' });
    fireEvent.click(within(panel).getByText('Own'));
    expect(order()).toMatchObject({ ownerField: 'owner', permissions: [{ rows: 'own' }] });
    validate();
    expect(builderStore.getState().issues.all).toEqual([]);
  });

  it('shows the permission error on the entity row and in its panel; a role only permissions name can be declared', () => {
    load({ roles: [] });
    builderStore.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: ['read'] });
    builderStore.getState().dispatch('setRowScope', { entityId: 'order', roleId: 'clerk', rows: 'team' });
    validate();
    builderStore.getState().select({ kind: 'access', roleId: 'clerk', entityId: 'order' });
    render(<AccessDesigner />);
    expect(screen.getByTestId('permission-error-order')).toBeTruthy();
    const panel = screen.getByTestId('permission-panel');
    expect(within(panel).getByText('rows "team" needs the entity\'s ownerField')).toBeTruthy();
    expect(within(panel).getByText('Choose the owner field for own / team.')).toBeTruthy();
    expect(within(screen.getByTestId('role-list')).getByText('(not declared)')).toBeTruthy();
    fireEvent.click(screen.getByText('Declare this role'));
    expect(builderStore.getState().definition!.roles).toEqual([{ id: 'clerk', label: 'clerk' }]);
  });

  it('adds a role from its name, renames it with its permissions following, refuses a taken id', () => {
    load({
      roles: [
        { id: 'clerk', label: 'Clerk' },
        { id: 'boss', label: 'Boss' },
      ],
    });
    builderStore.getState().dispatch('setPermissionActions', { entityId: 'order', roleId: 'clerk', actions: ['read'] });
    render(<AccessDesigner />);
    fireEvent.click(screen.getByText('Add role'));
    fireEvent.change(screen.getByLabelText('Role name'), { target: { value: 'Night shift' } });
    fireEvent.keyDown(screen.getByLabelText('Role name'), { key: 'Enter', keyCode: 13 });
    expect(builderStore.getState().selection).toEqual({ kind: 'access', roleId: 'nightShift' });
    act(() => builderStore.getState().select({ kind: 'access', roleId: 'clerk' }));
    fireEvent.click(screen.getByText('Role settings'));
    const settings = screen.getByTestId('role-settings');
    const id = within(settings).getByLabelText('id');
    fireEvent.change(id, { target: { value: 'boss' } });
    expect(within(settings).getByText('"boss" is already used.')).toBeTruthy();
    fireEvent.keyDown(id, { key: 'Enter', keyCode: 13 });
    expect(builderStore.getState().definition!.roles!.map((r) => r.id)).toEqual(['clerk', 'boss', 'nightShift']);
    fireEvent.change(id, { target: { value: 'cashier' } });
    fireEvent.blur(id);
    expect(builderStore.getState().definition!.roles!.map((r) => r.id)).toEqual(['cashier', 'boss', 'nightShift']);
    expect(order().permissions).toEqual([{ role: 'cashier', actions: ['read'] }]);
  });
});
