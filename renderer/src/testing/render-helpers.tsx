/**
 * Test helpers: jsdom lacks a few browser APIs antd uses, and every renderer component needs the
 * i18n and renderer providers and the real registries. Used by the renderer's and the type folders'
 * tests (the latter through `@tessera/renderer/testing`).
 */
import { render, type RenderResult } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { deserialize, serialize } from 'node:v8';
import type { ReactNode } from 'react';
import type { AppDefinition } from '@tessera/core';
import { RendererProvider } from '../context/renderer.context';
import type { DataPort, EntityPermissions } from '../data/data-port';
import type { RuntimeInfo } from '@tessera/core/wire';
import { I18nProvider } from '../i18n/i18n.provider';
import '../registries';

export function installBrowserShims(): void {
  // jest's jsdom environment hides Node's structuredClone (core's record defaults copy with it); v8's serializer is the same algorithm.
  globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;
  if (typeof window === 'undefined') return;
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.scrollTo = () => undefined;
  // jsdom implements getComputedStyle without pseudo-elements (antd's scrollbar measure asks for one).
  const getStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = ((el: Element) => getStyle(el)) as typeof window.getComputedStyle;
  // rc-select schedules with MessageChannel, which jsdom lacks.
  (globalThis as { MessageChannel?: unknown }).MessageChannel ??= class {
    port1: { onmessage: ((e: unknown) => void) | null } = { onmessage: null };
    port2 = { postMessage: (data: unknown) => setTimeout(() => this.port1.onmessage?.({ data })) };
  };
}

export interface RenderOptions {
  definition: AppDefinition;
  port: DataPort;
  params?: Record<string, string>;
  permissions?: Record<string, EntityPermissions>;
  user?: RuntimeInfo['user'];
  operations?: RuntimeInfo['operations'];
  navigate?: (pageId: string, params?: Record<string, string>, prefill?: Record<string, unknown>) => void;
  prefill?: Record<string, unknown>;
}

export function renderWithRenderer(ui: ReactNode, opts: RenderOptions): RenderResult {
  installBrowserShims();
  // jsdom lays nothing out: antd's styles-in-JS (zeroRuntime off) would only cost seconds per test.
  return render(
    <ConfigProvider theme={{ zeroRuntime: true }}>
      <I18nProvider locale="en">
        <RendererProvider
          definition={opts.definition}
          port={opts.port}
          params={opts.params ?? {}}
          prefill={opts.prefill}
          permissions={opts.permissions}
          user={opts.user}
          operations={opts.operations}
          navigate={opts.navigate ?? (() => undefined)}
        >
          {ui}
        </RendererProvider>
      </I18nProvider>
    </ConfigProvider>,
  );
}

/** A minimal definition for tests: one entity with the field types forms exercise. */
export const testDefinition = {
  schemaVersion: 1,
  id: 'test-app',
  name: 'Test',
  locales: ['en', 'zh-CN'],
  roles: [],
  connections: [],
  workflows: [],
  tags: [],
  segments: [],
  navigation: [],
  entities: [
    {
      id: 'company',
      label: 'Company',
      display: 'name',
      indexes: [],
      permissions: [],
      fields: [{ id: 'name', type: 'text', label: 'Name', required: true, maxLength: 100 }],
    },
    {
      id: 'contact',
      label: 'Contact',
      display: 'name',
      indexes: [],
      permissions: [],
      fields: [
        { id: 'name', type: 'text', label: 'Name', required: true, maxLength: 50 },
        { id: 'email', type: 'email', label: 'Email', unique: true },
        { id: 'score', type: 'number', label: 'Score', min: 0, max: 100, integer: true },
        {
          id: 'stage',
          type: 'enum',
          label: 'Stage',
          default: 'new',
          options: [
            { value: 'new', label: { en: 'New', 'zh-CN': '新建' }, color: 'blue' },
            { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, color: 'green' },
            { value: 'lost', label: { en: 'Lost', 'zh-CN': '输单' }, color: 'red' },
          ],
        },
        { id: 'company', type: 'relation', label: 'Company', to: 'company' },
      ],
    },
  ],
  pages: [],
} as unknown as AppDefinition;
