/**
 * Checks the refs a component, node or trigger type declares (RefSpec): one loop for every type,
 * so a new type gets reference checking by declaring its refs.
 */
import type { Filter, SortKey } from '../../generated/app-definition';
import type { RefSpec } from '../../ref-spec';
import { checkFilter, checkSort } from './filters';
import { resolvePath } from './ref-paths';
import { checkEntityRef, checkFieldRef, checkIdRef, type SemanticContext } from './semantic.context';
import { usageProblem } from './field-usage';

/** The `op` beside a `metric.field` ref (what the metric does with the field). */
function siblingOp(root: unknown, path: string): unknown {
  const parent = path.split('.').slice(0, -1).join('.');
  if (!parent) return (root as { op?: unknown } | null)?.op;
  const [found] = resolvePath(root, parent, '');
  return (found?.value as { op?: unknown } | undefined)?.op;
}

export function checkRefs(ctx: SemanticContext, refs: RefSpec[], root: unknown, base: string, entityId: string | undefined): void {
  const knownEntity = entityId !== undefined && ctx.entities.has(entityId);
  for (const spec of refs) {
    for (const { pointer, value } of resolvePath(root, spec.path, base)) {
      switch (spec.kind) {
        case 'entity':
          checkEntityRef(ctx, String(value), pointer);
          break;
        case 'field':
          if (knownEntity && checkFieldRef(ctx, entityId, String(value), pointer) && spec.accepts) {
            const problem = usageProblem(ctx, entityId, String(value), spec.accepts, siblingOp(root, spec.path));
            if (problem) ctx.report(pointer, problem);
          }
          break;
        case 'input': {
          const field = knownEntity ? checkFieldRef(ctx, entityId, String(value), pointer) : undefined;
          if (field && (field.type === 'computed' || field.type === 'rollup')) {
            ctx.report(pointer, `field "${field.id}" is a ${field.type} field and cannot be written`);
          }
          break;
        }
        case 'filter':
          if (knownEntity) checkFilter(ctx, value as Filter, entityId, pointer);
          break;
        case 'sort':
          if (knownEntity) checkSort(ctx, value as SortKey[], entityId, pointer);
          break;
        default:
          checkIdRef(ctx, spec.kind, String(value), pointer);
      }
    }
  }
}
