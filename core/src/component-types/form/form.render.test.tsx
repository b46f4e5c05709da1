/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createRecordValidator } from '@tessera/core';
import { ApiError, ComponentView } from '@tessera/renderer/kit';
import { createDemoDataPort, renderWithRenderer, testDefinition } from '@tessera/renderer/testing';

const contact = testDefinition.entities!.find((e) => e.id === 'contact')!;
const createForm = {
  id: 'f',
  type: 'form',
  source: { kind: 'entity', entity: 'contact' },
  props: { mode: 'create', fields: [{ field: 'name' }, { field: 'email' }, { field: 'score' }, { field: 'stage' }] },
};
const type = (id: string, value: string) => fireEvent.change(document.getElementById(`f-${id}`)!, { target: { value } });

describe('form component', () => {
  it('validates as the user types, with the rules the server applies to the same payload', async () => {
    const port = createDemoDataPort(testDefinition, 1, { count: 3 });
    renderWithRenderer(<ComponentView component={createForm} />, { definition: testDefinition, port });
    type('email', 'not-an-email');
    expect(await screen.findByText('Enter a valid email address')).toBeTruthy();
    type('name', 'x'.repeat(51));
    expect(screen.getByText('At most 50 characters')).toBeTruthy();

    // The server runs the same validator: the payload the form refused is refused there too.
    const server = createRecordValidator(contact, 'create')({ name: 'x'.repeat(51), email: 'not-an-email', stage: 'new' });
    expect(server.errors.map((e) => e.pointer).sort()).toEqual(['/email', '/name']);
    await expect(port.create('contact', { name: 'x'.repeat(51), email: 'not-an-email' })).rejects.toMatchObject({ status: 422 });

    type('email', 'ann@example.com');
    type('name', 'Ann');
    await waitFor(() => expect(screen.queryByText('Enter a valid email address')).toBeNull());
  });

  it('marks missing required fields on submit, prefills literal defaults and creates the record', async () => {
    const port = createDemoDataPort(testDefinition, 1, { count: 0 });
    renderWithRenderer(<ComponentView component={createForm} />, { definition: testDefinition, port });
    expect(screen.getByText('New')).toBeTruthy(); // stage default
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Required')).toBeTruthy();
    type('name', 'Ann Lee');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create' })));
    await waitFor(() => expect(port.records('contact')).toHaveLength(1));
    expect(port.records('contact')[0]).toMatchObject({ name: 'Ann Lee', stage: 'new' });
  });

  it('puts server errors on their fields and offers a reload on a version conflict', async () => {
    const port = createDemoDataPort(testDefinition, 1, { count: 2 });
    const id = port.records('contact')[0].id;
    let calls = 0;
    port.update = async () => {
      calls++;
      if (calls === 1) throw new ApiError(409, 'Conflict', 'duplicate', [{ pointer: '/email', message: 'must be unique' }]);
      throw new ApiError(412, 'Precondition failed', 'stale');
    };
    renderWithRenderer(<ComponentView component={{ ...createForm, props: { ...createForm.props, mode: 'edit' } }} />, {
      definition: testDefinition,
      port,
      params: { id },
    });
    await waitFor(() => expect(document.getElementById('f-email')).toBeTruthy());
    type('email', 'taken@example.com');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(await screen.findByText('This value is already used by another record.')).toBeTruthy();
    type('email', 'other@example.com');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(await screen.findByText('Changed by someone else')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it("starts with the parent a related list's New button hands over, and creates the record linked to it (Hardening 25)", async () => {
    const port = createDemoDataPort(testDefinition, 1, { count: 0 });
    const companyId = (await port.create('company', { name: 'Acme' })).id;
    const withCompany = { ...createForm, props: { ...createForm.props, fields: [...createForm.props.fields, { field: 'company' }] } };
    renderWithRenderer(<ComponentView component={withCompany} />, {
      definition: testDefinition,
      port,
      prefill: { company: companyId, score: 99 },
    });
    type('name', 'Ann Lee');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create' })));
    await waitFor(() => expect(port.records('contact')).toHaveLength(1));
    // Only what the form shows is taken: score is a field of it, company too; nothing else.
    expect(port.records('contact')[0]).toMatchObject({ name: 'Ann Lee', company: companyId, score: 99 });
  });
});
