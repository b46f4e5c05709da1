/**
 * Record field names inside a computed field's JSONata expression, for renames and the builder's
 * column naming: one analyser (../expressions) answers which names an expression reads from the
 * record and where they stand, so renames and permissions agree on what an expression reads.
 */
import { analyze, renameField, replaceFields } from '../expressions';

/** The record fields an expression reads, in order of first use (none when it does not parse). */
export function fieldsRead(source: string): string[] {
  const result = analyze(source);
  return result.ok ? [...result.fields] : [];
}

/** Replaces each record field name `replace` gives a name for; unparsable source is returned unchanged. */
export const replaceRecordNames = (source: string, replace: (name: string) => string | undefined): string => replaceFields(source, replace);

/** Renames field `from` to `to` where the expression reads it from the record. */
export const renameInExpression = (source: string, from: string, to: string): string => renameField(source, from, to);
