/** @jest-environment jsdom */
import '../test-setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { sampleDraft } from '../store/test-fixtures';
import { ComputedColumnModal } from './computed-column.modal';

describe('ComputedColumnModal', () => {
  const entity = sampleDraft().entities[0];

  it('proposes a name from the expression with field labels, used when the name is left empty', () => {
    const onAdd = jest.fn();
    render(<ComputedColumnModal expression="total * 1.2" entity={entity} onEdit={() => {}} onCancel={() => {}} onAdd={onAdd} />);
    expect(screen.getByLabelText('Column name').getAttribute('placeholder')).toBe('Total * 1.2');
    fireEvent.click(screen.getByText('Add column'));
    expect(onAdd).toHaveBeenLastCalledWith({ label: 'Total * 1.2', resultType: 'text' });
  });

  it('takes the name the consultant types', () => {
    const onAdd = jest.fn();
    render(<ComputedColumnModal expression="total * 1.2" entity={entity} onEdit={() => {}} onCancel={() => {}} onAdd={onAdd} />);
    fireEvent.change(screen.getByLabelText('Column name'), { target: { value: ' With tax ' } });
    fireEvent.keyDown(screen.getByLabelText('Column name'), { key: 'Enter', keyCode: 13 });
    expect(onAdd).toHaveBeenLastCalledWith({ label: 'With tax', resultType: 'text' });
    // The select offers the schema's result types (its options are rendered by antd only when open).
    expect(screen.getByLabelText('Result type')).toBeTruthy();
  });
});
