import { describe, expect, it } from '@jest/globals';
import { checkDemoData } from '../shared/check-demo-data';
import app from './app.json';
import { DEMO_OWNERS, generateDemoData } from './demo-data';

const counts = (data: ReturnType<typeof generateDemoData>) =>
  Object.fromEntries(Object.entries(data).map(([entity, records]) => [entity, records.length]));

describe('b2b-sales demo data', () => {
  const data = generateDemoData();

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoData()).toEqual(data);
    expect(generateDemoData(42)).toEqual(data);
    expect(generateDemoData(7)).not.toEqual(data);
    expect(counts(generateDemoData(7))).toEqual(counts(data));
  });

  it('has the documented number of records per entity, in a safe insertion order', () => {
    expect(counts(data)).toEqual({ company: 20, contact: 60, lead: 30, opportunity: 40, activity: 50 });
    expect(Object.keys(data)).toEqual(['company', 'contact', 'lead', 'opportunity', 'activity']);
  });

  it('satisfies the app definition: fields, types, enums, uniqueness, relations', () => {
    expect(checkDemoData(app, data)).toEqual([]);
    expect(checkDemoData(app, generateDemoData(1234))).toEqual([]);
  });

  it('keeps linked records consistent (activity company matches its deal and contact)', () => {
    const byId = new Map(
      Object.values(data)
        .flat()
        .map((r) => [r.id, r]),
    );
    for (const a of data.activity) {
      if (a.opportunity) expect(byId.get(a.opportunity)?.company).toBe(a.company);
      if (a.contact) expect(byId.get(a.contact)?.company).toBe(a.company);
    }
    for (const o of data.opportunity) {
      if (o.contact) expect(byId.get(o.contact)?.company).toBe(o.company);
    }
  });

  it('shows something everywhere: every stage, owner and company is used', () => {
    expect(new Set(data.opportunity.map((o) => o.stage))).toEqual(
      new Set(['prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost']),
    );
    for (const entity of Object.keys(data)) {
      expect(new Set(data[entity].map((r) => r.owner))).toEqual(new Set(DEMO_OWNERS));
    }
    const withContacts = new Set(data.contact.map((c) => c.company));
    expect(withContacts.size).toBe(data.company.length);
  });

  // The value messages are the records API's (the checker reads each field type's valueSchema).
  it('the checker itself catches mistakes', () => {
    const broken = structuredClone(data);
    broken.contact[0].status = 'vip';
    broken.contact[1].email = broken.contact[2].email;
    broken.opportunity[0].company = 'co_9999';
    broken.opportunity[1].closeDate = '2026-13-01';
    broken.company[0].contactCount = 3;
    delete broken.company[1].name;
    const problems = checkDemoData(app, broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^contact\/ct_0001\.status: must be one of "new"/),
        expect.stringMatching(/^contact\/ct_0003\.email: duplicate/),
        expect.stringMatching(/^opportunity\/op_0001\.company: points to missing company/),
        expect.stringMatching(/^opportunity\/op_0002\.closeDate: must match format "date"/),
        expect.stringMatching(/^company\/co_0001\.contactCount: rollup fields are never stored/),
        expect.stringMatching(/^company\/co_0002\.name: required/),
      ]),
    );
  });
});
