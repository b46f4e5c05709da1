/** @jest-environment jsdom */
import '../test-setup';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { builderStore } from '../store/builder.store';
import type { DraftNavItem } from '../store/draft.types';
import { sampleDraft } from '../store/test-fixtures';
import { NavigationDesigner } from './navigation.designer';

function load(navigation: DraftNavItem[]) {
  const pages = [
    { id: 'home', title: 'Home', route: '/', components: [] },
    { id: 'orders', title: 'Orders', route: '/orders', components: [] },
    { id: 'reports', title: 'Reports', route: '/reports', components: [] },
  ];
  builderStore.getState().load('shop', { ...sampleDraft(), pages, navigation }, 1);
}
const nav = () => builderStore.getState().definition!.navigation!;
const labels = (items: DraftNavItem[]): string =>
  items.map((i) => `${String(i.label)}${i.children ? `[${labels(i.children)}]` : ''}`).join(', ');

describe('Navigation screen', () => {
  it('lists the menu as a tree, offers the pages not in it, and adds one', () => {
    load([
      { label: 'Home', page: 'home' },
      { label: 'Sales', children: [{ label: 'Orders', page: 'orders' }] },
    ]);
    render(<NavigationDesigner />);
    expect(screen.getByTestId('nav-item-1.0').textContent).toContain('Orders→ /orders');
    const unlisted = screen.getByTestId('unlisted-pages');
    expect(within(unlisted).queryByText('Home')).toBeNull();
    fireEvent.click(within(unlisted).getByText('Add to menu'));
    expect(labels(nav())).toBe('Home, Sales[Orders], Reports');
    expect(nav()[2]).toEqual({ label: 'Reports', page: 'reports' });
    expect(screen.queryByTestId('unlisted-pages')).toBeNull();
    expect(builderStore.getState().selection).toEqual({ kind: 'navigation', path: [2] });
  });

  it('moves the selected item with the toolbar: up, into the group before it, out again', () => {
    load([
      { label: 'Home', page: 'home' },
      { label: 'Sales', children: [{ label: 'Orders', page: 'orders' }] },
      { label: 'Reports', page: 'reports' },
    ]);
    builderStore.getState().select({ kind: 'navigation', path: [2] });
    render(<NavigationDesigner />);
    fireEvent.click(screen.getByLabelText('Indent'));
    expect(labels(nav())).toBe('Home, Sales[Orders, Reports]');
    fireEvent.click(screen.getByLabelText('Move up'));
    expect(labels(nav())).toBe('Home, Sales[Reports, Orders]');
    fireEvent.click(screen.getByLabelText('Outdent'));
    expect(labels(nav())).toBe('Home, Sales[Orders], Reports');
    expect((screen.getByLabelText('Move down') as HTMLButtonElement).disabled).toBe(true);
    act(() => builderStore.temporal.getState().undo());
    expect(labels(nav())).toBe('Home, Sales[Reports, Orders]');
  });

  it('edits the selected item with the form generated from the NavItem schema, and shows its error', () => {
    load([{ label: 'Home', page: 'home' }]);
    builderStore.getState().select({ kind: 'navigation', path: [0] });
    render(<NavigationDesigner />);
    const panel = screen.getByTestId('nav-item-panel');
    fireEvent.change(within(panel).getByLabelText('icon'), { target: { value: 'HomeOutlined' } });
    expect(nav()[0]).toEqual({ label: 'Home', page: 'home', icon: 'HomeOutlined' });
    act(() => {
      builderStore.getState().dispatch('setNavItem', { path: [0], item: { label: 'Home', page: 'hom' } });
      builderStore.getState().validateNow();
    });
    expect(within(screen.getByTestId('nav-item-panel')).getByText('unknown page "hom" (did you mean "home"?)')).toBeTruthy();
    fireEvent.click(screen.getByText('Delete item'));
    expect(nav()).toEqual([]);
    expect(screen.getByText('The menu is empty')).toBeTruthy();
  });
});
