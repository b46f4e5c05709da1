/** Shapes shared by the OpenAPI importer's steps. */
import type { ConnectorManifest } from '@tessera/core';

/**
 * A problem found in the document: `pointer` is a JSON pointer into the imported document, or,
 * prefixed `(manifest)`, into the generated manifest (a schema replaced because it would not compile).
 */
export interface ImportIssue {
  pointer: string;
  message: string;
}

export type ImportResult = { ok: true; manifest: ConnectorManifest; warnings: ImportIssue[] } | { ok: false; errors: ImportIssue[] };

export interface ImportOptions {
  /** Connector name (`acme-shop`); default: from the document's title. */
  name?: string;
  /** Manifest version; default: the document's `info.version` when it is semver-like. */
  version?: string;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Schema = { [keyword: string]: unknown };

/** Where warnings go while importing; each step adds its own. */
export type Warn = (pointer: string, message: string) => void;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One segment of a JSON pointer (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
