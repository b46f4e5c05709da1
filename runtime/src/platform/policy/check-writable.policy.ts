import type { Issue } from '../../domain-errors';
import type { EntityPolicy } from './policy.types';

/** One issue per hidden or read-only field present in a write body (an empty list: go ahead). */
export function checkWritable(body: unknown, perm: EntityPolicy): Issue[] {
  if (perm.bypass || typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  if (perm.hidden.size === 0 && perm.readonly.size === 0) return [];
  const issues: Issue[] = [];
  for (const key of Object.keys(body)) {
    if ((body as Record<string, unknown>)[key] === undefined) continue;
    if (perm.hidden.has(key) || perm.readonly.has(key)) issues.push({ pointer: `/${key}`, message: 'your role may not change this field' });
  }
  return issues;
}
