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

describe('binding a dropped data component', () => {
  it('asks which entity, proposing the page\'s; Add binds it, Cancel adds nothing', () => {
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
