/** Widget by kind: a map lookup with `json` as the fallback (STYLE.md: map lookup, not chains). */
import type { ComponentType } from 'react';
import { AnyOfWidget } from './widgets/any-of.widget';
import { ArrayWidget } from './widgets/array.widget';
import { ExpressionWidget } from './widgets/expression.widget';
import { JsonWidget } from './widgets/json.widget';
import { LabelWidget } from './widgets/label.widget';
import { ObjectWidget } from './widgets/object.widget';
import {
  BooleanWidget,
  ConstWidget,
  EnumWidget,
  MarkdownWidget,
  NumberWidget,
  RefWidget,
  ScalarWidget,
  StringWidget,
} from './widgets/scalar.widgets';
import type { WidgetProps } from './widget.types';

export const widgets: Record<string, ComponentType<WidgetProps>> = {
  string: StringWidget,
  markdown: MarkdownWidget,
  number: NumberWidget,
  boolean: BooleanWidget,
  enum: EnumWidget,
  const: ConstWidget,
  ref: RefWidget,
  scalar: ScalarWidget,
  label: LabelWidget,
  expression: ExpressionWidget,
  object: ObjectWidget,
  array: ArrayWidget,
  anyOf: AnyOfWidget,
  json: JsonWidget,
};
