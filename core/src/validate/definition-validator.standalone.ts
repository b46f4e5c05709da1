/**
 * The app definition validator as JavaScript source (ajv "standalone" code), generated at build
 * time so a browser can validate without compiling the schema (~0.3 s of main thread on every
 * load of the builder). Node-only: the builder's Vite config turns it into a virtual module.
 * Same schema, same ajv options as definitionSchemaValidator(), so the same errors.
 */
import standaloneCode from 'ajv/dist/standalone';
import { buildAppDefinitionSchema } from '../definition/app-definition.build';
import { createAjv } from './ajv.factory';

/**
 * An ES module whose default export is the validate function. ajv's ESM output still reaches its
 * runtime helpers and ajv-formats through `require(...)`; those become imports here. They are
 * CommonJS modules, whose namespace differs by importer: Node puts module.exports on `default`,
 * bundlers spread it (with `default` = exports.default). `__cjs` gives module.exports in both.
 */
export function definitionValidatorModule(): string {
  const ajv = createAjv({ source: true });
  const code = standaloneCode(ajv, ajv.compile(buildAppDefinitionSchema()));
  const specifiers = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];
  // With the file extension, which Node's ESM resolution needs for a deep import (bundlers accept it).
  const imports = specifiers
    .map((s, i) => `import * as __dep${i} from ${JSON.stringify(/\.[cm]?js$/.test(s) ? s : `${s}.js`)};`)
    .join('\n');
  const body = code
    .replace(/require\("([^"]+)"\)/g, (_, s: string) => `__cjs(__dep${specifiers.indexOf(s)})`)
    .replace(/^"use strict";/, '');
  const cjs = 'const __cjs = (m) => (m.default && m.default.__esModule ? m.default : m);';
  return `${imports}\n${cjs}\n${body}`;
}
