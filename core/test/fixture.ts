/**
 * A fresh, mutable copy of the full fixture app for each test: a hand-written app
 * (fixtures/full-app.json, entities company/contact/deal that reference one another) plus the
 * fixture every type folder brings (`<type>.fixture.json`), so the app uses every registered
 * type and a new type folder is covered without editing anything here:
 * - a field type's `{ "entity": "<entity of the base app>", "field": {…} }` is added to that entity;
 * - a component type's component goes on the page `typeFixtures`;
 * - a node type's node goes in the workflow `typeFixtures`;
 * - a trigger type's trigger starts a workflow of its own, `fx_<folder>`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

const src = join(__dirname, '..', 'src');
const read = (path: string): Loose => JSON.parse(readFileSync(path, 'utf8'));
const camel = (folder: string) => folder.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The type folders of a kind that bring a fixture, with it. */
export function typeFixtures(kind: 'field' | 'component' | 'node' | 'trigger', root = src): Array<{ folder: string; fixture: Loose }> {
  const dir = join(root, `${kind}-types`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, `${e.name}.fixture.json`)))
    .map((e) => ({ folder: e.name, fixture: read(join(dir, e.name, `${e.name}.fixture.json`)) }))
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The base app plus the type folders' fixtures under `root` (core/src by default). */
export function assembleApp(base: Loose, root = src): Loose {
  const app = structuredClone(base);
  for (const { fixture } of typeFixtures('field', root)) {
    const entity = app.entities.find((e: Loose) => e.id === fixture.entity);
    if (!entity) throw new Error(`field fixture for entity "${fixture.entity}", which the base app does not have`);
    entity.fields.push(fixture.field);
  }
  app.pages.push({
    id: 'typeFixtures',
    title: 'Type fixtures',
    route: '/type-fixtures',
    components: typeFixtures('component', root).map((f) => f.fixture),
  });
  app.workflows.push({
    id: 'typeFixtures',
    name: 'Type fixtures',
    trigger: { type: 'manual', config: {} },
    nodes: typeFixtures('node', root).map((f) => f.fixture),
  });
  for (const { folder, fixture } of typeFixtures('trigger', root)) {
    app.workflows.push({ id: `fx_${camel(folder)}`, name: `Trigger fixture ${folder}`, trigger: fixture, nodes: [] });
  }
  return app;
}

export const fullApp = (): Loose => assembleApp(read(join(__dirname, 'fixtures', 'full-app.json')));
