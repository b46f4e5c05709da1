/**
 * The builder benchmark's app: `entities` entities of ~8 fields with relations between them (a
 * chain plus cross links, so the ER diagram has ~1.25 edges per node) and one page of exactly
 * `components` components: rows of two columns holding data and content components (tables,
 * forms, lists, KPIs, charts, texts bound to different entities), plus cards of texts.
 */
export const APP_ID = 'builder-bench';
export const PAGE_ID = 'dashboard';

type Json = Record<string, unknown>;

const entityId = (i: number) => `e${String(i).padStart(3, '0')}`;

function entity(i: number, n: number): Json {
  const fields: Json[] = [
    { id: 'name', type: 'text', label: 'Name', required: true },
    { id: 'code', type: 'text', label: 'Code', indexed: true },
    { id: 'amount', type: 'money', label: 'Amount' },
    {
      id: 'status',
      type: 'enum',
      label: 'Status',
      options: [
        { value: 'open', label: 'Open' },
        { value: 'won', label: 'Won' },
        { value: 'lost', label: 'Lost' },
      ],
    },
    { id: 'active', type: 'boolean', label: 'Active' },
    { id: 'openedOn', type: 'date', label: 'Opened on' },
    { id: 'email', type: 'email', label: 'Email' },
    { id: 'next', type: 'relation', label: 'Next', to: entityId((i + 1) % n) },
  ];
  if (i % 4 === 0) fields.push({ id: 'partner', type: 'relation', label: 'Partner', to: entityId((i * 7 + 3) % n) });
  return { id: entityId(i), label: `Entity ${i}`, display: 'name', fields };
}

/** A leaf component bound to entity `e` (content components are not bound). */
function leaf(kind: string, id: string, e: string): Json {
  const source = { kind: 'entity', entity: e };
  switch (kind) {
    case 'table':
      return {
        id,
        type: 'table',
        source,
        props: { title: `Table ${id}`, columns: ['name', 'code', 'amount', 'status', 'active'].map((field) => ({ field })), pageSize: 5 },
      };
    case 'form':
      return {
        id,
        type: 'form',
        source,
        props: { mode: 'create', fields: ['name', 'code', 'amount', 'status'].map((field) => ({ field })) },
      };
    case 'list':
      return { id, type: 'list', source, props: { title: `List ${id}`, titleField: 'name', subtitleField: 'code', pageSize: 5 } };
    case 'kpi':
      return { id, type: 'kpi', source, props: { title: `KPI ${id}`, metric: { op: 'count' } } };
    case 'chart':
      return { id, type: 'chart', source, props: { title: `Chart ${id}`, chartType: 'bar', x: 'status', metric: { op: 'count' } } };
    default:
      return { id, type: 'text', props: { content: `Text ${id}: notes for this section.` } };
  }
}

/** Counts every component in the tree. */
export function countComponents(list: Json[]): number {
  return list.reduce((n, c) => n + 1 + countComponents((c.children as Json[] | undefined) ?? []), 0);
}

export function bigApp(options: { entities?: number; components?: number } = {}): Json {
  const n = options.entities ?? 100;
  const total = options.components ?? 300;
  const entities = Array.from({ length: n }, (_, i) => entity(i, n));
  const components: Json[] = [];
  let count = 0;
  let col = 0;
  // Rows of two columns with four leaves each: 11 components per row.
  const kinds = (c: number) => ['text', c % 5 === 0 ? 'chart' : 'kpi', 'table', c % 2 ? 'form' : 'list'];
  while (total - count >= 11 + 5) {
    const r = components.length;
    const columns: Json[] = [0, 1].map(() => {
      const c = col++;
      const e = entityId(c % n);
      return { id: `col${c}`, type: 'column', props: { span: 12 }, children: kinds(c).map((k, j) => leaf(k, `${k}${c}_${j}`, e)) };
    });
    components.push({ id: `row${r}`, type: 'row', props: {}, children: columns });
    count += 11;
  }
  // The rest: cards of up to four texts (a card with k texts is k + 1 components).
  let card = 0;
  while (count < total) {
    const k = Math.min(4, total - count - 1);
    const id = `card${card++}`;
    components.push({
      id,
      type: 'card',
      props: { title: `Card ${id}` },
      children: Array.from({ length: k }, (_, j) => leaf('text', `${id}_text${j}`, '')),
    });
    count += k + 1;
  }
  return {
    schemaVersion: 1,
    id: APP_ID,
    name: 'Builder benchmark',
    locales: ['en'],
    entities,
    pages: [{ id: PAGE_ID, title: 'Dashboard', route: '/', components }],
  };
}
