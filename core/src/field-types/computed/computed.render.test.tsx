/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import type { Field } from '@tessera/core';
import { createDemoDataPort, getFieldRenderer, renderWithRenderer, testDefinition } from '@tessera/renderer/testing';

const field = { id: 'score', type: 'computed', resultType: 'number', expression: { $expr: '$number(code)' } } as unknown as Field;
const { Display } = getFieldRenderer('computed');
const show = (record: { id: string; version: number } & Record<string, unknown>) =>
  renderWithRenderer(<Display field={field} value={record.score} record={record} />, {
    definition: testDefinition,
    port: createDemoDataPort(testDefinition, 1, { count: 0 }),
  });

describe('a computed field in the app', () => {
  it('shows its value like a field of its result type', () => {
    show({ id: '1', version: 1, score: 1234.5 });
    expect(screen.getByText('1,234.5')).toBeTruthy();
  });

  it('says a failed formula could not be computed, with the reason on hover, instead of showing it empty', async () => {
    show({ id: '2', version: 1, $errors: { score: 'Unable to cast value to a number: "X-1"' } });
    const marker = screen.getByTestId('computed-failed');
    expect(marker.textContent).toContain('Could not compute');
    fireEvent.mouseEnter(marker);
    expect(await screen.findByText(/This formula failed for this record: Unable to cast value to a number/)).toBeTruthy();
  });
});
