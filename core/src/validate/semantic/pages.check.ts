/** Pages: unique routes, component sources and refs, navigation targets. */
import { componentTypes } from '../../component-types/component-types.index';
import type { NavItem, Source } from '../../generated/app-definition';
import { joinPointer } from '../validation-issue';
import { checkFilter, checkSort } from './filters';
import { checkRefs } from './refs.check';
import { checkEntityRef, checkFieldRef, checkIdRef, type SemanticContext } from './semantic.context';

/** Limit across the whole app; per-list limits are in the schema. */
export const MAX_COMPONENTS = 2000;

/** `/deals/:id` and `/deals/:dealId` match the same URLs. */
const routeShape = (route: string) => route.replace(/:[^/]+/g, ':');

/** The parameters of the page a component pointer is in (`/pages/2/…` -> `:id` of its route). */
function routeParamsAt(ctx: SemanticContext, pointer: string): Set<string> | undefined {
  const page = ctx.def.pages[Number(pointer.split('/')[2])];
  return page ? new Set([...page.route.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1])) : undefined;
}

function checkSource(ctx: SemanticContext, source: Source, at: string): string | undefined {
  if (source.kind === 'connector') checkIdRef(ctx, 'connection', source.connection, joinPointer(at, 'connection'));
  if (source.kind === 'workflow') checkIdRef(ctx, 'workflow', source.workflow, joinPointer(at, 'workflow'));
  if (source.kind !== 'entity' || !checkEntityRef(ctx, source.entity, joinPointer(at, 'entity'))) return undefined;
  if (source.filter) checkFilter(ctx, source.filter, source.entity, joinPointer(at, 'filter'), routeParamsAt(ctx, at));
  if (source.sort) checkSort(ctx, source.sort, source.entity, joinPointer(at, 'sort'));
  source.fields?.forEach((f, i) => checkFieldRef(ctx, source.entity, f, joinPointer(at, 'fields', i)));
  return source.entity;
}

function checkNavigation(ctx: SemanticContext, items: NavItem[], base: string): void {
  items.forEach((item, i) => {
    if (item.page !== undefined) checkIdRef(ctx, 'page', item.page, joinPointer(base, i, 'page'));
    if (item.children) checkNavigation(ctx, item.children, joinPointer(base, i, 'children'));
  });
}

export function checkPages(ctx: SemanticContext): void {
  const routes = new Map<string, string>();
  ctx.def.pages.forEach((page, i) => {
    const shape = routeShape(page.route);
    const earlier = routes.get(shape);
    if (earlier !== undefined) ctx.report(`/pages/${i}/route`, `duplicate route "${page.route}" (also used by ${earlier})`);
    else routes.set(shape, `/pages/${i}`);
  });
  if (ctx.components.length > MAX_COMPONENTS) {
    ctx.report('/pages', `too many components: ${ctx.components.length} (at most ${MAX_COMPONENTS} per app)`);
  }
  for (const { component, pointer } of ctx.components) {
    const descriptor = componentTypes.get(component.type);
    if (!descriptor) continue;
    const entity =
      'source' in component && component.source ? checkSource(ctx, component.source, joinPointer(pointer, 'source')) : undefined;
    checkRefs(ctx, descriptor.refs, component.props, joinPointer(pointer, 'props'), entity);
    for (const problem of descriptor.check?.(component) ?? [])
      ctx.report(joinPointer(pointer, ...problem.path.split('.')), problem.message);
  }
  checkNavigation(ctx, ctx.def.navigation, '/navigation');
}
