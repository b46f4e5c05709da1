/**
 * The canvas and preview render the runtime's own components (one renderer for builder and
 * end users). The renderer lives in runtime/src/renderer; it is loaded lazily (it brings
 * ECharts and friends) and, until it exists in a checkout, the canvas falls back to cards.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
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

// Charts draw with ECharts, which the renderer loads on first use from a chunk of its own.
const chartModules = import.meta.glob('../../../runtime/src/renderer/components/chart/echarts.load.ts');
const loadCharts = Object.values(chartModules)[0] as (() => Promise<{ loadECharts(): Promise<unknown> }>) | undefined;

const hasChart = (components: DraftComponent[] | undefined): boolean => (components ?? []).some((c) => c.type === 'chart' || hasChart(c.children));

/** Starts loading the renderer before the canvas or preview needs it (the editor calls it when idle). */
export function preloadRenderer(): void {
  if (load) pending ??= load();
}

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

/** Same model for the renderer: every part of the draft but its pages' components is the same object (edits share unchanged parts). */
function sameModel(a: Draft, b: Draft): boolean {
  if (a === b) return true;
  const same = (x: Record<string, unknown>, y: Record<string, unknown>, skip: string) =>
    Object.keys(x).length === Object.keys(y).length && Object.keys(x).every((k) => k === skip || x[k] === y[k]);
  const pa = a.pages ?? [];
  const pb = b.pages ?? [];
  return same(a, b, 'pages') && pa.length === pb.length && pa.every((p, i) => same(p, pb[i], 'components'));
}

/**
 * The renderer's definition: recomputed (validated, defaults applied) only when the model
 * changes, not when a component does, since components reach the renderer as props. So editing
 * one neither re-validates the draft here nor changes the context of the other components on the
 * canvas. The store validates every change anyway (debounced).
 */
function useRenderableModel(draft: Draft): Draft {
  const last = useRef<{ draft: Draft; model: Draft } | null>(null);
  if (!last.current || !sameModel(last.current.draft, draft)) last.current = { draft, model: renderableDefinition(draft) };
  else last.current.draft = draft;
  return last.current.model;
}

/** One demo data port per entity model (seeded, so the preview is stable while props change). */
export function RendererSurface({ draft, children }: { draft: Draft; children: ReactNode }) {
  const mod = useRendererModule();
  const definition = useRenderableModel(draft);
  const entitiesKey = useMemo(() => JSON.stringify(definition.entities), [definition]);
  const port = useMemo(() => {
    try {
      return mod?.createDemoDataPort(definition as never, 7);
    } catch {
      return undefined;
    }
  }, [mod, entitiesKey]); // eslint-disable-line react-hooks/exhaustive-deps
  // ECharts is loaded by the first chart that mounts; starting now overlaps it with the renderer's own loading.
  const charts = useMemo(() => (draft.pages ?? []).some((p) => hasChart(p.components)), [draft.pages]);
  useEffect(() => {
    if (charts) void loadCharts?.().then((m) => m.loadECharts()).catch(() => {});
  }, [charts]);
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
