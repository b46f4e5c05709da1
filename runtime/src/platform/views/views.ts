import type { Store, StoredDoc } from '@tessera/core/store';
import { Forbidden, Invalid, NotFound, type Issue } from '../../domain-errors';
import { VIEWS } from '../platform-collections';
import type { Caller } from '../policy/policy.types';

export interface SavedView {
  id: string;
  name: string;
  component: string;
  state: { filter?: unknown; sort?: unknown; columns?: string[]; pageSize?: number };
  shared: boolean;
  owner: { id: string; email: string; name: string };
  updatedAt: string;
}

const IDENT = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const MAX_STATE_CHARS = 20_000;
const MAX_VIEWS_PER_COMPONENT = 200;

function toView(doc: StoredDoc): SavedView {
  return {
    id: doc.id,
    name: doc.name as string,
    component: doc.component as string,
    state: doc.state as SavedView['state'],
    shared: Boolean(doc.shared),
    owner: doc.owner as SavedView['owner'],
    updatedAt: doc.updatedAt,
  };
}

/**
 * Saved table views. A view's state is the table's own (filter, sort, columns, page size): it is
 * checked for shape and size here; its filter is checked against the entity when the table uses it
 * (as any filter sent to the records API), so a view that outlived a field fails visibly, not silently.
 */
function checkView(input: unknown): Omit<SavedView, 'id' | 'owner' | 'updatedAt'> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Invalid('send {"name", "component", "state", "shared"}');
  const { name, component, state, shared } = input as Record<string, unknown>;
  const issues: Issue[] = [];
  if (typeof name !== 'string' || !name.trim() || name.length > 200)
    issues.push({ pointer: '/name', message: 'must be a name of 1-200 characters' });
  if (typeof component !== 'string' || !IDENT.test(component)) issues.push({ pointer: '/component', message: 'must be a component id' });
  if (shared !== undefined && typeof shared !== 'boolean') issues.push({ pointer: '/shared', message: 'must be true or false' });
  const s = (state ?? {}) as Record<string, unknown>;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) issues.push({ pointer: '/state', message: 'must be an object' });
  else {
    for (const key of Object.keys(s))
      if (!['filter', 'sort', 'columns', 'pageSize'].includes(key)) issues.push({ pointer: `/state/${key}`, message: 'unknown property' });
    if (s.filter !== undefined && (typeof s.filter !== 'object' || s.filter === null || Array.isArray(s.filter)))
      issues.push({ pointer: '/state/filter', message: 'must be an object' });
    if (s.sort !== undefined && !Array.isArray(s.sort)) issues.push({ pointer: '/state/sort', message: 'must be an array' });
    if (s.columns !== undefined && (!Array.isArray(s.columns) || !s.columns.every((c) => typeof c === 'string')))
      issues.push({ pointer: '/state/columns', message: 'must be an array of field ids' });
    if (s.pageSize !== undefined && (!Number.isInteger(s.pageSize) || (s.pageSize as number) < 1 || (s.pageSize as number) > 1000))
      issues.push({ pointer: '/state/pageSize', message: 'must be an integer from 1 to 1000' });
    if (JSON.stringify(s).length > MAX_STATE_CHARS)
      issues.push({ pointer: '/state', message: `must be under ${MAX_STATE_CHARS} characters as JSON` });
  }
  if (issues.length) throw new Invalid('the view is not valid', issues);
  return { name: (name as string).trim(), component: component as string, state: s as SavedView['state'], shared: shared === true };
}

export class Views {
  constructor(private readonly store: Store) {}

  private coll() {
    return this.store.collection(VIEWS);
  }

  /** The caller's own views of a component, plus the shared ones of everybody. */
  async list(appId: string, component: string | undefined, caller: Caller): Promise<SavedView[]> {
    const filter = component ? { appId, component } : { appId };
    const page = await this.coll().find({
      filter: { ...filter, $or: [{ userId: caller.user.id }, { shared: true }] },
      sort: [{ field: 'name', dir: 'asc' }],
      limit: 1000,
    });
    return page.items.map(toView);
  }

  async create(appId: string, input: unknown, caller: Caller): Promise<SavedView> {
    const view = checkView(input);
    const mine = await this.coll().count({ appId, component: view.component, userId: caller.user.id });
    if (mine >= MAX_VIEWS_PER_COMPONENT) throw new Invalid(`you have ${mine} views of this component; delete some first`);
    return toView(await this.coll().insert({ appId, userId: caller.user.id, owner: caller.user, ...view }));
  }

  /** Only the owner changes a view (platform admins and builders too). */
  async update(appId: string, id: string, input: unknown, caller: Caller): Promise<SavedView> {
    const view = checkView(input);
    await this.owned(appId, id, caller);
    return toView(await this.coll().update(id, view));
  }

  async remove(appId: string, id: string, caller: Caller): Promise<void> {
    await this.owned(appId, id, caller);
    await this.coll().delete(id);
  }

  private async owned(appId: string, id: string, caller: Caller): Promise<StoredDoc> {
    const doc = await this.coll().get(id);
    if (!doc || doc.appId !== appId || (!doc.shared && doc.userId !== caller.user.id && !caller.bypass))
      throw new NotFound(`no view ${id}`);
    if (doc.userId !== caller.user.id && !caller.bypass) throw new Forbidden('only the owner of a view may change it');
    return doc;
  }

  async removeApp(appId: string): Promise<void> {
    for (;;) {
      const page = await this.coll().find({ filter: { appId }, limit: 500 });
      if (!page.items.length) break;
      for (const d of page.items) await this.coll().delete(d.id);
    }
  }
}
