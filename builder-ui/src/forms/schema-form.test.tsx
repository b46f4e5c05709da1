/** @jest-environment jsdom */
import '../test-setup';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { fieldTypes, standaloneSchema } from '@tessera/core';
import { FieldSettingsPanel } from '../data/field-settings.panel';
import { builderStore } from '../store/builder.store';
import { sampleDraft } from '../store/test-fixtures';
import { useState } from 'react';
import { SchemaForm } from './schema-form';

const field = (entityId: string, fieldId: string) =>
  builderStore
    .getState()
    .definition!.entities.find((e) => e.id === entityId)!
    .fields.find((f) => f.id === fieldId)!;

describe('SchemaForm', () => {
  it('renders every property of a field type schema, with its description and required mark', () => {
    const schema = standaloneSchema(fieldTypes.get('number')!.schema);
    render(<SchemaForm schema={schema} value={{ id: 'qty', type: 'number' }} onChange={() => {}} />);
    for (const label of [
      'Id',
      'Label',
      'Description',
      'Hidden',
      'Required',
      'Unique',
      'Indexed',
      'Read only',
      'Min',
      'Max',
      'Integer',
      'Default',
    ]) {
      expect(screen.getByText(label)).toBeTruthy();
    }
    expect(screen.getByLabelText('id')).toHaveProperty('value', 'qty');
  });

  it('hands back the whole new value and the path of the changed input', () => {
    const onChange = jest.fn();
    const schema = standaloneSchema(fieldTypes.get('text')!.schema);
    render(<SchemaForm schema={schema} value={{ id: 'name', type: 'text' }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('maxLength'), { target: { value: '80' } });
    expect(onChange).toHaveBeenLastCalledWith({ id: 'name', type: 'text', maxLength: 80 }, ['maxLength']);
  });

  it('keeps every edit when sibling inputs are changed one after another (fields that did not change are not re-rendered, yet write to the latest value)', () => {
    const schema = standaloneSchema(fieldTypes.get('enum')!.schema);
    function Host() {
      const [value, setValue] = useState<unknown>({ id: 'channel', type: 'enum', options: [{ value: 'web' }, { value: 'shop' }] });
      return (
        <>
          <SchemaForm schema={schema} value={value} onChange={setValue} />
          <output data-testid="value">{JSON.stringify(value)}</output>
        </>
      );
    }
    render(<Host />);
    fireEvent.change(screen.getByLabelText('description'), { target: { value: 'Where they bought' } });
    fireEvent.change(screen.getByLabelText('options.1.value'), { target: { value: 'store' } });
    fireEvent.change(screen.getByLabelText('options.0.value'), { target: { value: 'online' } });
    fireEvent.change(screen.getByLabelText('id'), { target: { value: 'source' } });
    expect(JSON.parse(screen.getByTestId('value').textContent!)).toEqual({
      id: 'source',
      type: 'enum',
      description: 'Where they bought',
      options: [{ value: 'online' }, { value: 'store' }],
    });
  });

  it('edits arrays of objects (enum options): add, change, remove', () => {
    const onChange = jest.fn();
    const schema = standaloneSchema(fieldTypes.get('enum')!.schema);
    const value = { id: 'channel', type: 'enum', options: [{ value: 'web' }] };
    render(<SchemaForm schema={schema} value={value} onChange={onChange} />);
    fireEvent.click(screen.getByText('Add'));
    expect(onChange).toHaveBeenLastCalledWith({ ...value, options: [{ value: 'web' }, { value: '' }] }, ['options']);
    fireEvent.change(screen.getByLabelText('options.0.value'), { target: { value: 'store' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...value, options: [{ value: 'store' }] }, ['options', '0', 'value']);
    fireEvent.click(screen.getByLabelText('Remove'));
    expect(onChange).toHaveBeenLastCalledWith({ ...value, options: [] }, ['options']);
  });

  it('edits expressions as { $expr } and labels per locale', () => {
    const onChange = jest.fn();
    const schema = standaloneSchema(fieldTypes.get('computed')!.schema);
    render(
      <SchemaForm
        schema={schema}
        value={{ id: 'full', type: 'computed', label: 'Full', expression: { $expr: 'a' } }}
        onChange={onChange}
        context={{ locales: ['en', 'zh-CN'] }}
      />,
    );
    fireEvent.change(screen.getByLabelText('expression'), { target: { value: "first & ' ' & last" } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ expression: { $expr: "first & ' ' & last" } }), ['expression']);
    fireEvent.click(screen.getByLabelText('Translate per locale'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ label: { en: 'Full' } }), ['label']);
  });
});

describe('FieldSettingsPanel → store', () => {
  beforeEach(() => builderStore.getState().load('shop', sampleDraft(), 1));

  it('edits flow to the store as undoable commands, and the type can be changed', () => {
    render(<FieldSettingsPanel entityId="order" fieldId="total" />);
    const panel = screen.getByTestId('field-settings');
    fireEvent.change(within(panel).getByLabelText('currency'), { target: { value: 'EUR' } });
    expect(field('order', 'total').currency).toBe('EUR');
    expect(builderStore.getState().lastCommand).toBe('setField');
    fireEvent.click(within(panel).getByLabelText('required'));
    expect(field('order', 'total').required).toBe(true);
    act(() => builderStore.temporal.getState().undo());
    expect(field('order', 'total').required).toBeUndefined();
    expect(field('order', 'total').currency).toBe('EUR');
  });

  it('renames the field on Enter as one command whose references follow; a taken id is explained and not applied', () => {
    builderStore.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
    render(<FieldSettingsPanel entityId="order" fieldId="total" />);
    const id = within(screen.getByTestId('field-settings')).getByLabelText('id');
    fireEvent.change(id, { target: { value: 'number' } });
    expect(screen.getByText('"number" is already used.')).toBeTruthy();
    fireEvent.keyDown(id, { key: 'Enter', keyCode: 13 });
    fireEvent.keyUp(id, { key: 'Enter', keyCode: 13 }); // antd ignores a second Enter without a key-up between
    expect(builderStore.getState().definition!.entities[0].fields.map((f) => f.id)).toEqual(['number', 'total']);
    fireEvent.change(id, { target: { value: 'amount' } });
    fireEvent.keyDown(id, { key: 'Enter', keyCode: 13 });
    expect(builderStore.getState().lastCommand).toBe('renameField');
    expect(builderStore.getState().definition!.pages[0].components[0].props!.columns).toEqual([{ field: 'number' }, { field: 'amount' }]);
  });

  it('shows the validation errors of the field', () => {
    builderStore.getState().dispatch('updateField', { entityId: 'order', fieldId: 'total', patch: { currency: 'euro' } });
    act(() => builderStore.getState().validateNow());
    render(<FieldSettingsPanel entityId="order" fieldId="total" />);
    expect(screen.getAllByRole('alert')[0].textContent).toMatch(/currency|ISO|pattern|must/i);
  });
});
