/**
 * `@tessera/renderer/testing`: what the tests of a type folder (`*.render.test.tsx`) render with:
 * the providers around real registries, a test definition and the demo data port.
 */
export { renderWithRenderer, testDefinition } from './render-helpers';
export { createDemoDataPort } from '../data/demo-data-port';
export { getFieldRenderer } from '../fields/field-lookup';
export { ComponentView } from '../components/component-view';
