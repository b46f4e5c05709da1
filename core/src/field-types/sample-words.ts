/** Word banks for demo data: plausible CRM values chosen by field id, so a preview looks real. */
export const FIRST = [
  'Alice',
  'Bruno',
  'Chen',
  'Dana',
  'Emil',
  'Fatima',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kara',
  'Liam',
  'Mei',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Zoe',
];
export const LAST = [
  'Anderson',
  'Bauer',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Huang',
  'Ito',
  'Jensen',
  'Kim',
  'Lopez',
  'Müller',
  'Nakamura',
  'Olsen',
  'Patel',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Wang',
  'Zhang',
];
export const COMPANY_A = [
  'Acme',
  'Blue',
  'Cedar',
  'Delta',
  'Evergreen',
  'Falcon',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Keystone',
  'Lumen',
  'Maple',
  'Nova',
  'Orion',
  'Pioneer',
  'Quartz',
  'Summit',
  'Terra',
  'Vertex',
];
export const COMPANY_B = ['Labs', 'Systems', 'Logistics', 'Health', 'Retail', 'Partners', 'Industries', 'Software', 'Capital', 'Foods'];
export const TITLES = [
  'CEO',
  'CTO',
  'Head of Sales',
  'Procurement Manager',
  'IT Director',
  'Operations Lead',
  'CFO',
  'Marketing Manager',
  'Engineer',
];
export const SUBJECTS = [
  'Intro call',
  'Send proposal',
  'Follow-up email',
  'Product demo',
  'Contract review',
  'Quarterly check-in',
  'Pricing discussion',
  'Onboarding kickoff',
];
export const WORDS = [
  'quarterly',
  'renewal',
  'expansion',
  'pilot',
  'integration',
  'budget',
  'timeline',
  'stakeholder',
  'security review',
  'rollout',
];
export const CITIES = ['Berlin', 'Shanghai', 'Austin', 'Lyon', 'Osaka', 'Toronto', 'Madrid', 'Singapore'];

export const pickOf = <T>(list: readonly T[], rng: () => number): T => list[Math.floor(rng() * list.length)];

export const personName = (rng: () => number) => `${pickOf(FIRST, rng)} ${pickOf(LAST, rng)}`;
export const companyName = (rng: () => number) => `${pickOf(COMPANY_A, rng)} ${pickOf(COMPANY_B, rng)}`;
export const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '');
