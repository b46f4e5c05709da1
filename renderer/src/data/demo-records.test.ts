import type { AppDefinition } from '@tessera/core';
import { testDefinition } from '../testing/render-helpers';
import { generateDemoRecords } from './demo-records';

const definition = testDefinition as unknown as AppDefinition;
const count = () => 24;

describe('demo records', () => {
  it('are generated per entity on first read, the same whichever entity is read first', () => {
    const a = generateDemoRecords(definition, 7, count);
    const b = generateDemoRecords(definition, 7, count);
    const contactsFirst = a.get('contact');
    b.get('company');
    expect(b.get('contact')).toEqual(contactsFirst);
    expect(contactsFirst).toHaveLength(24);
    // Relations name records the target entity really has.
    const companyIds = new Set(a.get('company')!.map((r) => r.id));
    expect(contactsFirst!.filter((r) => r.company).every((r) => companyIds.has(r.company as string))).toBe(true);
  });

  it('change with the seed and know no entity the definition lacks', () => {
    expect(generateDemoRecords(definition, 8, count).get('contact')).not.toEqual(generateDemoRecords(definition, 7, count).get('contact'));
    expect(generateDemoRecords(definition, 7, count).get('nope')).toBeUndefined();
  });
});
