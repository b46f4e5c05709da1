import type { JsonField } from '../../generated/app-definition';
import { CsvCellError, defineFieldType, OPERATORS } from '../field-type';
import type { JsonSchema } from '../../json-schema';
import { CITIES, pickOf } from '../sample-words';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../common/json-depth';
import ownSchema from './json.field.schema.json';
import texts from './json.texts.json';

export const jsonField = defineFieldType<JsonField>({
  type: 'json',
  order: 140,
  texts,
  icon: 'CodeOutlined',
  group: 'advanced',
  ownSchema,
  scaffold: { type: 'json', label: 'Data' },
  storageKind: 'json',
  stored: true,
  valueSchema: (f) => (typeof f.schema === 'object' ? (f.schema as JsonSchema) : f.schema === false ? { not: {} } : {}),
  // The builder's rules compare a json value as written; tables have no column filter for it.
  operators: OPERATORS.text,
  filterKind: 'none',
  csv: {
    parse: (cell) => {
      let value: unknown;
      try {
        value = JSON.parse(cell);
      } catch {
        throw new CsvCellError('json', 'is not valid JSON');
      }
      if (tooDeepAt(value) !== null) throw new CsvCellError('json', `nests deeper than ${MAX_JSON_DEPTH} levels`);
      return value;
    },
  },
  // Fills the properties the field's schema declares with plausible strings; no schema -> a small object.
  sample: (field, { rng, index }) => {
    const schema = typeof field.schema === 'object' ? (field.schema as { properties?: Record<string, unknown> }) : {};
    const props = Object.keys(schema.properties ?? {});
    if (!props.length) return { note: `sample ${index + 1}` };
    return Object.fromEntries(
      props.map((p) => [
        p,
        /country/i.test(p)
          ? pickOf(['US', 'DE', 'CN', 'FR', 'JP'], rng)
          : /city/i.test(p)
            ? pickOf(CITIES, rng)
            : /postal|zip/i.test(p)
              ? String(10000 + Math.floor(rng() * 89999))
              : `${1 + Math.floor(rng() * 200)} Main Street`,
      ]),
    );
  },
});
