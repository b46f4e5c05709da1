/**
 * Reference and consistency checks that JSON Schema cannot express. Runs on a schema-valid,
 * defaulted definition (so every list is present); each concern lives in its own file.
 */
import type { AppDefinition } from '../../generated/app-definition';
import { dedupeIssues, type ValidationIssue } from '../validation-issue';
import { checkConnections, type ConnectorResolver } from './connections.check';
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
  checkConnections,
  checkWorkflows,
  checkExpressions,
  checkJsonSchemas,
];

/**
 * `partial`: the definition failed its schema, so a check may meet a shape it does not expect;
 * one that throws is skipped (the schema's errors say what is wrong there).
 */
export function checkSemantics(def: AppDefinition, options: { partial?: boolean; connectors?: ConnectorResolver } = {}): ValidationIssue[] {
  let ctx: SemanticContext;
  try {
    ctx = createContext(def, options.connectors);
  } catch (err) {
    if (options.partial) return [];
    throw err;
  }
  for (const check of checks) {
    const before = ctx.issues.length;
    try {
      check(ctx);
    } catch (err) {
      if (!options.partial) throw err;
      ctx.issues.length = before;
    }
  }
  return dedupeIssues(ctx.issues);
}
