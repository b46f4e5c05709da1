/**
 * `@tessera/renderer/testing`: what the tests of a type folder (`*.render.test.tsx`) render with:
 * the providers around real registries, a test definition and the demo data port.
 */
export { installBrowserShims, renderWithRenderer, testDefinition, type RenderOptions } from './render-helpers';
export { createDemoDataPort, type DemoDataPort } from '../data/demo-data-port';
export { getFieldRenderer } from '../fields/field-lookup';
export { getComponentRenderer } from '../components/component-lookup';
export { ComponentView } from '../components/component-view';
