/** Field references inside filters and sort keys, checked against the entity they query. */
import type { Filter, SortKey } from '../../generated/app-definition';
import { joinPointer } from '../validation-issue';
import { checkFieldRef, type SemanticContext } from './semantic.context';

export function checkFilter(ctx: SemanticContext, filter: Filter, entityId: string, pointer: string): void {
  for (const [key, value] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or') && Array.isArray(value)) {
      value.forEach((sub, i) => checkFilter(ctx, sub, entityId, joinPointer(pointer, key, i)));
    } else if (!key.startsWith('$')) {
      checkFieldRef(ctx, entityId, key, joinPointer(pointer, key));
    }
  }
}

export function checkSort(ctx: SemanticContext, sort: SortKey[], entityId: string, pointer: string): void {
  sort.forEach((s, i) => checkFieldRef(ctx, entityId, s.field, joinPointer(pointer, i, 'field')));
}
