/**
 * A form generated from a JSON Schema (a field type's schema, a component's props schema…).
 * The schema must be standalone (`standaloneSchema()`), so `#/$defs/…` refs resolve. Every
 * change hands back the whole new value plus the path of the input that changed.
 */
import { Form } from 'antd';
import type { JsonSchema } from '@tessera/core';
import { useMemo } from 'react';
import { defaultFormContext, FormContext, type FormContextValue } from './form-context';
import { SchemaField } from './schema-field';
import { useChildChange } from './stable-change';

export interface SchemaFormProps {
  schema: JsonSchema;
  value: unknown;
  onChange(value: unknown, path: string[]): void;
  context?: Partial<FormContextValue>;
}

export function SchemaForm({ schema, value, onChange, context }: SchemaFormProps) {
  const ctx = useMemo(() => ({ ...defaultFormContext, ...context }), [context]);
  const rootChange = useChildChange((_: 'root', v: unknown, p?: string[]) => onChange(v, p ?? []))('root');
  return (
    <FormContext.Provider value={ctx}>
      <Form layout="vertical" size="small" component="div">
        <SchemaField schema={schema} root={schema} value={value} path={[]} onChange={rootChange} />
      </Form>
    </FormContext.Provider>
  );
}
