/**
 * `npm run gen` (second half): writes docs/reference/definition.md, the property-by-property
 * reference of the app definition, rendered from the schemas (core/scripts/definition-reference.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../../core/scripts/definition-reference';

writeFileSync(join(__dirname, '..', 'reference', 'definition.md'), renderReference());
console.log('wrote docs/reference/definition.md');
