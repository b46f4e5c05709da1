/**
 * Deterministic Contact rows for the records benchmark. The same `i` always gives the same row, so
 * Tessera and the hand-written baseline are seeded with identical data and a benchmark can pick
 * ids to read without asking the server. Pure integer hashing and small lookup tables: a million
 * rows take well under a second to generate.
 */

export const CONTACT_STATUSES = ['lead', 'prospect', 'customer', 'partner', 'inactive'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** Companies referenced by contacts: `co_0000` … `co_0999`. */
export const COMPANY_COUNT = 1000;

export interface ContactRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  status: ContactStatus;
  company: string;
  score: number;
  createdAt: string;
}

/** What a client POSTs: a row without the system fields. */
export type ContactInput = Omit<ContactRow, 'id' | 'createdAt'>;

const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Amara',
  'Anna',
  'Bo',
  'Carlos',
  'Chen',
  'Chloé',
  'Dmitri',
  'Elena',
  'Emeka',
  'Fatima',
  'Felix',
  'Grace',
  'Hana',
  'Hiroshi',
  'Ines',
  'Ivan',
  'Jia',
  'João',
  'Kai',
  'Lars',
  'Lea',
  'Li',
  'Lucía',
  'Mei',
  'Mohammed',
  'Nadia',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Rosa',
  'Sakura',
  'Sven',
  'Tariq',
  'Wei',
  'Yara',
  'Zoe',
];

const LAST_NAMES = [
  'Abe',
  'Adeyemi',
  'Andersson',
  'Bauer',
  'Becker',
  'Chen',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Gupta',
  'Hansen',
  'Hoffmann',
  'Ivanova',
  'Jensen',
  'Kim',
  'Kowalski',
  'Kumar',
  'Lee',
  'Liu',
  'López',
  'Martin',
  'Müller',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Olsen',
  'Park',
  'Petrov',
  'Rossi',
  'Santos',
  'Sato',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Suzuki',
  'Tanaka',
  'Wang',
  'Weber',
  'Wu',
  'Yamamoto',
  'Yilmaz',
  'Zhang',
  'Zhao',
  'Zimmermann',
];

/** Every row is created before this instant, one minute apart (newest first). */
const EPOCH_MS = Date.UTC(2026, 0, 1);

/** lowbias32 (Chris Wellons): a cheap integer hash with good avalanche, so neighbouring rows differ. */
function hash32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export function contactId(i: number): string {
  return `ct_${String(i).padStart(7, '0')}`;
}

export function companyId(k: number): string {
  return `co_${String(k).padStart(4, '0')}`;
}

/** ASCII local part for emails ("Chloé" -> "chloe"). */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function fields(seed: number): Omit<ContactInput, 'email'> {
  const h1 = hash32(seed);
  const h2 = hash32(h1 ^ 0x9e3779b9);
  const h3 = hash32(h2 ^ 0x85ebca6b);
  return {
    firstName: FIRST_NAMES[h1 % FIRST_NAMES.length],
    lastName: LAST_NAMES[(h1 >>> 8) % LAST_NAMES.length],
    phone: `+1-555-${String(h3 % 10_000_000).padStart(7, '0')}`,
    status: CONTACT_STATUSES[(h1 >>> 20) % CONTACT_STATUSES.length],
    company: companyId(h2 % COMPANY_COUNT),
    score: (h2 >>> 12) % 101,
  };
}

/** Row `i` (0-based) of the seeded data set. Emails embed `i`, so they are unique. */
export function contactRow(i: number): ContactRow {
  const f = fields(i);
  return {
    id: contactId(i),
    ...f,
    email: `${slug(f.firstName)}.${slug(f.lastName)}.${i}@example.com`,
    createdAt: new Date(EPOCH_MS - i * 60_000).toISOString(),
  };
}

/**
 * Body number `i` for POST benchmarks. Emails use their own domain plus a `runTag`, so they never
 * collide with seeded rows nor with an earlier run against the same database.
 */
export function contactInput(i: number, runTag = 'run'): ContactInput {
  const f = fields(i + 0x5bd1e995);
  return { ...f, email: `${slug(f.firstName)}.${i}.${runTag}@load.example.com` };
}
