/**
 * Whether a page is of use to the caller, for the menu: a page whose every entity component the
 * role cannot use (a create form without create, a list without read) is left out of the menu,
 * so a rep does not see "New deal" when reps may not create deals. Pages without entity
 * components (text, dashboards of other sources) stay.
 */
import type { AppDefinition, Component } from '@tessera/core';
import type { EntityPermissions } from '@tessera/core/wire';

type Page = AppDefinition['pages'][number];

function entityComponents(list: Component[], out: Component[] = []): Component[] {
  for (const c of list) {
    const source = (c as { source?: { kind?: string } }).source;
    if (source?.kind === 'entity') out.push(c);
    if ('children' in c && c.children) entityComponents(c.children, out);
  }
  return out;
}

function usable(c: Component, permissions: Record<string, EntityPermissions>): boolean {
  const { entity } = (c as { source: { entity: string } }).source;
  const p = permissions[entity];
  if (!p) return true; // no permissions known (admin preview): everything
  if (c.type === 'form') return ((c.props as { mode?: string } | undefined)?.mode ?? 'create') === 'create' ? p.create : p.update;
  return p.read;
}

export function pageIsUsable(page: Page, permissions: Record<string, EntityPermissions> | undefined): boolean {
  if (!permissions) return true;
  const components = entityComponents(page.components ?? []);
  return components.length === 0 || components.some((c) => usable(c, permissions));
}
