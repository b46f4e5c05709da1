/**
 * Compiles the definition validator ahead of need. Compiling the whole definition schema (ajv)
 * is the largest single piece of work when the editor opens (~0.5 s of main thread); started while
 * the draft is still on its way from the server, it overlaps the network wait instead of following
 * it. Later validations reuse the compiled validator.
 */
import { CURRENT_SCHEMA_VERSION, validateDefinition } from '@tessera/schemas';

export function warmUpValidator(): void {
  validateDefinition({ schemaVersion: CURRENT_SCHEMA_VERSION });
}
