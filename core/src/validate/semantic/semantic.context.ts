/**
 * Lookup tables the semantic checks share, built once per validation from a schema-valid
 * definition, plus the issue sink and the common "unknown X" reporters.
 */
import type { AppDefinition, Component, Entity, Field } from '../../generated/app-definition';
import { RECORD_SYSTEM_FIELDS } from '../../query/field-path';
import { didYouMean } from '../suggest';
import { joinPointer, type ValidationIssue } from '../validation-issue';
import type { ConnectorResolver } from './connections.check';

const SYSTEM_FIELDS: readonly string[] = RECORD_SYSTEM_FIELDS;

export interface LocatedComponent {
  component: Component;
  pointer: string;
}

export interface SemanticContext {
  def: AppDefinition;
  entities: Map<string, { entity: Entity; index: number; fields: Map<string, Field> }>;
  ids: Record<'connection' | 'workflow' | 'page' | 'component' | 'role' | 'tag' | 'segment', Set<string>>;
  /** Every component of every page, depth first, with its pointer. */
  components: LocatedComponent[];
  issues: ValidationIssue[];
  report(pointer: string, message: string): void;
  /** The installed connectors, when the caller knows them (the server); connection checks need it. */
  connectors?: ConnectorResolver;
}

function walkComponents(list: Component[], base: string, out: LocatedComponent[]): void {
  list.forEach((component, i) => {
    const pointer = joinPointer(base, i);
    out.push({ component, pointer });
    if ('children' in component && component.children) walkComponents(component.children, joinPointer(pointer, 'children'), out);
  });
}

function firstById<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map([...list].reverse().map((x) => [x.id, x]));
}

export function createContext(def: AppDefinition, connectors?: ConnectorResolver): SemanticContext {
  const components: LocatedComponent[] = [];
  def.pages.forEach((p, i) => walkComponents(p.components, `/pages/${i}/components`, components));
  const issues: ValidationIssue[] = [];
  // On duplicate ids the first one wins (the duplicate itself is reported by duplicate-ids.check).
  const entities: SemanticContext['entities'] = new Map();
  def.entities.forEach((entity, index) => {
    if (!entities.has(entity.id)) entities.set(entity.id, { entity, index, fields: firstById(entity.fields) });
  });
  return {
    def,
    entities,
    ids: {
      connection: new Set(def.connections.map((c) => c.id)),
      workflow: new Set(def.workflows.map((w) => w.id)),
      page: new Set(def.pages.map((p) => p.id)),
      component: new Set(components.map((c) => c.component.id)),
      role: new Set(def.roles.map((r) => r.id)),
      tag: new Set(def.tags.map((t) => t.id)),
      segment: new Set(def.segments.map((s) => s.id)),
    },
    components,
    issues,
    report: (pointer, message) => issues.push({ pointer, message }),
    connectors,
  };
}

/** Reports and returns false when `id` is not an entity of the app. */
export function checkEntityRef(ctx: SemanticContext, id: string, pointer: string): boolean {
  if (ctx.entities.has(id)) return true;
  ctx.report(pointer, `unknown entity "${id}"${didYouMean(id, ctx.entities.keys())}`);
  return false;
}

/** Checks the first segment of a field path against the entity's fields and the system fields. */
export function checkFieldRef(ctx: SemanticContext, entityId: string, path: string, pointer: string): Field | undefined {
  const entry = ctx.entities.get(entityId);
  if (!entry) return undefined;
  const head = path.split('.')[0];
  const field = entry.fields.get(head);
  if (!field && !SYSTEM_FIELDS.includes(head)) {
    ctx.report(pointer, `unknown field "${head}" on entity "${entityId}"${didYouMean(head, [...entry.fields.keys(), ...SYSTEM_FIELDS])}`);
  }
  return field;
}

const nouns: Record<keyof SemanticContext['ids'], string> = {
  connection: 'connection',
  workflow: 'workflow',
  page: 'page',
  component: 'component',
  role: 'role',
  tag: 'tag',
  segment: 'segment',
};

export function checkIdRef(ctx: SemanticContext, kind: keyof SemanticContext['ids'], id: string, pointer: string): void {
  if (ctx.ids[kind].has(id)) return;
  const where = kind === 'connection' ? ' (declare it in connections)' : '';
  ctx.report(pointer, `unknown ${nouns[kind]} "${id}"${didYouMean(id, ctx.ids[kind])}${where}`);
}
