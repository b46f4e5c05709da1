/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { createDemoDataPort, renderWithRenderer, testDefinition } from '../testing';
import { ComponentView } from './component-view';

type Loose = typeof testDefinition & { entities: Array<{ id: string; fields: Array<{ id: string }> }> };

/** The definition as `/runtime` gives it to a role that may not see contact.score: the field is not in it. */
const withoutScore = (): Loose => {
  const def = JSON.parse(JSON.stringify(testDefinition)) as Loose;
  const contact = def.entities.find((e) => e.id === 'contact')!;
  contact.fields = contact.fields.filter((f) => f.id !== 'score');
  return def;
};

const kpi = {
  id: 'total',
  type: 'kpi',
  source: { kind: 'entity', entity: 'contact' },
  props: { title: 'Total score', metric: { op: 'sum', field: 'score' } },
};

describe('a widget that needs a field the role cannot see (Hardening 18)', () => {
  it('says "not available" calmly and sends no query', async () => {
    const port = createDemoDataPort(testDefinition, 3, { count: 5 });
    const asked: string[] = [];
    const aggregate = port.aggregate.bind(port);
    port.aggregate = (entity, q) => {
      asked.push(entity);
      return aggregate(entity, q);
    };
    renderWithRenderer(<ComponentView component={kpi as never} />, { definition: withoutScore() as never, port });
    expect(await screen.findByText('Not available for your role')).toBeTruthy();
    expect(document.querySelector('[data-not-available="true"]')).toBeTruthy();
    expect(document.querySelector('.ant-alert-error')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual([]);
  });

  it('renders as usual for a role that sees the field', async () => {
    const port = createDemoDataPort(testDefinition, 3, { count: 5 });
    renderWithRenderer(<ComponentView component={kpi as never} />, { definition: testDefinition, port });
    expect(await screen.findByText('Total score')).toBeTruthy();
    expect(screen.queryByText('Not available for your role')).toBeNull();
  });
});

describe('a visible rule on the app role (Hardening 18)', () => {
  const managersOnly = { id: 'note', type: 'text', props: { content: 'For managers' }, visible: { $expr: "'manager' in $user.roles" } };
  const user = (roles: string[]) => ({ id: 'u1', email: 'u@t.test', roles, team: 'east' });

  it('shows a component to the roles it names and to no one else', async () => {
    const port = createDemoDataPort(testDefinition, 3, { count: 1 });
    const first = renderWithRenderer(<ComponentView component={managersOnly as never} />, {
      definition: testDefinition,
      port,
      user: user(['manager']),
    });
    expect(await screen.findByText('For managers')).toBeTruthy();
    first.unmount();
    renderWithRenderer(<ComponentView component={managersOnly as never} />, { definition: testDefinition, port, user: user(['rep']) });
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByText('For managers')).toBeNull();
  });
});
