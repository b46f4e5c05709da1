/**
 * JSON Schemas embedded in the definition (json field `schema`, webhook/manual `inputSchema`)
 * must compile: the record validator and the workflow engine compile them later, and a broken
 * one should be an error at design time, not a crash at run time.
 */
import { createAjv } from '../ajv.factory';
import { joinPointer } from '../validation-issue';
import type { SemanticContext } from './semantic.context';

function tryCompile(ctx: SemanticContext, schema: unknown, pointer: string): void {
  if (typeof schema === 'boolean') return;
  try {
    createAjv().compile(schema as object);
  } catch (err) {
    ctx.report(pointer, `invalid JSON Schema: ${(err as Error).message}`);
  }
}

export function checkJsonSchemas(ctx: SemanticContext): void {
  ctx.def.entities.forEach((e, i) =>
    e.fields.forEach((f, j) => {
      if (f.type === 'json' && f.schema !== undefined) tryCompile(ctx, f.schema, `/entities/${i}/fields/${j}/schema`);
    }),
  );
  ctx.def.workflows.forEach((w, i) => {
    const schema = (w.trigger.config as { inputSchema?: unknown } | undefined)?.inputSchema;
    if (schema !== undefined) tryCompile(ctx, schema, joinPointer(`/workflows/${i}`, 'trigger', 'config', 'inputSchema'));
  });
}
