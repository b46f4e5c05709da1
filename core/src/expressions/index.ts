/**
 * The one JSONata module: evaluation with per-evaluation limits, a per-execution budget and an
 * injected clock (server, builder and renderer all use it), and static analysis of what an
 * expression reads (permissions, computed-field cycles, renames). Browser-safe.
 */
export { evaluate, type EvaluateOptions } from './expression.evaluate';
export { analyze, type ExpressionAnalysis, type FieldName } from './expression.analyze';
export { renameField, replaceFields, fieldToken } from './expression.rename';
export { isExpression } from './is-expression';
export { ExpressionError, isExpressionError, type ExpressionFailure } from './expression.error';
export { DEFAULT_LIMITS, DEFAULT_BUDGET_STEPS, createBudget, type ExpressionLimits, type ExpressionBudget } from './expression.limits';
export { systemClock, createClock, type ExpressionClock, type ExecutionClock, type ClockState } from './expression.clock';
