/** Every field type folder, in palette order. Adding a type: a folder plus one line here. */
import { createRegistry } from '../registry/registry';
import { booleanField } from './boolean/boolean.field';
import { computedField } from './computed/computed.field';
import { dateField } from './date/date.field';
import { datetimeField } from './datetime/datetime.field';
import { emailField } from './email/email.field';
import { enumField } from './enum/enum.field';
import type { FieldKind } from '../json-schema';
import type { FieldLike, FieldTypeDescriptor } from './field-type';
import { jsonField } from './json/json.field';
import { longtextField } from './longtext/longtext.field';
import { moneyField } from './money/money.field';
import { multienumField } from './multienum/multienum.field';
import { numberField } from './number/number.field';
import { phoneField } from './phone/phone.field';
import { relationField } from './relation/relation.field';
import { rollupField } from './rollup/rollup.field';
import { textField } from './text/text.field';
import { urlField } from './url/url.field';

export const fieldTypes = createRegistry<FieldTypeDescriptor>('field type', [
  textField, longtextField, numberField, moneyField, booleanField, dateField, datetimeField, emailField, phoneField,
  urlField, enumField, multienumField, relationField, jsonField, computedField, rollupField,
]);

/** The descriptor of a field's type; definitions are validated first, so an unknown type is a bug. */
export function getFieldType(type: string): FieldTypeDescriptor {
  const descriptor = fieldTypes.get(type);
  if (!descriptor) throw new Error(`unknown field type "${type}"`);
  return descriptor;
}

export function storageKindOf(field: FieldLike): FieldKind {
  const descriptor = getFieldType(field.type);
  return descriptor.storageKindFor?.(field) ?? descriptor.storageKind;
}
