/**
 * Which operation schemas the project's ajv cannot compile. The manifest validator compiles each
 * input and output on its own, so a component shared by hundreds of operations (GitHub's
 * `repository`) is compiled hundreds of times: seconds for a large document. The operations'
 * schemas share one set of def names (schema-bundle.ts), so here they are compiled together, in
 * one document whose `$defs` hold every def once beside every distinct root schema.
 */
import { createAjv, type ConnectorOperation } from '@tessera/core';
import { isObject } from './openapi.types';

const DOC_ID = 'urn:tessera:openapi-import-check';

export interface CompileProblem {
  index: number;
  part: 'input' | 'output';
  message: string;
}

export function uncompilable(operations: ConnectorOperation[]): CompileProblem[] {
  const defs: Record<string, unknown> = {};
  // Root text -> its def key and the parts that have it. Defs are referenced by name and every
  // name means one def here, so the same text compiles (or fails) the same way: half of GitHub's
  // roots repeat another's (`{ "$ref": "#/$defs/repository" }`, the same path parameters).
  const roots = new Map<string, { key: string; parts: Array<{ index: number; part: 'input' | 'output' }> }>();
  operations.forEach((op, index) => {
    for (const part of ['input', 'output'] as const) {
      const schema = op[part];
      if (!isObject(schema)) continue;
      const { $defs, ...root } = schema as Record<string, unknown>;
      if (isObject($defs)) Object.assign(defs, $defs);
      const text = JSON.stringify(root);
      let entry = roots.get(text);
      if (!entry) {
        entry = { key: `tessera-op-${index}-${part}`, parts: [] };
        roots.set(text, entry);
        defs[entry.key] = root;
      }
      entry.parts.push({ index, part });
    }
  });
  const ajv = createAjv();
  // Each def compiled once, as its own function: inlined (ajv's default for a def without refs),
  // a leaf component shared by hundreds of operations is generated again in each of them. The
  // generated code is thrown away, so ajv's pass that tidies it is skipped too. Neither changes
  // what compiles.
  ajv.opts.inlineRefs = false;
  ajv.opts.code.optimize = 0;
  const problems: CompileProblem[] = [];
  try {
    ajv.addSchema({ $id: DOC_ID, $defs: defs });
  } catch {
    // The shared document itself is refused (a meta-schema error): check each operation alone.
    return operations.flatMap((op, index) => (['input', 'output'] as const).flatMap((part) => alone(op[part], index, part)));
  }
  for (const { key, parts } of roots.values()) {
    try {
      ajv.getSchema(`${DOC_ID}#/$defs/${key}`);
    } catch (err) {
      for (const { index, part } of parts) problems.push({ index, part, message: (err as Error).message });
    }
  }
  return problems.sort((a, b) => a.index - b.index || a.part.localeCompare(b.part));
}

function alone(schema: unknown, index: number, part: 'input' | 'output'): CompileProblem[] {
  if (!isObject(schema)) return [];
  try {
    createAjv().compile(schema);
    return [];
  } catch (err) {
    return [{ index, part, message: (err as Error).message }];
  }
}
