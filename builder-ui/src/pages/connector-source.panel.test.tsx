/** @jest-environment jsdom */
import '../test-setup';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useCatalogue } from '../connections/connector-catalogue.store';
import { shopDraft, shopItem, shopManifest } from '../connections/connections.test-fixtures';
import { builderStore, undo, useBuilder } from '../store/builder.store';
import { findComponent } from '../store/component-tree';
import { PropertyPanel } from './property.panel';

// jsdom has no MessageChannel; antd's Select schedules its open/close with one (a macrotask).
globalThis.MessageChannel ??= class {
  port1: { onmessage: null | (() => void) } = { onmessage: null };
  port2 = { postMessage: () => void setTimeout(() => this.port1.onmessage?.()) };
} as unknown as typeof MessageChannel;

const component = (id: string) => findComponent(builderStore.getState().definition!.pages[0].components, id)!;

function LivePanel({ id }: { id: string }) {
  const c = useBuilder((s) => findComponent(s.definition!.pages[0].components, id)!);
  return <PropertyPanel component={c} />;
}

/** Opens an antd Select and returns its open dropdown. */
function open(select: HTMLElement): HTMLElement {
  act(() => {
    fireEvent.mouseDown(select);
  });
  return [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter((d) => !d.className.includes('hidden')).pop()!;
}
const titles = (dropdown: HTMLElement) => [...dropdown.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'));

function choose(select: HTMLElement, title: string) {
  const dropdown = open(select);
  act(() => {
    fireEvent.click(within(dropdown).getByTitle(title));
  });
}

beforeEach(() => {
  builderStore.getState().load('shop', shopDraft(), 1);
  useCatalogue.getState().seed([shopItem], [shopManifest()]);
});

describe('a component whose data comes from a connector operation', () => {
  it('a table offers list operations only, takes inputs as literals or expressions, and offers the output record properties as columns', () => {
    builderStore.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
    render(<LivePanel id="table" />);
    fireEvent.click(screen.getByText('Connector operation'));
    expect(component('table').source).toEqual({ kind: 'connector', connection: 'shop', operation: '' });

    const ops = open(screen.getByLabelText('Operation'));
    expect(titles(ops)).toEqual(['Orders · List orders (listOrders)']);
    act(() => {
      fireEvent.click(within(ops).getByTitle('Orders · List orders (listOrders)'));
    });
    expect(component('table').source).toEqual({ kind: 'connector', connection: 'shop', operation: 'listOrders' });

    const inputs = screen.getByTestId('connector-inputs');
    fireEvent.change(within(inputs).getAllByLabelText('customerId')[0], { target: { value: 'c-17' } });
    expect(component('table').source!.input).toEqual({ customerId: 'c-17' });
    // The second input as an expression (the route's parameter).
    const status = within(inputs).getByText('Status').closest('.ant-form-item') as HTMLElement;
    fireEvent.click(within(status).getByText('ƒx'));
    fireEvent.change(within(status).getByLabelText('status'), { target: { value: '$params.status' } });
    expect(component('table').source!.input).toEqual({ customerId: 'c-17', status: { $expr: '$params.status' } });

    // Columns: the output record's properties, not the entity's fields.
    fireEvent.click(screen.getByText('Properties'));
    const columnField = screen.getByLabelText('columns.0.field');
    act(() => {
      fireEvent.focus(columnField);
      fireEvent.mouseDown(columnField);
      fireEvent.change(columnField, { target: { value: '' } });
    });
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    expect(offered).toEqual(expect.arrayContaining(['id · string', 'total · integer']));
    expect(offered.filter((o) => o?.includes(' · ') && !o.includes('(')).sort()).toEqual(['id · string', 'total · integer']);
    fireEvent.change(columnField, { target: { value: 'total' } });
    expect((component('table').props!.columns as Array<{ field: string }>)[0].field).toBe('total');

    act(() => {
      builderStore.getState().validateNow();
    });
    expect(builderStore.getState().issues.all).toEqual([]);
    act(() => undo());
    expect((component('table').props!.columns as Array<{ field?: string }>)[0].field).not.toBe('total');
    expect(component('table').source).toMatchObject({ kind: 'connector', operation: 'listOrders' });
  });

  it('a detail offers get operations; switching back to an entity source keeps the entity editor', () => {
    builderStore.getState().dispatch('addComponent', { pageId: 'home', type: 'detail', entityId: 'order' });
    render(<LivePanel id="detail" />);
    fireEvent.click(screen.getByText('Connector operation'));
    choose(screen.getByLabelText('Connection'), 'Shop (mock-shop@^1.0.0)');
    expect(titles(open(screen.getByLabelText('Operation')))).toEqual(['Orders · Get an order (getOrder)']);
    fireEvent.click(screen.getByText('App records'));
    expect(component('detail').source).toEqual({ kind: 'entity', entity: '' });
    expect(screen.getByLabelText('Entity')).toBeTruthy();
  });
});
