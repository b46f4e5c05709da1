/** @jest-environment jsdom */
import '../test-setup';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { builderStore, useBuilder } from '../store/builder.store';
import { findComponent } from '../store/component-tree';
import { sampleDraft } from '../store/test-fixtures';
import { BindEntityModal } from './bind-entity.modal';
import { SourcePanel } from './source.panel';

const table = () => findComponent(builderStore.getState().definition!.pages[0].components, 'table')!;

/** The panel as the property panel shows it: with the component as the store has it now. */
function LiveSourcePanel() {
  const component = useBuilder((s) => findComponent(s.definition!.pages[0].components, 'table')!);
  return <SourcePanel component={component} />;
}

function loadWithFilter(filter: Record<string, unknown>) {
  builderStore.getState().load('shop', sampleDraft(), 1);
  builderStore.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
  builderStore.getState().dispatch('setSource', { componentId: 'table', source: { kind: 'entity', entity: 'order', filter } });
}

describe('query builder', () => {
  it('shows a $not filter as a negated rule and toggles NOT as an undoable edit', () => {
    loadWithFilter({ number: { $not: { $regex: '^X', $options: 'i' } } });
    render(<LiveSourcePanel />);
    const not = screen.getByLabelText('Negate');
    expect(not.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(not);
    expect(table().source!.filter).toEqual({ number: { $regex: '^X', $options: 'i' } });
    act(() => builderStore.temporal.getState().undo());
    expect(table().source!.filter).toEqual({ number: { $not: { $regex: '^X', $options: 'i' } } });
    // The builder follows the undo.
    expect(screen.getByLabelText('Negate').getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps what it cannot show as a raw JSON rule; bad JSON is explained and not applied', () => {
    const weird = { total: { $not: { $gt: 1, $lt: 5 } } };
    loadWithFilter({ number: 'A-1', ...weird });
    render(<LiveSourcePanel />);
    const raw = within(screen.getByTestId('query-raw-rule')).getByLabelText('JSON') as HTMLTextAreaElement;
    expect(JSON.parse(raw.value)).toEqual(weird);
    // Editing another rule keeps the raw one as it is.
    fireEvent.click(screen.getByLabelText('Negate'));
    expect(table().source!.filter).toEqual({ number: { $not: { $eq: 'A-1' } }, ...weird });
    fireEvent.change(raw, { target: { value: '{ "total": ' } });
    expect(screen.getByTestId('query-raw-rule').textContent).toMatch(/JSON/);
    expect(table().source!.filter).toEqual({ number: { $not: { $eq: 'A-1' } }, ...weird });
    fireEvent.change(raw, { target: { value: '[1]' } });
    expect(screen.getByText('A condition is a JSON object: { "field": … }')).toBeTruthy();
    fireEvent.change(raw, { target: { value: '{ "total": { "$gte": 2 } }' } });
    expect(table().source!.filter).toEqual({ number: { $not: { $eq: 'A-1' } }, total: { $gte: 2 } });
  });

  it('an expression value is edited as one and cannot be negated', () => {
    loadWithFilter({ number: { $expr: '$params.id' } });
    render(<LiveSourcePanel />);
    expect((screen.getByLabelText('Negate') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('value'), { target: { value: '$params.number' } });
    expect(table().source!.filter).toEqual({ number: { $expr: '$params.number' } });
  });
});

describe('fields evaluated on read', () => {
  // jsdom has no MessageChannel; antd's Select schedules its open/close with one (a macrotask).
  globalThis.MessageChannel ??= class {
    port1: { onmessage: null | (() => void) } = { onmessage: null };
    port2 = { postMessage: () => void setTimeout(() => this.port1.onmessage?.()) };
  } as unknown as typeof MessageChannel;

  /** The titles of the options an antd Select shows once opened (the open dropdown). */
  function optionsOf(select: HTMLElement): string[] {
    act(() => {
      fireEvent.mouseDown(select);
    });
    const open = [...document.querySelectorAll('.ant-select-dropdown')].filter((d) => !d.className.includes('hidden')).pop();
    return open ? [...open.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title') ?? '') : [];
  }

  // The published API answers 400 to a filter or sort on a rollup (computed on read): the builder must not offer one.
  it('the filter rules and the sort keys offer no rollup or computed field', () => {
    const def = sampleDraft();
    def.entities[0].fields.push(
      { id: 'lineCount', type: 'rollup', label: 'Lines', entity: 'order', via: 'parent', aggregate: 'count' },
      { id: 'shout', type: 'computed', label: 'Shout', expression: { $expr: '$uppercase(number)' } },
    );
    builderStore.getState().load('shop', def, 1);
    builderStore.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
    builderStore.getState().dispatch('setSource', {
      componentId: 'table',
      source: { kind: 'entity', entity: 'order', filter: { number: 'A-1' }, sort: [{ field: 'total' }] },
    });
    render(<LiveSourcePanel />);
    const ruleFields = optionsOf(within(screen.getByTestId('query-rule')).getByLabelText('Field'));
    expect(ruleFields).toEqual(expect.arrayContaining(['Number', 'Total', 'createdAt']));
    expect(ruleFields).not.toContain('Lines');
    expect(ruleFields).not.toContain('Shout');
    const sortKeys = optionsOf(screen.getAllByRole('combobox', { name: 'Sort' })[0]);
    expect(sortKeys).toEqual(expect.arrayContaining(['number', 'total', 'createdAt']));
    expect(sortKeys).not.toContain('lineCount');
    expect(sortKeys).not.toContain('shout');
  });
});

describe('binding a dropped data component', () => {
  it("asks which entity, proposing the page's; Add binds it, Cancel adds nothing", () => {
    builderStore.getState().load('shop', sampleDraft(), 1);
    builderStore.getState().dispatch('addEntity', { label: 'Customer' });
    builderStore.getState().dispatch('addComponent', { pageId: 'home', type: 'list', entityId: 'customer' });
    render(<BindEntityModal />);
    act(() => builderStore.getState().requestAdd({ pageId: 'home', type: 'table' }));
    expect(screen.getByText('Which records does this Table show?')).toBeTruthy();
    expect(screen.getByTitle('Customer')).toBeTruthy(); // the proposal, selected
    act(() => {
      fireEvent.click(screen.getByText('Add'));
    });
    expect(table().source).toEqual({ kind: 'entity', entity: 'customer' });
    act(() => builderStore.getState().requestAdd({ pageId: 'home', type: 'kanban' }));
    fireEvent.click(screen.getByText('Cancel'));
    expect(builderStore.getState().pendingAdd).toBeNull();
    expect(builderStore.getState().definition!.pages[0].components.map((c) => c.type)).toEqual(['list', 'table']);
  });
});
