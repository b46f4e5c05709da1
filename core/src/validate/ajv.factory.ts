/**
 * The one ajv configuration used for definitions, records and manifests, so the error formatter
 * can rely on the same options everywhere (verbose: parentSchema is needed for suggestions).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** `source`: keep each validator's generated code, for ajv's standalone output (definition-validator.standalone.ts). */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    ...(options.source ? { code: { source: true, esm: true } } : {}),
    allErrors: true,
    strict: true,
    // Filters and embedded JSON Schemas use `type: [..]` unions on purpose (clearer errors than anyOf).
    allowUnionTypes: true,
    discriminator: true,
    useDefaults: true,
    verbose: true,
  });
  addFormats(ajv);
  // Annotation read by json-schema-to-typescript where it cannot infer a good type.
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  return ajv;
}
