import { Empty } from 'antd';
import { queriedFields, componentTypes, SYSTEM_FIELDS, type AppDefinition } from '@tessera/core';
import { useRenderer } from '../context/renderer.context';
import { useT } from '../i18n/i18n.provider';
import type { AnyComponent } from './component-renderer';
import { ComponentErrorBoundary } from './component-error-boundary';
import { getComponentRenderer } from './component-lookup';
import { useVisible } from './use-visible';

/** Renders one definition component by type (registry lookup with the Unknown fallback). */
export function ComponentView({ component }: { component: AnyComponent }) {
  const { t } = useT();
  const { definition } = useRenderer();
  const visible = useVisible(component.visible);
  if (!visible) return null;
  // A widget that reads a field this role cannot see (its definition has none) would only get a
  // refusal from the server: it says so calmly instead, and sends nothing.
  if (readsHiddenField(definition, component))
    return (
      <div data-component-id={component.id} data-component-type={component.type} data-not-available="true">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('app.notAvailable')} />
      </div>
    );
  const { Component } = getComponentRenderer(component.type);
  const normalized = { ...component, props: (component.props ?? {}) as never };
  return (
    <ComponentErrorBoundary message={t('app.componentFailed')} resetKey={component}>
      <div data-component-id={component.id} data-component-type={component.type} style={{ minWidth: 0 }}>
        <Component component={normalized} />
      </div>
    </ComponentErrorBoundary>
  );
}

function readsHiddenField(definition: AppDefinition, component: AnyComponent): boolean {
  const source = (component as { source?: { kind?: string; entity?: string } }).source;
  const entity = source?.kind === 'entity' ? definition.entities.find((e) => e.id === source.entity) : undefined;
  const descriptor = componentTypes.get(component.type);
  if (!entity || !descriptor) return false;
  const known = new Set<string>([...entity.fields.map((f) => f.id), ...SYSTEM_FIELDS]);
  return queriedFields(descriptor.refs, component as never).some((f) => !known.has(f));
}

/** Children of a layout component, each through ComponentView. */
export const ComponentChildren = ({ children }: { children?: AnyComponent[] }) => (
  <>
    {(children ?? []).map((c) => (
      <ComponentView key={c.id} component={c} />
    ))}
  </>
);
