/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError, ComponentView } from '@tessera/renderer/kit';
import { createDemoDataPort, renderWithRenderer, testDefinition } from '@tessera/renderer/testing';
import { laneOfDrop } from './kanban.render';

const board = { id: 'kb', type: 'kanban', source: { kind: 'entity', entity: 'contact' }, props: { groupBy: 'stage', titleField: 'name' } };
const laneOf = (id: string) => document.querySelector(`[data-card-id="${id}"]`)?.closest('[data-lane]')?.getAttribute('data-lane');

async function moveVia(id: string, lane: string) {
  const card = document.querySelector(`[data-card-id="${id}"]`)!;
  await act(async () => fireEvent.click(card.querySelector('button[aria-label="move"]')!));
  await act(async () => fireEvent.click(await screen.findByText(lane, { selector: '.ant-dropdown-menu-title-content' })));
}

describe('kanban component', () => {
  it('maps a drop on a lane to that lane', () => {
    expect(laneOfDrop({ over: { id: 'won' } } as never)).toBe('won');
    expect(laneOfDrop({ over: null })).toBeUndefined();
  });

  it('labels the values on a card, so two numbers do not look alike (Hardening 25)', async () => {
    const port = createDemoDataPort(testDefinition, 2, { count: 3 });
    const record = port.records('contact')[0];
    const labelled = { ...board, props: { ...board.props, cardFields: ['score', 'email'] } };
    renderWithRenderer(<ComponentView component={labelled} />, { definition: testDefinition, port });
    await waitFor(() => expect(document.querySelector(`[data-card-id="${record.id}"]`)).toBeTruthy());
    const card = document.querySelector(`[data-card-id="${record.id}"]`)!;
    const labels = [...card.querySelectorAll('.tessera-card-field')].map((f) => f.querySelector('.tessera-card-label')?.textContent);
    expect(labels).toEqual(['Score', 'Email']);
  });

  it('moves a card with a PATCH of the group field sent with If-Match', async () => {
    const port = createDemoDataPort(testDefinition, 2, { count: 6 });
    const record = port.records('contact').find((r) => r.stage !== 'won')!;
    const update = jest.spyOn(port, 'update');
    renderWithRenderer(<ComponentView component={board} />, { definition: testDefinition, port });
    await waitFor(() => expect(laneOf(record.id)).toBe(record.stage));
    await moveVia(record.id, 'Won');
    expect(update).toHaveBeenCalledWith('contact', record.id, { stage: 'won' }, 1);
    await waitFor(() => expect(laneOf(record.id)).toBe('won'));
    expect(port.records('contact').find((r) => r.id === record.id)?.stage).toBe('won');
  });

  it('rolls the card back when the server refuses the move', async () => {
    const port = createDemoDataPort(testDefinition, 2, { count: 6 });
    const record = port.records('contact').find((r) => r.stage !== 'lost')!;
    port.update = async () => {
      throw new ApiError(412, 'Precondition failed', 'stale');
    };
    renderWithRenderer(<ComponentView component={board} />, { definition: testDefinition, port });
    await waitFor(() => expect(laneOf(record.id)).toBe(record.stage));
    await moveVia(record.id, 'Lost');
    await waitFor(() => expect(laneOf(record.id)).toBe(record.stage));
  });

  it('does not offer moves when the caller may not update the group field', async () => {
    const port = createDemoDataPort(testDefinition, 2, { count: 3 });
    renderWithRenderer(<ComponentView component={board} />, {
      definition: testDefinition,
      port,
      permissions: { contact: { create: true, read: true, update: true, delete: false, rows: 'all', hidden: [], readonly: ['stage'] } },
    });
    await waitFor(() => expect(document.querySelectorAll('[data-card-id]').length).toBe(3));
    expect(document.querySelector('button[aria-label="move"]')).toBeNull();
  });
});
