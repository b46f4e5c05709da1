/**
 * Which operation schemas the project's ajv cannot compile. The manifest validator compiles each
 * input and output on its own, so a component shared by hundreds of operations (GitHub's
 * `repository`) is compiled hundreds of times: seconds for a large document. The operations'
 * schemas share one set of def names (schema-bundle.ts), so here they are compiled together, in
 * one document whose `$defs` hold every def once beside every operation's root schema.
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
  const roots: Array<{ key: string; index: number; part: 'input' | 'output' }> = [];
  operations.forEach((op, index) => {
    for (const part of ['input', 'output'] as const) {
      const schema = op[part];
      if (!isObject(schema)) continue;
      const { $defs, ...root } = schema as Record<string, unknown>;
      if (isObject($defs)) Object.assign(defs, $defs);
      const key = `tessera-op-${index}-${part}`;
      roots.push({ key, index, part });
      defs[key] = root;
    }
  });
  const ajv = createAjv();
  const problems: CompileProblem[] = [];
  try {
    ajv.addSchema({ $id: DOC_ID, $defs: defs });
  } catch (err) {
    // The shared document itself is refused (a meta-schema error): check each operation alone.
    return operations.flatMap((op, index) => (['input', 'output'] as const).flatMap((part) => alone(op[part], index, part)));
  }
  for (const { key, index, part } of roots) {
    try {
      ajv.getSchema(`${DOC_ID}#/$defs/${key}`);
    } catch (err) {
      problems.push({ index, part, message: (err as Error).message });
    }
  }
  return problems;
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
