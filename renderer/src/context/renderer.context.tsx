/**
 * What every component may use: the definition, the DataPort, the caller's permissions, the
 * current route parameters and navigation. Provided once by AppRenderer (or by the builder's
 * canvas), so components have no global state and no knowledge of where they are hosted.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { AppDefinition } from '@tessera/core';
import type { DataPort, EntityPermissions, RuntimeInfo } from '../data/data-port';
import { createRelationCache, type RelationCache } from './relation-cache';

export interface RendererContextValue {
  definition: AppDefinition;
  port: DataPort;
  /** Undefined = everything allowed (builder preview, demo data). */
  permissions?: Record<string, EntityPermissions>;
  user?: RuntimeInfo['user'];
  /**
   * Connector operations the caller may call (runtime info). Undefined on the builder canvas:
   * components bound to an operation show a placeholder there.
   */
  operations?: RuntimeInfo['operations'];
  /** Route parameters of the current page (`:id`). */
  params: Record<string, string>;
  /**
   * Opens a page by id with route parameters; a no-op on the builder canvas. `prefill`: values a
   * create form on that page starts with (a related list's "New" fills in the parent).
   */
  navigate(pageId: string, params?: Record<string, string>, prefill?: Record<string, unknown>): void;
  /** What the page was opened with to prefill (see navigate). */
  prefill?: Record<string, unknown>;
  /** The href of a page, for real links (middle click, copy link). */
  hrefOf(pageId: string, params?: Record<string, string>): string | undefined;
  relations: RelationCache;
  /** 'design' on the builder canvas: no live subscriptions, links don't navigate. */
  mode: 'live' | 'design';
}

const Ctx = createContext<RendererContextValue | null>(null);

export function useRenderer(): RendererContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('renderer components must be inside <RendererProvider>');
  return v;
}

export type RendererProviderProps = Omit<RendererContextValue, 'relations' | 'navigate' | 'hrefOf' | 'params' | 'mode'> &
  Partial<Pick<RendererContextValue, 'navigate' | 'hrefOf' | 'params' | 'mode'>> & { children: ReactNode };

export function RendererProvider({ children, ...props }: RendererProviderProps) {
  const relations = useMemo(() => createRelationCache(props.port), [props.port]);
  const value = useMemo<RendererContextValue>(
    () => ({ params: {}, navigate: () => undefined, hrefOf: () => undefined, mode: 'live', ...props, relations }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      props.definition,
      props.port,
      props.permissions,
      props.user,
      props.operations,
      props.params,
      props.navigate,
      props.hrefOf,
      props.mode,
      props.prefill,
      relations,
    ],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** Permissions of one entity; everything allowed when none were given. */
export function usePermissions(entity: string | undefined): EntityPermissions {
  const { permissions } = useRenderer();
  const p = entity ? permissions?.[entity] : undefined;
  return p ?? { create: true, read: true, update: true, delete: true, rows: 'all', hidden: [], readonly: [] };
}
