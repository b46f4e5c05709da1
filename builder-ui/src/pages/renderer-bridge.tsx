/**
 * The canvas and preview render the runtime's own components (one renderer for builder and
 * end users). The renderer lives in runtime/src/renderer; it is loaded lazily (it brings
 * ECharts and friends) and, until it exists in a checkout, the canvas falls back to cards.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { validateDefinition } from '@tessera/schemas';
import type { Draft, DraftComponent } from '../store/draft.types';

export interface RendererModule {
  ComponentView: ComponentType<{ component: never }>;
  PageView?: ComponentType<{ page: never }>;
  RendererProvider: ComponentType<{ definition: never; port: never; mode?: 'live' | 'design'; children: ReactNode }>;
  I18nProvider: ComponentType<{ locale?: string; children: ReactNode }>;
  createDemoDataPort(definition: never, seed?: number): unknown;
}

// A glob (not an import) so a checkout without the renderer still builds.
const modules = import.meta.glob('../../../runtime/src/renderer/index.ts');
const load = Object.values(modules)[0] as (() => Promise<RendererModule>) | undefined;
let pending: Promise<RendererModule> | undefined;

export function useRendererModule(): RendererModule | null {
  const [mod, setMod] = useState<RendererModule | null>(null);
  useEffect(() => {
    if (!load) return;
    pending ??= load();
    void pending.then(setMod, () => setMod(null));
  }, []);
  return mod;
}

/** The draft with schema defaults applied when it is valid; as typed otherwise (components cope or show an error). */
export function renderableDefinition(draft: Draft): Draft {
  const result = validateDefinition(draft);
  return (result.ok ? result.definition : draft) as unknown as Draft;
}

interface Surface { mod: RendererModule; definition: Draft; port: unknown }
const SurfaceContext = createContext<Surface | null>(null);

/** The draft without its pages' components: what the renderer's context needs (entities, pages, roles…). */
function modelKey(draft: Draft): string {
  return JSON.stringify({ ...draft, pages: (draft.pages ?? []).map(({ components: _c, ...page }) => page) });
}

/**
 * One demo data port per entity model (seeded, so the preview is stable while props change).
 * Components reach the renderer as props, so editing one changes neither the surface's
 * definition nor its port: the other components on the canvas do not re-render, and the draft
 * is not validated again on every keystroke here (the store validates it, debounced).
 */
export function RendererSurface({ draft, children }: { draft: Draft; children: ReactNode }) {
  const mod = useRendererModule();
  const key = modelKey(draft);
  const definition = useMemo(() => renderableDefinition(draft), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const entitiesKey = useMemo(() => JSON.stringify(definition.entities), [definition]);
  const port = useMemo(() => {
    try {
      return mod?.createDemoDataPort(definition as never, 7);
    } catch {
      return undefined;
    }
  }, [mod, entitiesKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const value = useMemo(() => (mod && port ? { mod, definition, port } : null), [mod, definition, port]);
  return <SurfaceContext.Provider value={value}>{children}</SurfaceContext.Provider>;
}

/** A runtime component rendered in design mode, or null when the renderer is not available. */
export function RuntimeComponent({ component }: { component: DraftComponent }) {
  const surface = useContext(SurfaceContext);
  if (!surface) return null;
  const { mod, definition, port } = surface;
  return (
    <mod.I18nProvider>
      <mod.RendererProvider definition={definition as never} port={port as never} mode="design">
        <mod.ComponentView component={component as never} />
      </mod.RendererProvider>
    </mod.I18nProvider>
  );
}

export const useSurfaceReady = () => !!useContext(SurfaceContext);
