/**
 * What a generated form knows about its surroundings: references the type declares (RefSpec
 * paths such as `columns.*.field`) and the choices for each kind, the app's locales, and how to
 * open the expression editor. Injected, so the form itself stays schema-only and testable.
 */
import { createContext, useContext } from 'react';
import type { RefSpec } from '@tessera/core';
import type { Expr } from '../store/draft.types';

export interface RefOption {
  value: string;
  label: string;
}

export interface FormContextValue {
  refs: RefSpec[];
  options(kind: string): RefOption[];
  locales: string[];
  /** Entity whose fields an expression may use (completion, sample record). */
  entityId?: string;
  openExpression?(value: Expr | undefined, onChange: (v: Expr) => void): void;
}

export const defaultFormContext: FormContextValue = { refs: [], options: () => [], locales: ['en'] };

export const FormContext = createContext<FormContextValue>(defaultFormContext);
export const useFormContext = () => useContext(FormContext);

/** The ref kind declared for a value path (`['columns', '*', 'field']` matches `columns.*.field`). */
export function refKindAt(refs: RefSpec[], path: string[]): string | undefined {
  return refAt(refs, path)?.kind;
}

export function refAt(refs: RefSpec[], path: string[]): RefSpec | undefined {
  const dotted = path.join('.');
  return refs.find((r) => r.path === dotted);
}

/** What `options` is asked for: the kind, and what a field ref accepts (`field:options`). */
export const optionsKey = (spec: RefSpec) => (spec.accepts ? `${spec.kind}:${spec.accepts}` : spec.kind);
