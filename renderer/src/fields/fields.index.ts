/** Every field type's renderer, keyed by type. Adding a type: a folder plus one line here. */
import { createRegistry } from '@tessera/core';
import { booleanField } from './boolean/boolean.field';
import { computedField } from './computed/computed.field';
import { dateField } from './date/date.field';
import { datetimeField } from './datetime/datetime.field';
import { emailField } from './email/email.field';
import { enumField } from './enum/enum.field';
import type { FieldRenderer } from './field-renderer';
import { jsonField } from './json/json.field';
import { longtextField } from './longtext/longtext.field';
import { moneyField } from './money/money.field';
import { multienumField } from './multienum/multienum.field';
import { numberField } from './number/number.field';
import { phoneField } from './phone/phone.field';
import { relationField } from './relation/relation.field';
import { rollupField } from './rollup/rollup.field';
import { textField } from './text/text.field';
import { unknownField } from './unknown.field';
import { urlField } from './url/url.field';

export const fieldRenderers = createRegistry<FieldRenderer>('field renderer', [
  textField, longtextField, numberField, moneyField, booleanField, dateField, datetimeField, emailField, phoneField, urlField,
  enumField, multienumField, relationField, jsonField, computedField, rollupField,
]);

/** Throws if the type is already registered (two folders claiming one type is a mistake). */
export const registerField = (renderer: FieldRenderer): void => void fieldRenderers.register(renderer);

export const getFieldRenderer = (type: string): FieldRenderer => fieldRenderers.get(type) ?? unknownField;
