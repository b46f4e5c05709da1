import { createBuilderStore } from '../builder.store';
import type { DraftNavItem } from '../draft.types';
import { navKey } from '../issue-mapping';
import { sampleDraft } from '../test-fixtures';

function setup(navigation: DraftNavItem[] = []) {
  const store = createBuilderStore();
  const pages = ['home', 'orders', 'customers', 'reports'].map((id, i) => ({ id, title: id, route: i ? `/${id}` : '/', components: [] }));
  store.getState().load('shop', { ...sampleDraft(), pages, navigation }, 1);
  return store;
}
const nav = (s: ReturnType<typeof setup>) => s.getState().definition!.navigation!;
/** The menu as labels, children in brackets: "A, B[C, D]". */
const shape = (items: DraftNavItem[]): string =>
  items.map((i) => `${String(i.label)}${i.children ? `[${shape(i.children)}]` : ''}`).join(', ');
const menu = () => [
  { label: 'A', page: 'home' },
  {
    label: 'B',
    children: [
      { label: 'C', page: 'orders' },
      { label: 'D', page: 'customers' },
    ],
  },
  { label: 'E', page: 'reports' },
];

describe('navigation commands', () => {
  it('adds items at the top level and as children, selecting the new one', () => {
    const s = setup();
    s.getState().dispatch('addNavItem', { item: { label: 'Home', page: 'home' } });
    s.getState().dispatch('addNavItem', { item: { label: 'Sales' } });
    s.getState().dispatch('addNavItem', { item: { label: 'Orders', page: 'orders' }, parentPath: [1] });
    expect(shape(nav(s))).toBe('Home, Sales[Orders]');
    expect(s.getState().selection).toEqual({ kind: 'navigation', path: [1, 0] });
    s.getState().validateNow();
    expect(s.getState().issues.all).toEqual([]);
  });

  it('edits an item but keeps its children; removes an item with its children', () => {
    const s = setup(menu());
    s.getState().dispatch('setNavItem', { path: [1], item: { label: 'Sales', icon: 'ShopOutlined' } });
    expect(nav(s)[1]).toMatchObject({ label: 'Sales', icon: 'ShopOutlined', children: [{ label: 'C' }, { label: 'D' }] });
    s.getState().dispatch('removeNavItem', { path: [1] });
    expect(shape(nav(s))).toBe('A, E');
  });

  it.each([
    ['down within the same list', [0], [], 2, 'B[C, D], A, E', [1]],
    ['up within the same list', [2], [], 0, 'E, A, B[C, D]', [0]],
    ['into a group (nesting)', [0], [1], 1, 'B[C, A, D], E', [0, 1]],
    ['out of a group', [1, 1], [], 3, 'A, B[C], E, D', [3]],
    ['into the group of a later sibling', [0], [2], 0, 'B[C, D], E[A]', [1, 0]],
    ['to the end of a nested list', [2], [1], 2, 'A, B[C, D, E]', [1, 2]],
  ])('moves %s', (_what, from, parentPath, index, expected, selected) => {
    const s = setup(menu());
    s.getState().dispatch('moveNavItem', { from, parentPath, index });
    expect(shape(nav(s))).toBe(expected);
    expect(s.getState().selection).toEqual({ kind: 'navigation', path: selected });
    s.temporal.getState().undo();
    expect(nav(s)).toEqual(menu());
  });

  it('ignores a move onto itself or into its own children', () => {
    const s = setup(menu());
    const before = s.getState().definition;
    s.getState().dispatch('moveNavItem', { from: [1], parentPath: [1], index: 0 });
    s.getState().dispatch('moveNavItem', { from: [1], parentPath: [], index: 1 });
    s.getState().dispatch('moveNavItem', { from: [1], parentPath: [], index: 2 });
    expect(s.getState().definition).toBe(before);
  });

  it('a menu item pointing at a missing page is an issue of that item (Navigation screen)', () => {
    const s = setup(menu());
    s.getState().dispatch('setNavItem', { path: [1, 1], item: { label: 'D', page: 'customer' } });
    s.getState().validateNow();
    const issue = s.getState().issues.byNavItem.get(navKey([1, 1]))![0];
    expect(issue.message).toBe('unknown page "customer" (did you mean "customers"?)');
    expect(issue.target).toEqual({ screen: 'navigation', navPath: [1, 1] });
  });
});
