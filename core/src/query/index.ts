/** The query language shared by every store adapter, the API, the builder and the renderer: the filter AST and its normalizer, sort, limits, cursors. */
export * from './filter.ast';
export * from './filter.normalize';
export * from './field-path';
export * from './sort.normalize';
export * from './aggregate.normalize';
export * from './find-options.normalize';
export * from './count-limit';
export * from './cursor.codec';
export * from './query.limits';
export * from './validate-query';
export * from './sql-value.memory';
export * from './filter.memory';
export * from './sort.memory';
export { safeRegex, safeRegexTest, SafeRegExp, UnsafeRegexError } from '../common/safe-regex';
