/**
 * Demo records for the B2B Sales app: 20 companies, 60 contacts, 30 leads, 40 opportunities and 50
 * activities. Deterministic for a given seed (seeded PRNG, dates relative to a fixed epoch), so
 * the data doubles as a test fixture. Keys are entity ids in an order that is safe to insert
 * (every relation points to an entity inserted earlier); records carry their own `id`s so
 * relations link, and hold only stored fields (no computed or rollup values).
 */
import { createRandom, type Random } from './seeded-random';
import {
  ACTIVITY_SUBJECTS,
  asciiSlug,
  COMPANIES,
  DIAL_CODES,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  PRODUCTS,
  PROSPECT_COMPANIES,
  STREETS,
} from './demo-names';

export type DemoRecord = Record<string, unknown>;
export type DemoData = Record<string, DemoRecord[]>;

export const DEMO_COUNTS = { company: 20, contact: 60, lead: 30, opportunity: 40, activity: 50 } as const;

/** "Today" for the demo: closed deals lie before it, open ones after. */
const EPOCH = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

export const DEMO_OWNERS = ['rep1@example.com', 'rep2@example.com', 'manager@example.com'] as const;

const STAGE_PROBABILITY: Record<string, number> = {
  prospecting: 10,
  qualification: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

const id = (prefix: string, n: number) => `${prefix}_${String(n + 1).padStart(4, '0')}`;
const dateAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A datetime during office hours (UTC), `days` from the epoch. */
const datetimeAt = (rnd: Random, days: number) =>
  new Date(EPOCH + days * DAY + rnd.int(8, 17) * 3_600_000 + rnd.pick([0, 15, 30, 45]) * 60_000).toISOString();
const phone = (rnd: Random, country: string) =>
  `+${DIAL_CODES[country] ?? 1} ${rnd.int(100, 999)} ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}`;
const owner = (rnd: Random) =>
  rnd.weighted([
    [DEMO_OWNERS[0], 4],
    [DEMO_OWNERS[1], 4],
    [DEMO_OWNERS[2], 2],
  ]);

function companies(rnd: Random): DemoRecord[] {
  return COMPANIES.map((c, i) => ({
    id: id('co', i),
    name: c.name,
    domain: c.domain,
    industry: rnd.pick(['software', 'manufacturing', 'finance', 'healthcare', 'retail', 'logistics', 'education', 'other']),
    size: rnd.weighted([
      ['1-10', 1],
      ['11-50', 3],
      ['51-200', 4],
      ['201-1000', 3],
      ['1001+', 2],
    ]),
    website: `https://www.${c.domain}`,
    phone: phone(rnd, c.country),
    address: {
      street: `${rnd.int(1, 250)} ${rnd.pick(STREETS)}`,
      city: c.city,
      postalCode: String(rnd.int(10000, 99999)),
      country: c.country,
    },
    annualRevenue: rnd.int(5, 5000) * 100_000,
    owner: owner(rnd),
    ...(rnd.chance(0.4) ? { notes: `Key account in ${c.city}. Prefers quarterly invoicing.` } : {}),
  }));
}

function contacts(rnd: Random, companyList: DemoRecord[]): DemoRecord[] {
  const emails = new Set<string>();
  return Array.from({ length: DEMO_COUNTS.contact }, (_, i) => {
    // Round-robin first, so every company has contacts; then anywhere.
    const company = i < companyList.length ? companyList[i] : rnd.pick(companyList);
    const firstName = rnd.pick(FIRST_NAMES);
    const lastName = rnd.pick(LAST_NAMES);
    const local = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
    let email = `${local}@${company.domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${company.domain}`;
    emails.add(email);
    const tags = rnd.sample(
      ['decision_maker', 'champion', 'technical', 'finance', 'newsletter'],
      rnd.weighted([
        [0, 3],
        [1, 4],
        [2, 2],
        [3, 1],
      ]),
    );
    return {
      id: id('ct', i),
      firstName,
      lastName,
      email,
      phone: phone(rnd, (company.address as { country: string }).country),
      title: rnd.pick(JOB_TITLES),
      company: company.id,
      status: rnd.weighted([
        ['new', 2],
        ['engaged', 4],
        ['customer', 3],
        ['inactive', 1],
      ]),
      tags,
      // Mostly the account owner, as in a real team; sometimes a colleague.
      owner: rnd.chance(0.8) ? company.owner : owner(rnd),
      ...(rnd.chance(0.85) ? { lastContactedAt: datetimeAt(rnd, -rnd.int(1, 120)) } : {}),
      vip: rnd.chance(0.15),
    };
  });
}

function leads(rnd: Random, contactList: DemoRecord[]): DemoRecord[] {
  return Array.from({ length: DEMO_COUNTS.lead }, (_, i) => {
    const status = rnd.weighted([
      ['new', 4],
      ['contacted', 3],
      ['qualified', 2],
      ['disqualified', 1],
      ['converted', 2],
    ]);
    const firstName = rnd.pick(FIRST_NAMES);
    const lastName = rnd.pick(LAST_NAMES);
    const companyName = rnd.pick(PROSPECT_COMPANIES);
    return {
      id: id('ld', i),
      name: `${firstName} ${lastName}`,
      email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${asciiSlug(companyName)}.example`,
      source: rnd.weighted([
        ['web', 4],
        ['referral', 2],
        ['event', 2],
        ['ads', 3],
        ['content', 3],
      ]),
      status,
      score: status === 'disqualified' ? rnd.int(0, 20) : rnd.int(10, 100),
      companyName,
      ...(status === 'converted' ? { convertedTo: rnd.pick(contactList).id } : {}),
      owner: owner(rnd),
    };
  });
}

function opportunities(rnd: Random, companyList: DemoRecord[], contactList: DemoRecord[]): DemoRecord[] {
  return Array.from({ length: DEMO_COUNTS.opportunity }, (_, i) => {
    const company = companyList[i % companyList.length];
    const people = contactList.filter((c) => c.company === company.id);
    const stage = rnd.weighted([
      ['prospecting', 5],
      ['qualification', 5],
      ['proposal', 4],
      ['negotiation', 3],
      ['won', 6],
      ['lost', 3],
    ]);
    const closed = stage === 'won' || stage === 'lost';
    return {
      id: id('op', i),
      name: `${company.name} – ${rnd.pick(PRODUCTS)}`,
      company: company.id,
      ...(people.length > 0 ? { contact: rnd.pick(people).id } : {}),
      amount: rnd.int(10, 500) * 500,
      stage,
      probability: STAGE_PROBABILITY[stage],
      // 12-54 %, varied by position rather than drawn: a new draw would change every record after it.
      margin: 12 + ((i * 17) % 43),
      // Closed deals in the past year (a line chart over time), open ones in the next six months.
      closeDate: dateAt(EPOCH + (closed ? -rnd.int(1, 365) : rnd.int(7, 180)) * DAY),
      owner: company.owner,
    };
  });
}

function activities(rnd: Random, contactList: DemoRecord[], opportunityList: DemoRecord[]): DemoRecord[] {
  return Array.from({ length: DEMO_COUNTS.activity }, (_, i) => {
    const type = rnd.weighted([
      ['call', 4],
      ['email', 4],
      ['meeting', 2],
      ['task', 3],
      ['note', 2],
    ]);
    const days = rnd.int(-60, 30);
    // Most activities belong to a deal; the rest to a contact only. Links stay consistent.
    const opportunity = rnd.chance(0.6) ? rnd.pick(opportunityList) : undefined;
    const contact = opportunity ? contactList.find((c) => c.id === opportunity.contact) : rnd.pick(contactList);
    return {
      id: id('ac', i),
      type,
      subject: rnd.pick(ACTIVITY_SUBJECTS[type]),
      ...(rnd.chance(0.5) ? { body: `Notes from the ${type}: next step agreed, owner to follow up.` } : {}),
      dueAt: datetimeAt(rnd, days),
      done: days < 0 ? rnd.chance(0.85) : false,
      company: (opportunity?.company ?? contact?.company) as string,
      ...(contact ? { contact: contact.id } : {}),
      ...(opportunity ? { opportunity: opportunity.id } : {}),
      owner: (opportunity?.owner ?? contact?.owner) as string,
    };
  });
}

export function generateDemoData(seed = 42): DemoData {
  const rnd = createRandom(seed);
  const company = companies(rnd);
  const contact = contacts(rnd, company);
  const lead = leads(rnd, contact);
  const opportunity = opportunities(rnd, company, contact);
  const activity = activities(rnd, contact, opportunity);
  return { company, contact, lead, opportunity, activity };
}
