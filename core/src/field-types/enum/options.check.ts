import type { EnumField, MultienumField } from '../../generated/app-definition';
import type { FieldCheckContext } from '../field-type';

/** A choice field's option values are distinct, and its default is one (or, for multienum, some) of them. */
export function checkOptions(f: EnumField | MultienumField, { report }: FieldCheckContext): void {
  const values = new Set<string>();
  f.options.forEach((o, i) => {
    if (values.has(o.value)) report(['options', i, 'value'], `duplicate option value "${o.value}"`);
    values.add(o.value);
  });
  const defaults = typeof f.default === 'string' ? [f.default] : Array.isArray(f.default) ? f.default : [];
  defaults.forEach((d) => {
    if (!values.has(d)) report(['default'], `default "${d}" is not one of the options`);
  });
}
