import { normalForm } from '../store/normal-form';
import { sampleDraft } from '../store/test-fixtures';
import type { Draft } from '../store/draft.types';
import { semanticDiff } from './semantic-diff';

const clinic = (): Draft => ({
  schemaVersion: 1,
  id: 'clinic',
  name: 'Clinic',
  entities: [
    {
      id: 'patient',
      label: { en: 'Patient', 'zh-CN': '病人' },
      fields: [
        { id: 'name', type: 'text', label: 'Name' },
        { id: 'surname', type: 'text', label: 'Surname' },
      ],
    },
  ],
  pages: [
    {
      id: 'desk',
      title: 'Front desk',
      route: '/',
      components: [{ id: 'row', type: 'row', children: [{ id: 'list', type: 'table', props: { title: 'Patients' } }] }],
    },
  ],
  roles: [{ id: 'nurse', label: 'Nurse' }],
});

describe('semantic diff', () => {
  it('finds nothing between a definition and itself, or a draft and its published normal form', () => {
    expect(semanticDiff(clinic(), clinic())).toEqual([]);
    expect(semanticDiff(normalForm(sampleDraft()), normalForm(sampleDraft()))).toEqual([]);
  });

  it('names added and removed things by their labels, with where they are', () => {
    const after = clinic();
    after.entities[0].fields.push({ id: 'birthDate', type: 'date', label: 'Birth date' });
    after.entities.push({ id: 'visit', label: 'Visit', fields: [{ id: 'at', type: 'date', label: 'At' }] });
    after.pages[0].components.push({ id: 'board', type: 'kanban' });
    after.pages.push({ id: 'reports', title: 'Reports', route: '/reports', components: [] });
    after.roles = [];
    after.workflows = [{ id: 'remind', name: 'Remind', enabled: true, trigger: {}, nodes: [], edges: [] }];
    expect(semanticDiff(clinic(), after)).toEqual([
      { thing: 'field', kind: 'added', name: 'Birth date', in: 'Patient' },
      { thing: 'entity', kind: 'added', name: 'Visit' },
      { thing: 'component', kind: 'added', name: '', in: 'Front desk', type: 'kanban' },
      { thing: 'page', kind: 'added', name: 'Reports' },
      { thing: 'workflow', kind: 'added', name: 'Remind' },
      { thing: 'role', kind: 'removed', name: 'Nurse' },
    ]);
    expect(semanticDiff(after, clinic()).map((c) => `${c.kind} ${c.thing} ${c.name}`)).toEqual([
      'removed field Birth date',
      'removed entity Visit',
      'removed component ',
      'removed page Reports',
      'removed workflow Remind',
      'added role Nurse',
    ]);
  });

  it('reads an id rename through the renames as one rename, not a removal and an addition', () => {
    const after = clinic();
    after.entities[0] = { ...after.entities[0], id: 'client', label: 'Client' };
    after.entities[0].fields[1] = { id: 'familyName', type: 'text', label: 'Family name' };
    const renames = [
      { from: 'patient', to: 'client' },
      { entity: 'client', from: 'surname', to: 'familyName' },
    ];
    expect(semanticDiff(clinic(), after, renames)).toEqual([
      { thing: 'entity', kind: 'renamed', name: 'Client', from: 'Patient' },
      { thing: 'field', kind: 'renamed', name: 'Family name', from: 'Surname', in: 'Client' },
    ]);
    // Without them the old ids are gone and new ones came.
    expect(semanticDiff(clinic(), after).map((c) => c.kind)).toEqual(['removed', 'added']);
  });

  it('tells a label rename from a change of settings, and an id-only rename by its ids', () => {
    const after = clinic();
    after.entities[0].fields[0] = { id: 'name', type: 'text', label: 'Full name', required: true };
    after.entities[0].fields[1] = { id: 'lastName', type: 'text', label: 'Surname' };
    (after.pages[0].components[0].children![0].props as Record<string, unknown>).pageSize = 50;
    after.navigation = [{ label: 'Desk', page: 'desk' }];
    expect(semanticDiff(clinic(), after, [{ entity: 'patient', from: 'surname', to: 'lastName' }])).toEqual([
      { thing: 'field', kind: 'renamed', name: 'Full name', from: 'Name', in: 'Patient' },
      { thing: 'field', kind: 'changed', name: 'Full name', in: 'Patient' },
      { thing: 'field', kind: 'renamed', name: 'lastName', from: 'surname', in: 'Patient' },
      { thing: 'component', kind: 'changed', name: 'Patients', in: 'Front desk', type: 'table' },
      { thing: 'menu', kind: 'changed', name: '' },
    ]);
  });

  it('uses the labels of the language asked for', () => {
    const after = clinic();
    after.entities[0].fields.pop();
    expect(semanticDiff(clinic(), after, [], 'zh-CN')).toEqual([{ thing: 'field', kind: 'removed', name: 'Surname', in: '病人' }]);
  });
});
