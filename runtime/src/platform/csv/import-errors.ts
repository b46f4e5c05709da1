import { issueCode, type Entity } from '@tessera/core';
import type { Doc } from '@tessera/core/store';
import { Forbidden, type DomainError, type Issue } from '../../domain-errors';
import type { ImportError } from './import-jobs';

/**
 * The import report's entries: the English sentence the API has always given (`message`) plus a
 * code and parameters the app client turns into the user's language. Codes are schemas'
 * `issueCode` codes for the record validator's messages, and these for the rest:
 * `required`, `forbidden`, `relation` {entity, id}, `unique` {value}, `duplicateInFile` {value, line},
 * `csvSyntax` {detail}, `cellCount` {cells, columns}, the cell codes of CoerceError {value},
 * `stopped` {reason}; `other` has only the message.
 */

const MISSING = /^missing required property "([^"]+)"/;

/** Field id of a pointer (`/tags/1` -> `tags`). */
export const fieldOfPointer = (pointer: string): string | undefined => pointer.split('/')[1] || undefined;

/** A refused row (the role, record validation or a default): one entry per issue. */
export function problemErrors(line: number, err: DomainError): ImportError[] {
  const issues = err.issues ?? [];
  const forbidden = err instanceof Forbidden;
  if (!issues.length) return [{ line, code: forbidden ? 'forbidden' : 'other', message: err.message }];
  return issues.map((i) => {
    const missing = MISSING.exec(i.message);
    const field = fieldOfPointer(i.pointer) ?? missing?.[1];
    const { code, params } = missing
      ? { code: 'required', params: {} }
      : forbidden
        ? { code: 'forbidden', params: {} }
        : issueCode(i.message);
    return { line, ...(field ? { field } : {}), code, ...(Object.keys(params).length ? { params } : {}), message: i.message };
  });
}

/** A relation that points nowhere (see missingRelations): which entity, which id. */
export function relationError(line: number, entity: Entity, doc: Doc, issue: Issue): ImportError {
  const [, fieldId, index] = issue.pointer.split('/');
  const field = entity.fields.find((f) => f.id === fieldId) as { to?: string } | undefined;
  const value = doc[fieldId];
  const id = String(index === undefined ? value : (value as unknown[])[Number(index)]);
  return { line, field: fieldId, code: 'relation', params: { entity: field?.to ?? '', id }, message: issue.message };
}

export const valueParam = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
