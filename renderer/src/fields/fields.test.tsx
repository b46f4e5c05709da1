/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import type { Field } from '@tessera/core';
import { createDemoDataPort } from '../data/demo-data-port';
import { renderWithRenderer, testDefinition } from '../testing/render-helpers';
import { getFieldRenderer } from './field-lookup';

const field = (f: Record<string, unknown>) => f as unknown as Field;
const port = createDemoDataPort(testDefinition, 4, { count: 3 });
const opts = { definition: testDefinition, port };

describe('field renderers', () => {
  it('text input reports what is typed', () => {
    const onChange = jest.fn();
    const Input = getFieldRenderer('text').Input!;
    renderWithRenderer(<Input field={field({ id: 'name', type: 'text' })} id="in" value="" onChange={onChange} />, opts);
    fireEvent.change(document.getElementById('in')!, { target: { value: 'Ann' } });
    expect(onChange).toHaveBeenCalledWith('Ann');
  });

  it('json input passes parsed values up and flags text that does not parse', () => {
    const onChange = jest.fn();
    const Input = getFieldRenderer('json').Input!;
    renderWithRenderer(<Input field={field({ id: 'meta', type: 'json' })} id="js" value={null} onChange={onChange} />, opts);
    fireEvent.change(document.getElementById('js')!, { target: { value: '{"a":1}' } });
    expect(onChange).toHaveBeenLastCalledWith({ a: 1 });
    fireEvent.change(document.getElementById('js')!, { target: { value: '{"a":' } });
    expect(screen.getByText('Not valid JSON')).toBeTruthy();
  });

  it('enum shows the option label as a coloured tag; money is formatted', () => {
    const en = getFieldRenderer('enum');
    const money = getFieldRenderer('money');
    const stage = testDefinition.entities![1].fields.find((f) => f.id === 'stage')!;
    renderWithRenderer(
      <>
        <en.Display field={stage} value="won" />
        <money.Display field={field({ id: 'm', type: 'money', currency: 'EUR' })} value={1234.5} />
      </>,
      opts,
    );
    expect(screen.getByText('Won').className).toContain('ant-tag-green');
    expect(screen.getByText('€1,234.50')).toBeTruthy();
  });

  it('relation shows the related record by its display field', async () => {
    const company = port.records('company')[0];
    const rel = getFieldRenderer('relation');
    renderWithRenderer(<rel.Display field={field({ id: 'company', type: 'relation', to: 'company' })} value={company.id} />, opts);
    expect(await screen.findByText(String(company.name))).toBeTruthy();
  });

  it('url display links only http(s) values', () => {
    const url = getFieldRenderer('url');
    const { container } = renderWithRenderer(
      <>
        <url.Display field={field({ id: 'u', type: 'url' })} value="javascript:alert(1)" />
      </>,
      opts,
    );
    expect(container.querySelector('a')).toBeNull();
  });
});
