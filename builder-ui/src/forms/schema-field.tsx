/**
 * One value of a generated form: picks the widget by lookup (ref kind first, then the schema's
 * shape) — never a chain of per-type conditions, so a new type needs no form code.
 */
import { resolve, widgetKind } from './schema-utils';
import { memoField } from './stable-change';
import { refKindAt, useFormContext } from './form-context';
import { widgets } from './widget.registry';
import type { WidgetProps } from './widget.types';

export const SchemaField = memoField(function SchemaField(props: WidgetProps) {
  const ctx = useFormContext();
  const refKind = refKindAt(
    ctx.refs,
    props.path.map((p) => (/^\d+$/.test(p) ? '*' : p)),
  );
  const kind = refKind && resolve(props.schema, props.root).type === 'string' ? 'ref' : widgetKind(props.schema, props.root);
  const Widget = widgets[kind] ?? widgets.json;
  return <Widget {...props} />;
});
