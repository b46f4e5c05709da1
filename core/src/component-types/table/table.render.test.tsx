/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createDemoDataPort, renderWithRenderer, testDefinition } from '@tessera/renderer/testing';
import { type ListQuery, ComponentView } from '@tessera/renderer/kit';

const table = {
  id: 'tbl',
  type: 'table',
  source: { kind: 'entity', entity: 'contact', sort: [{ field: 'name', dir: 'asc' }] },
  props: { columns: [{ field: 'name' }, { field: 'stage' }, { field: 'score' }], pageSize: 10, search: true },
};

function setup() {
  const port = createDemoDataPort(testDefinition, 3, { count: 23 });
  const queries: ListQuery[] = [];
  const list = port.list.bind(port);
  port.list = (entity, q) => {
    if (entity === 'contact') queries.push(q ?? {});
    return list(entity, q);
  };
  renderWithRenderer(<ComponentView component={table} />, { definition: testDefinition, port });
  const rows = () => document.querySelectorAll('tbody tr.ant-table-row');
  return { port, queries, rows };
}

describe('table component', () => {
  it('pages with cursors, showing the total', async () => {
    const { queries, rows } = setup();
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(queries[0]).toMatchObject({ limit: 10, count: true, sort: [{ field: 'name', dir: 'asc' }] });
    expect(screen.getByText(/of 23 records|\/ 23 records/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next' })));
    await waitFor(() => expect(queries.at(-1)?.cursor).toEqual(expect.any(String))); // the store's opaque cursor of page 1
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', false));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next' })));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Previous' })));
    await waitFor(() => expect(rows()).toHaveLength(10));
  });

  it('sorts and searches on the server', async () => {
    const { port, queries, rows } = setup();
    await waitFor(() => expect(rows()).toHaveLength(10));
    await act(async () => fireEvent.click(within(document.querySelector('thead')!).getByText('Score')));
    await waitFor(() => expect(queries.at(-1)?.sort).toEqual([{ field: 'score', dir: 'asc' }]));
    const target = String(port.records('contact')[5].name);
    const search = screen.getByRole('searchbox', { name: 'Search…' }) ?? screen.getByPlaceholderText('Search…');
    fireEvent.change(search, { target: { value: target } });
    await act(async () => fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 }));
    await waitFor(() => expect(JSON.stringify(queries.at(-1)?.filter)).toContain('$search'));
    await waitFor(() => expect(screen.getAllByText(target).length).toBeGreaterThan(0));
    expect(queries.at(-1)?.cursor).toBeUndefined(); // a new query starts at page 1
  });

  it('applies live events in place: a created record appears, a deleted one goes', async () => {
    const { port, rows } = setup();
    await waitFor(() => expect(rows()).toHaveLength(10));
    await act(async () => void (await port.create('contact', { name: 'Aaron Live' })));
    expect(await screen.findByText('Aaron Live')).toBeTruthy();
    expect(rows()).toHaveLength(11);
    const first = port.records('contact').find((r) => r.name !== 'Aaron Live' && screen.queryAllByText(String(r.name)).length)!;
    await act(async () => port.remove('contact', first.id));
    await waitFor(() => expect(rows()).toHaveLength(10));
  });

  it('a burst of live events (an import) reloads the page once instead of growing it row by row', async () => {
    const { port, rows, queries } = setup();
    await waitFor(() => expect(rows()).toHaveLength(10));
    const before = queries.length;
    await act(async () => {
      for (let i = 0; i < 60; i++) await port.create('contact', { name: `Aardvark ${String(i).padStart(2, '0')}` });
    });
    expect(rows().length).toBeLessThanOrEqual(10 + 30); // the first 30 are applied, the rest wait for the reload
    await waitFor(() => expect(queries.length).toBe(before + 1), { timeout: 3000 });
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(screen.getByText('Aardvark 00')).toBeTruthy(); // sorted by name: the new records lead page 1
  });

  it("a related list's New button opens the create page with its parent handed over (Hardening 25)", async () => {
    const definition = {
      ...testDefinition,
      pages: [
        {
          id: 'newContact',
          title: 'New contact',
          route: '/contacts/new',
          components: [{ id: 'f', type: 'form', source: { kind: 'entity', entity: 'contact' }, props: {} }],
        },
      ],
    } as typeof testDefinition;
    const port = createDemoDataPort(definition, 3, { count: 4 });
    const companyId = port.records('company')[0].id;
    const opened: unknown[] = [];
    const related = { ...table, source: { kind: 'entity', entity: 'contact', filter: { company: companyId } } };
    renderWithRenderer(<ComponentView component={related} />, { definition, port, navigate: (...args) => opened.push(args) });
    await waitFor(() => expect(document.querySelectorAll('tbody tr.ant-table-row').length).toBeGreaterThan(0)); // the company's contacts
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: /New/ })));
    expect(opened).toEqual([['newContact', {}, { company: companyId }]]);
  });
});
