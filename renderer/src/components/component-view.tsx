import { useT } from '../i18n/i18n.provider';
import type { AnyComponent } from './component-renderer';
import { ComponentErrorBoundary } from './component-error-boundary';
import { getComponentRenderer } from './component-lookup';
import { useVisible } from './use-visible';

/** Renders one definition component by type (registry lookup with the Unknown fallback). */
export function ComponentView({ component }: { component: AnyComponent }) {
  const { t } = useT();
  const visible = useVisible(component.visible);
  if (!visible) return null;
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

/** Children of a layout component, each through ComponentView. */
export const ComponentChildren = ({ children }: { children?: AnyComponent[] }) => (
  <>
    {(children ?? []).map((c) => (
      <ComponentView key={c.id} component={c} />
    ))}
  </>
);
