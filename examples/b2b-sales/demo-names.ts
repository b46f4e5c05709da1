/** Word lists for the demo data: an international customer base, as a B2B team really has. */

export interface CompanySeed {
  name: string;
  domain: string;
  city: string;
  country: string; // ISO 3166-1 alpha-2
}

export const COMPANIES: readonly CompanySeed[] = [
  { name: 'Acme Robotics', domain: 'acme-robotics.com', city: 'Boston', country: 'US' },
  { name: 'Nordlicht Logistik GmbH', domain: 'nordlicht-logistik.de', city: 'Hamburg', country: 'DE' },
  { name: 'Huaxin Technology', domain: 'huaxin-tech.cn', city: 'Shanghai', country: 'CN' },
  { name: 'Sakura Precision', domain: 'sakura-precision.jp', city: 'Osaka', country: 'JP' },
  { name: 'Soluciones Andinas', domain: 'solucionesandinas.cl', city: 'Santiago', country: 'CL' },
  { name: 'Maison Lumière', domain: 'maison-lumiere.fr', city: 'Lyon', country: 'FR' },
  { name: 'Fjord Analytics', domain: 'fjordanalytics.no', city: 'Bergen', country: 'NO' },
  { name: 'Bluewater Health', domain: 'bluewaterhealth.co.uk', city: 'Bristol', country: 'GB' },
  { name: 'Tianyu Retail Group', domain: 'tianyu-retail.com', city: 'Shenzhen', country: 'CN' },
  { name: 'Vega Finanzas', domain: 'vegafinanzas.es', city: 'Madrid', country: 'ES' },
  { name: 'Kestrel Software', domain: 'kestrel.io', city: 'Austin', country: 'US' },
  { name: 'Hanami Learning', domain: 'hanami-learning.jp', city: 'Tokyo', country: 'JP' },
  { name: 'Orbis Manufacturing', domain: 'orbis-mfg.com', city: 'Detroit', country: 'US' },
  { name: 'Polaris Capital', domain: 'polariscapital.ch', city: 'Zürich', country: 'CH' },
  { name: 'Lotus Medical', domain: 'lotusmedical.in', city: 'Bengaluru', country: 'IN' },
  { name: 'Brightpath Education', domain: 'brightpath.edu.au', city: 'Melbourne', country: 'AU' },
  { name: 'Costa Verde Foods', domain: 'costaverde.com.br', city: 'São Paulo', country: 'BR' },
  { name: 'Hangang Electronics', domain: 'hangang-elec.kr', city: 'Seoul', country: 'KR' },
  { name: 'Atlas Freight', domain: 'atlasfreight.com', city: 'Rotterdam', country: 'NL' },
  { name: 'Mistral Cloud', domain: 'mistralcloud.fr', city: 'Paris', country: 'FR' },
];

/** Calling codes of the countries above, so phone numbers match the company's country. */
export const DIAL_CODES: Record<string, number> = {
  US: 1,
  DE: 49,
  CN: 86,
  JP: 81,
  CL: 56,
  FR: 33,
  NO: 47,
  GB: 44,
  ES: 34,
  CH: 41,
  IN: 91,
  AU: 61,
  BR: 55,
  KR: 82,
  NL: 31,
};

export const STREETS = [
  'Main Street',
  'Harbour Road',
  'Park Avenue',
  'Industriestraße',
  'Rue de la Paix',
  'Calle Mayor',
  'Nanjing Road',
  'Station Square',
];

export const FIRST_NAMES = [
  'Ada',
  'Amara',
  'Anders',
  'Beatriz',
  'Chen',
  'Chloé',
  'Daniel',
  'Elif',
  'Emma',
  'Fatima',
  'Giulia',
  'Hana',
  'Hiroshi',
  'Ingrid',
  'Isabel',
  'Jin',
  'José',
  'Kwame',
  'Lars',
  'Léa',
  'Li',
  'Lucas',
  'Mei',
  'Min-jun',
  'Noah',
  'Olivia',
  'Priya',
  'Rafael',
  'Sofia',
  'Søren',
  'Takumi',
  'Wei',
  'Yuki',
  'Zoë',
];

export const LAST_NAMES = [
  'Andersen',
  'Becker',
  'Chen',
  'Costa',
  'Dubois',
  'Fernández',
  'Fischer',
  'García',
  'Gupta',
  'Hansen',
  'Ito',
  'Kim',
  'Kowalski',
  'Li',
  'Liu',
  'Martin',
  'Müller',
  'Nakamura',
  'Nguyen',
  'Okafor',
  'Park',
  'Rossi',
  'Santos',
  'Sato',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Tanaka',
  'Wang',
  'Yilmaz',
  'Zhang',
];

export const JOB_TITLES = [
  'CEO',
  'CTO',
  'CFO',
  'Head of Sales',
  'VP Operations',
  'IT Director',
  'Procurement Manager',
  'Marketing Manager',
  'Product Owner',
  'Finance Controller',
  'Engineering Lead',
  'Office Manager',
];

/** Companies that only appear as text on leads (not yet customers). */
export const PROSPECT_COMPANIES = [
  'Granite Peak Insurance',
  'Lumen Dynamics',
  'Jade River Trading',
  'Baltic Shipping AB',
  'Quokka Apps',
  'Sonnenberg Energie',
  'Rio Claro Agro',
  'Kyoto Textile Works',
  'Northwind Traders',
  'Crescent Pharma',
];

export const PRODUCTS = [
  'Platform licence',
  'Analytics add-on',
  'Onboarding package',
  'Support renewal',
  'Enterprise upgrade',
  'Pilot project',
];

export const ACTIVITY_SUBJECTS: Record<string, readonly string[]> = {
  call: ['Discovery call', 'Follow-up call', 'Pricing call', 'Check-in call'],
  email: ['Sent proposal', 'Sent case study', 'Replied to questions', 'Sent contract draft'],
  meeting: ['Product demo', 'On-site workshop', 'Quarterly business review', 'Kick-off meeting'],
  task: ['Prepare quote', 'Update forecast', 'Send NDA', 'Book follow-up'],
  note: ['Budget confirmed', 'Competitor mentioned', 'Decision postponed', 'New stakeholder joined'],
};

/** ASCII for emails: strips accents, spells out letters that have no decomposition. */
export function asciiSlug(s: string): string {
  return s
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}
