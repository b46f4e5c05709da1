/** jsdom lacks what Ant Design measures with; tests import this first. */
import './i18n/i18n.setup';

// @ant-design/icons' CommonJS build requires the ESM-only `@ant-design/colors/es/generate`;
// point it at the CommonJS twin so jest (CommonJS, no node_modules transform) can load it.
jest.mock('@ant-design/colors/es/generate', () => jest.requireActual('@ant-design/colors/lib/generate'));

// jsdom's global has no structuredClone; Node's v8 serializer gives the same semantics for data.
if (typeof globalThis.structuredClone !== 'function') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v8 = require('node:v8') as typeof import('node:v8');
  globalThis.structuredClone = ((value: unknown) => v8.deserialize(v8.serialize(value))) as typeof structuredClone;
}

if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.getComputedStyle = (
    (orig) => (el: Element) =>
      orig(el)
  )(window.getComputedStyle.bind(window));
}
