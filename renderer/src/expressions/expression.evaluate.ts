/**
 * Component expressions (`visible` rules, bindings, filter values) in the browser: core's one
 * evaluator, with the same limits and result shape as the server, over the variables every
 * component expression sees.
 */
import { evaluate as evaluateExpression } from '@tessera/core/expressions';

/** The variables every component expression sees: `$params`, `$user`, `$record`. */
export interface ExpressionScope {
  params?: Record<string, string>;
  user?: unknown;
  record?: unknown;
  [name: string]: unknown;
}

/** The scope's entries become `$variables`; paths read the record. Failures throw core's ExpressionError. */
export function evaluate(source: string, scope: ExpressionScope = {}): Promise<unknown> {
  return evaluateExpression(source, { input: scope.record ?? {}, bindings: scope });
}
