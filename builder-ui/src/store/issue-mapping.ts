/**
 * Maps validator issues (JSON pointers into the draft) to the things the consultant sees: an
 * entity, a field, a page, a component. The pointer is resolved against the same draft that was
 * validated, so ids (not positions) are what the UI keys on.
 */
import type { ValidationIssue } from '@tessera/schemas';
import type { Draft, DraftComponent } from './draft.types';

export interface IssueTarget {
  entityId?: string;
  fieldId?: string;
  pageId?: string;
  componentId?: string;
}

export interface MappedIssue extends ValidationIssue {
  target: IssueTarget;
}

export interface IssueIndex {
  all: MappedIssue[];
  byEntity: Map<string, MappedIssue[]>;
  byField: Map<string, MappedIssue[]>;
  byPage: Map<string, MappedIssue[]>;
  byComponent: Map<string, MappedIssue[]>;
}

export const fieldKey = (entityId: string, fieldId: string) => `${entityId}/${fieldId}`;

export function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function targetOf(def: Draft, pointer: string): IssueTarget {
  const t = parsePointer(pointer);
  if (t[0] === 'entities') {
    const entity = def.entities?.[Number(t[1])];
    if (!entity) return {};
    const field = t[2] === 'fields' ? entity.fields?.[Number(t[3])] : undefined;
    return { entityId: entity.id, ...(field ? { fieldId: field.id } : {}) };
  }
  if (t[0] === 'pages') {
    const page = def.pages?.[Number(t[1])];
    if (!page) return {};
    let list: DraftComponent[] | undefined = t[2] === 'components' ? page.components : undefined;
    let componentId: string | undefined;
    // Descend components/i(/children/j)* to the deepest component the pointer names.
    for (let i = 3; list && i < t.length; i += 2) {
      const c: DraftComponent | undefined = list[Number(t[i])];
      if (!c) break;
      componentId = c.id;
      list = t[i + 1] === 'children' ? c.children : undefined;
    }
    return { pageId: page.id, ...(componentId ? { componentId } : {}) };
  }
  return {};
}

function push(map: Map<string, MappedIssue[]>, key: string | undefined, issue: MappedIssue) {
  if (!key) return;
  map.set(key, [...(map.get(key) ?? []), issue]);
}

export function indexIssues(def: Draft, issues: ValidationIssue[]): IssueIndex {
  const index: IssueIndex = { all: [], byEntity: new Map(), byField: new Map(), byPage: new Map(), byComponent: new Map() };
  for (const issue of issues) {
    const mapped: MappedIssue = { ...issue, target: targetOf(def, issue.pointer) };
    const { entityId, fieldId, pageId, componentId } = mapped.target;
    index.all.push(mapped);
    push(index.byEntity, entityId, mapped);
    push(index.byField, entityId && fieldId ? fieldKey(entityId, fieldId) : undefined, mapped);
    push(index.byPage, pageId, mapped);
    push(index.byComponent, componentId, mapped);
  }
  return index;
}

export const emptyIssueIndex = (): IssueIndex => indexIssues({ schemaVersion: 1, id: '', name: '', entities: [], pages: [] }, []);
