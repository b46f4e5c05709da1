/**
 * The end-user app renderer: the same components render the real app (runtime/client), the
 * builder's canvas and its preview. Everything talks to data through a DataPort.
 */
export { AppRenderer, type AppRendererProps } from './app/app-renderer';
export { PageView } from './app/page-view';
export { matchRoute, buildPath } from './app/routes';
export { ComponentView } from './components/component-view';
export { componentRenderers, fieldRenderers } from './registries';
export { registerComponent, getComponentRenderer } from './components/component-lookup';
export type { ComponentRenderer, ComponentProps, AnyComponent } from './components/component-renderer';
export { registerField, getFieldRenderer } from './fields/field-lookup';
export type { FieldRenderer, FieldInputProps, FieldDisplayProps } from './fields/field-renderer';
export {
  RendererProvider,
  useRenderer,
  usePermissions,
  type RendererContextValue,
  type RendererProviderProps,
} from './context/renderer.context';
export { I18nProvider, useT, useLocale, SUPPORTED_LOCALES } from './i18n/i18n.provider';
export { resolveLabel } from './i18n/label';
export type * from './data/data-port';
export { ApiError, isApiError } from './data/api-error';
export { createHttpDataPort, type HttpDataPortOptions } from './data/http-data-port';
export { changeOwnPassword } from './data/account-api';
export { createDemoDataPort, type DemoDataPort, type DemoDataPortOptions } from './data/demo-data-port';
