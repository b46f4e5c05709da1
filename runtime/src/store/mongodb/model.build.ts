import { createHash } from 'node:crypto';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import type { FieldKind } from '@tessera/core/store';
import type { IndexSpec, SanitizedSpec } from '@tessera/core/store/shared';
import { mongoPath } from './filter.mongo';

/** Indexes this adapter owns carry this prefix; hand-made ones are never dropped. */
export const INDEX_PREFIX = 'tx_';
const INDEX_FORMAT = 1;

/**
 * Dates stay ISO strings (not BSON dates) so both adapters store and compare the same values;
 * array elements are Mixed because multienums hold strings and many-relations hold ids.
 */
const TYPES: Record<FieldKind, unknown> = {
  string: String,
  number: Number,
  boolean: Boolean,
  date: String,
  json: Schema.Types.Mixed,
  array: [Schema.Types.Mixed],
};
const BSON_TYPE: Record<FieldKind, string> = {
  string: 'string',
  number: 'number',
  boolean: 'bool',
  date: 'string',
  json: 'object',
  array: 'array',
};

export interface MongoIndex {
  key: Record<string, 1>;
  options: {
    name: string;
    unique?: boolean;
    partialFilterExpression?: Record<string, unknown>;
    /** ignoreCase: compared at strength 2 (letters and accents, not case). */
    collation?: { locale: string; strength: number };
  };
  fields: string[];
}

/**
 * Non-unique indexes end with `_id` (the sort tie-breaker). Unique indexes only cover documents
 * whose fields hold a value of the declared type: like SQLite (where NULLs never collide), two
 * documents without an email do not violate "email is unique".
 */
export function planMongoIndex(spec: SanitizedSpec, ix: IndexSpec): MongoIndex {
  const kinds = ix.fields.map((f) => spec.kinds.get(f) ?? null);
  const hash = createHash('sha256')
    .update(JSON.stringify([INDEX_FORMAT, ix.fields, ix.unique, kinds, ...(ix.ignoreCase ? ['ignoreCase'] : [])]))
    .digest('hex')
    .slice(0, 8);
  const name = `${INDEX_PREFIX}${ix.fields.join('__').replace(/\./g, '_')}${ix.unique ? '__u' : ''}${ix.ignoreCase ? 'ci' : ''}_${hash}`;
  const key: Record<string, 1> = {};
  for (const f of ix.fields) key[mongoPath(f)] = 1;
  if (!ix.unique) {
    if (!('_id' in key)) key._id = 1;
    return { key, options: { name }, fields: ix.fields };
  }
  const partial: Record<string, unknown> = {};
  ix.fields.forEach((f, i) => {
    if (f !== 'id') partial[mongoPath(f)] = kinds[i] ? { $type: BSON_TYPE[kinds[i]!] } : { $exists: true };
  });
  const options = {
    name,
    unique: true,
    ...(Object.keys(partial).length ? { partialFilterExpression: partial } : {}),
    ...(ix.ignoreCase ? { collation: { locale: 'en', strength: 2 } } : {}),
  };
  return { key, options, fields: ix.fields };
}

/** The mongoose schema for a collection: typed declared fields, anything else allowed (strict: false). */
export function buildSchema(spec: SanitizedSpec): Schema {
  const paths: Record<string, unknown> = { _id: String, version: Number, createdAt: String, updatedAt: String };
  for (const [name, kind] of spec.kinds) paths[name] = TYPES[kind];
  const schema = new Schema(paths, {
    strict: false,
    strictQuery: false,
    versionKey: false, // we keep our own `version` field
    timestamps: false, // createdAt/updatedAt are set by the store, as ISO strings
    autoIndex: false, // indexes are reconciled by ensureCollection (prefix-aware, unique-safe)
    autoCreate: false,
    collection: spec.name,
  });
  for (const ix of spec.indexes) {
    const planned = planMongoIndex(spec, ix);
    schema.index(planned.key, planned.options);
  }
  return schema;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function buildModel(conn: Connection | typeof mongoose, spec: SanitizedSpec): Model<any> {
  if (conn.models[spec.name]) conn.deleteModel(spec.name);
  return conn.model(spec.name, buildSchema(spec), spec.name);
}
