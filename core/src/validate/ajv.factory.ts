/**
 * The one ajv configuration used for definitions, records and manifests, so the error formatter
 * can rely on the same options everywhere (verbose: parentSchema is needed for suggestions).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { RegExpEngine } from 'ajv/dist/types';
import { safeRegex } from '../common/safe-regex';

/**
 * `pattern` keywords in RE2 (linear time): record schemas carry the patterns consultants put on
 * text fields, and they test what end users type. (The standalone definition validator keeps
 * native RegExp: its patterns are our own schemas'.)
 */
const re2Engine: RegExpEngine = Object.assign((pattern: string, flags: string) => safeRegex(pattern, flags), {
  code: 'safeRegex',
});

/**
 * `source`: keep each validator's generated code, for ajv's standalone output (definition-validator.standalone.ts).
 * `strict: false`: for JSON Schemas written by third parties (connector manifests, imported OpenAPI
 * documents), whose annotations (`example`, `x-…`) and unknown formats are not errors.
 */
export function createAjv(options: { source?: boolean; strict?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    code: options.source ? { source: true, esm: true } : { regExp: re2Engine },
    allErrors: true,
    strict: options.strict ?? true,
    // Unknown formats in third-party schemas are ignored quietly rather than logged per compile.
    ...(options.strict === false ? { logger: false as const } : {}),
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
