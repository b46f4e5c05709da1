/**
 * What a component type folder exports: the JSON Schema of its `props` plus what the page
 * designer needs (palette entry, scaffold) and what the validator needs (refs). The component
 * object around `props` (id, type, source, visible, children) is assembled in one place:
 * definition/type-branches.ts.
 */
import type { JsonSchema } from '../json-schema';
import type { RefSpec } from '../ref-spec';
import { englishTexts, type TypeTexts } from '../registry/type-texts';

export interface ComponentTypeDescriptor {
  type: string;
  /** Position in the palette and in lists of this kind (lower first; unset: last, by type). */
  order?: number;
  /** English title and description, from `texts`. */
  title: string;
  description: string;
  /** `<type>.texts.json`: title, description and renderer texts per locale. */
  texts: TypeTexts;
  /** An @ant-design/icons component name. */
  icon: string;
  group: 'data' | 'chart' | 'layout' | 'content';
  acceptsChildren: boolean;
  /** Whether the component takes a data `source`. */
  source: 'required' | 'optional' | 'none';
  /** JSON Schema of `props`. */
  schema: JsonSchema;
  /** The component dropped on the canvas, without `id` (the designer assigns one). */
  scaffold: Record<string, unknown>;
  refs: RefSpec[];
  /** Rules a schema cannot express (tabs: one label per child); paths are relative to the component. */
  check?(component: { props?: unknown; children?: unknown[] }): Array<{ path: string; message: string }>;
}

export const defineComponentType = (d: Omit<ComponentTypeDescriptor, 'title' | 'description'>): ComponentTypeDescriptor => ({
  ...d,
  ...englishTexts(d.texts),
});
