/**
 * `@tessera/renderer/kit`: what the render files of a type folder (core/src/field-types/<t>/ and
 * core/src/component-types/<t>/, `*.render.tsx`) use from the renderer, and nothing else. Type
 * folders import the renderer only through this entry (and `@tessera/renderer/testing` in tests).
 * It must not import the generated registries (registries.ts): they import the type folders, which
 * import this file, so the lookups below read the registries installed at start-up instead.
 */
export { defineFieldRenderer, type FieldInputProps, type FieldDisplayProps } from './fields/field-renderer';
export { getFieldRenderer } from './fields/field-lookup';
export { EmptyValue, isEmpty } from './fields/shared/empty-value';
export { currencySymbol, dateFormat, formatDate, formatDateTime, formatMoney, formatNumber } from './fields/shared/format';
export type { ComponentProps } from './components/component-renderer';
export { ComponentView, ComponentChildren } from './components/component-view';
export { liveRecord } from './components/shared/live-record';
export { Section } from './components/shared/section';
export { EmptyState, ErrorState, LoadingState, ProblemState } from './components/shared/states';
export { useEntitySource } from './components/shared/use-entity-source';
export { useConnectorSource, type ConnectorSourceState } from './components/shared/use-connector-source';
export { RemoteValue, humanize, valueAt } from './components/shared/remote-value';
export { useLive } from './components/shared/use-live';
export { useRenderer, usePermissions } from './context/renderer.context';
export {
  createPageOf,
  displayOf,
  editPageOf,
  fieldOrSystem,
  findEntity,
  findField,
  isStored,
  pageOfComponent,
  recordPageOf,
  searchFilter,
} from './context/entity-model';
export { LOOKUP_FAILED, type Related } from './context/relation-cache';
export type * from './data/data-port';
export { ApiError, isApiError } from './data/api-error';
export { andFilters } from './expressions/resolve-filter';
export { useT } from './i18n/i18n.provider';
export { resolveLabel } from './i18n/label';
export { validationText } from './i18n/validation-text';
