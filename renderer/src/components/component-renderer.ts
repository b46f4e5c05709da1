/**
 * What a component type folder gives the renderer: a React component that renders one
 * definition component `{ id, type, props, source?, children? }`. Found by `type` in
 * components.index.ts; unknown types get the Unknown placeholder.
 */
import type { ComponentType } from 'react';
import type { Component } from '@tessera/core';

/** A definition component with loose props: drafts in the builder are not always valid yet. */
export type AnyComponent =
  Component | { id: string; type: string; props?: Record<string, unknown>; source?: unknown; children?: AnyComponent[]; visible?: unknown };

export interface ComponentProps<P = Record<string, unknown>> {
  component: { id: string; type: string; props: P; source?: unknown; children?: AnyComponent[] };
}

export interface ComponentRenderer {
  type: string;
  Component: ComponentType<ComponentProps<never>>;
}

export const defineComponentRenderer = <P>(type: string, Component: ComponentType<ComponentProps<P>>): ComponentRenderer => ({
  type,
  Component: Component as ComponentType<ComponentProps<never>>,
});
