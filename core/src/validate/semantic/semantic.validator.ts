/**
 * Reference and consistency checks that JSON Schema cannot express. Runs on a schema-valid,
 * defaulted definition (so every list is present); each concern lives in its own file.
 */
import type { AppDefinition } from '../../generated/app-definition';
import { dedupeIssues, type ValidationIssue } from '../validation-issue';
import { checkDuplicateIds } from './duplicate-ids.check';
import { checkEntities } from './entities.check';
import { checkExpressions } from './expressions.check';
import { checkJsonSchemas } from './json-schemas.check';
import { checkPages } from './pages.check';
import { checkPermissions } from './permissions.check';
import { createContext, type SemanticContext } from './semantic.context';
import { checkWorkflows } from './workflows.check';

const checks: Array<(ctx: SemanticContext) => void> = [
  checkDuplicateIds,
  checkEntities,
  checkPermissions,
  checkPages,
  checkWorkflows,
  checkExpressions,
  checkJsonSchemas,
];

export function checkSemantics(def: AppDefinition): ValidationIssue[] {
  const ctx = createContext(def);
  for (const check of checks) check(ctx);
  return dedupeIssues(ctx.issues);
}
