export { importOpenApi } from './openapi-import';
export type { ImportIssue, ImportOptions, ImportResult } from './openapi.types';
