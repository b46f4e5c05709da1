/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { componentTypes, fieldTypes } from '@tessera/core';
import { ComponentView } from './components/component-view';
import { getComponentRenderer, registerComponent } from './components/component-lookup';
import { createDemoDataPort } from './data/demo-data-port';
import { getFieldRenderer, registerField } from './fields/field-lookup';
import { componentRenderers, fieldRenderers } from './registries';
import { renderWithRenderer, testDefinition } from './testing/render-helpers';

describe('renderer registries', () => {
  it('has a renderer for every component type of the schemas', () => {
    expect(componentRenderers.types().sort()).toEqual(componentTypes.types().sort());
  });

  it('has a renderer for every field type of the schemas, with an input for every stored type', () => {
    expect(fieldRenderers.types().sort()).toEqual(fieldTypes.types().sort());
    for (const t of fieldTypes.list()) expect(Boolean(getFieldRenderer(t.type).Input)).toBe(t.stored);
  });

  it('refuses to register a type twice', () => {
    expect(() => registerComponent(getComponentRenderer('table'))).toThrow(/already registered/);
    expect(() => registerField(getFieldRenderer('text'))).toThrow(/already registered/);
  });

  it('renders an unknown component type as a placeholder instead of failing', () => {
    const port = createDemoDataPort(testDefinition, 1, { count: 2 });
    renderWithRenderer(<ComponentView component={{ id: 'x', type: 'sparkline', props: {} }} />, { definition: testDefinition, port });
    expect(screen.getByText(/Unknown component type "sparkline"/)).toBeTruthy();
  });

  it('renders markdown text without raw HTML', () => {
    const port = createDemoDataPort(testDefinition, 1, { count: 0 });
    const { container } = renderWithRenderer(
      <ComponentView
        component={{
          id: 't',
          type: 'text',
          props: { content: '## Hello\n\n**bold** <img src=x onerror=alert(1)> [x](javascript:alert(1))' },
        }}
      />,
      { definition: testDefinition, port },
    );
    expect(screen.getByText('Hello')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
  });
});
