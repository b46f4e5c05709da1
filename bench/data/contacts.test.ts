import { describe, expect, it } from '@jest/globals';
import { COMPANY_COUNT, CONTACT_STATUSES, contactInput, contactRow } from './contacts';

describe('bench contact rows', () => {
  it('are deterministic', () => {
    expect(contactRow(123)).toEqual(contactRow(123));
    expect(contactInput(5, 'a')).toEqual(contactInput(5, 'a'));
  });

  it('have unique ids and emails and values within their domains', () => {
    const ids = new Set<string>();
    const emails = new Set<string>();
    const statuses = new Set<string>();
    for (let i = 0; i < 20000; i++) {
      const r = contactRow(i);
      ids.add(r.id);
      emails.add(r.email);
      statuses.add(r.status);
      expect(Number(r.company.slice(3))).toBeLessThan(COMPANY_COUNT);
      expect(r.score >= 0 && r.score <= 100 && Number.isInteger(r.score)).toBe(true);
    }
    expect(ids.size).toBe(20000);
    expect(emails.size).toBe(20000);
    expect([...statuses].sort()).toEqual([...CONTACT_STATUSES].sort());
  });

  it('POST bodies never reuse a seeded email', () => {
    expect(contactInput(0).email).toMatch(/@load\.example\.com$/);
    expect(contactInput(0, 'x').email).not.toBe(contactInput(0, 'y').email);
  });
});
