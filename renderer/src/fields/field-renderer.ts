/**
 * What a field type folder gives the renderer: an input for forms, a display for cells and
 * detail views, and a sample value generator for demo data. Found by `type` in
 * fields.index.ts; a new field type is one folder plus one line there.
 */
import type { ComponentType } from 'react';
import type { Entity, Field } from '@tessera/core';
import type { RecordData } from '../data/data-port';

export interface FieldInputProps<F extends Field = Field> {
  field: F;
  value: unknown;
  onChange(value: unknown): void;
  disabled?: boolean;
  placeholder?: string;
  status?: 'error';
  id?: string;
}

export interface FieldDisplayProps<F extends Field = Field> {
  field: F;
  value: unknown;
  record?: RecordData;
  /** In a table cell or card: one line, no wrapping blocks. */
  compact?: boolean;
}

export interface SampleContext {
  rng(): number;
  /** Position of the record in its entity (0-based), for unique values. */
  index: number;
  entity: Entity;
  /** A random existing record id of another entity (relations). */
  pick(entity: string): string | undefined;
  /** Values already generated for this record (a lastName after a firstName). */
  record: Record<string, unknown>;
}

/** How the table filters a column of this type (map lookup in table/column-filter.tsx). */
export type FilterKind = 'text' | 'number' | 'options' | 'boolean' | 'date' | 'relation' | 'none';

export interface FieldRenderer<F extends Field = Field> {
  type: string;
  /** Absent for computed and rollup: they are never written. */
  Input?: ComponentType<FieldInputProps<F>>;
  Display: ComponentType<FieldDisplayProps<F>>;
  sample(field: F, ctx: SampleContext): unknown;
  filterKind: FilterKind;
  /** Plain-text form (CSV preview, kanban card titles, chart categories). */
  text?(field: F, value: unknown, locale: string): string;
}

export const defineFieldRenderer = <F extends Field>(r: FieldRenderer<F>): FieldRenderer => r as unknown as FieldRenderer;
