/**
 * The canvas and preview render the end-user app's own components (one renderer for builder and
 * end users): @tessera/renderer, loaded lazily because it brings antd's full set and friends.
 */
import {
  createContext,
  memo,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import type { AppDefinition } from '@tessera/core';
import type { AnyComponent, DataPort } from '@tessera/renderer';
import { validateDraft } from '../store/validate-draft';
import type { Draft, DraftComponent } from '../store/draft.types';

type RendererModule = typeof import('@tessera/renderer');
let pending: Promise<RendererModule> | undefined;
let loaded: RendererModule | null = null;
const start = () => (pending ??= import('@tessera/renderer').then((m) => (loaded = m)));

// Charts draw with ECharts, which the renderer loads on first use from a chunk of its own.
const loadCharts = () => import('@tessera/renderer/charts');

const hasChart = (components: DraftComponent[] | undefined): boolean =>
  (components ?? []).some((c) => c.type === 'chart' || hasChart(c.children));

/**
 * Starts loading ECharts (1.4 MB) when the draft has charts. Called as the draft arrives, so it
 * downloads while the editor's first screen renders instead of after the canvas asked for it.
 */
export function preloadCharts(draft: Draft): void {
  if ((draft.pages ?? []).some((p) => hasChart(p.components)))
    void loadCharts()
      .then((m) => m.loadECharts())
      .catch(() => {});
}

/** Starts loading the renderer before the canvas or preview needs it (the editor does when it opens an app). */
export function preloadRenderer(): void {
  void start().catch(() => {});
}

/** The renderer module; at once when it is already loaded (the canvas then renders it on its first pass). */
export function useRendererModule(): RendererModule | null {
  const [mod, setMod] = useState<RendererModule | null>(loaded);
  useEffect(() => {
    if (mod) return;
    void start().then(setMod, () => setMod(null));
  }, [mod]);
  return mod;
}

/** The builder's draft type is the definition as written; the renderer copes with a draft that is not (yet) valid. */
const asDefinition = (draft: Draft) => draft as unknown as AppDefinition;

/** The draft with schema defaults applied when it is valid; as typed otherwise (components cope or show an error). */
export function renderableDefinition(draft: Draft): Draft {
  const result = validateDraft(draft);
  return (result.ok ? result.definition : draft) as unknown as Draft;
}

interface Surface {
  mod: RendererModule;
  definition: Draft;
  port: DataPort;
  slots: Slots;
}
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

/**
 * Where the runtime components of a surface are mounted. They render under one set of the
 * renderer's providers (its i18n instance, antd ConfigProvider and App, the renderer context),
 * portaled into their places on the canvas, rather than each under its own: each mounting
 * component would build a provider stack, and re-rendering one (its antd theme is a new object
 * on every render) re-renders every antd element below it, so a title edit re-rendered a whole
 * table. Here the providers re-render only when the model changes, and an edit re-renders only
 * the edited component.
 */
interface Slot {
  component: DraftComponent;
  el: HTMLElement;
}
interface Slots {
  set(key: string, slot: Slot): void;
  remove(key: string): void;
  subscribe(listener: () => void): () => void;
  list(): Array<[string, Slot]>;
}

function createSlots(): Slots {
  const slots = new Map<string, Slot>();
  const listeners = new Set<() => void>();
  let list: Array<[string, Slot]> = [];
  const changed = () => {
    list = [...slots];
    for (const l of listeners) l();
  };
  return {
    set(key, slot) {
      const prev = slots.get(key);
      if (prev?.component === slot.component && prev.el === slot.el) return;
      slots.set(key, slot);
      changed();
    },
    remove(key) {
      if (slots.delete(key)) changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    list: () => list,
  };
}

const Portal = memo(function Portal({ mod, component, el }: { mod: RendererModule; component: DraftComponent; el: HTMLElement }) {
  return createPortal(<mod.ComponentView component={component as unknown as AnyComponent} />, el);
});

function SlotList({ mod, slots }: { mod: RendererModule; slots: Slots }) {
  const list = useSyncExternalStore(slots.subscribe, slots.list);
  return list.map(([key, slot]) => <Portal key={key} mod={mod} component={slot.component} el={slot.el} />);
}

const PortalHost = memo(function PortalHost({ surface }: { surface: Surface }) {
  const { mod, definition, port, slots } = surface;
  return (
    <div hidden>
      <mod.I18nProvider>
        <mod.RendererProvider definition={asDefinition(definition)} port={port} mode="design">
          <SlotList mod={mod} slots={slots} />
        </mod.RendererProvider>
      </mod.I18nProvider>
    </div>
  );
});

/** One demo data port per entity model (seeded, so the preview is stable while props change). */
export function RendererSurface({ draft, children }: { draft: Draft; children: ReactNode }) {
  const mod = useRendererModule();
  const definition = useRenderableModel(draft);
  const entitiesKey = useMemo(() => JSON.stringify(definition.entities), [definition]);
  const port = useMemo(() => {
    try {
      return mod?.createDemoDataPort(asDefinition(definition), 7);
    } catch {
      return undefined;
    }
  }, [mod, entitiesKey]); // eslint-disable-line react-hooks/exhaustive-deps
  // A chart added in this session (the editor preloads for charts the draft had when it opened).
  useEffect(() => preloadCharts(draft), [draft.pages]); // eslint-disable-line react-hooks/exhaustive-deps
  const [slots] = useState(createSlots);
  const value = useMemo(() => (mod && port ? { mod, definition, port, slots } : null), [mod, definition, port, slots]);
  return (
    <SurfaceContext.Provider value={value}>
      {children}
      {value && <PortalHost surface={value} />}
    </SurfaceContext.Provider>
  );
}

/** A runtime component rendered in design mode (see Slots), or nothing when the renderer is not available. */
export function RuntimeComponent({ component }: { component: DraftComponent }) {
  const surface = useContext(SurfaceContext);
  const key = useId();
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const slots = surface?.slots;
  useLayoutEffect(() => {
    if (slots && el) slots.set(key, { component, el });
  }, [slots, key, el, component]);
  useLayoutEffect(() => () => slots?.remove(key), [slots, key]);
  return surface ? <div ref={setEl} /> : null;
}

export const useSurfaceReady = () => !!useContext(SurfaceContext);
