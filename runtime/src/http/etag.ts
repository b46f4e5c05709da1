import type { Request } from 'express';
import { badRequest } from './problem';

/** ETags are the record's (or draft's) version number: `"7"`. */
export const etagOf = (version: number): string => `"${version}"`;

/** Reads `If-Match: "7"` (or `W/"7"`); undefined when absent or `*`. */
export function ifMatchVersion(req: Request): number | undefined {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!m) throw badRequest(`If-Match must be an ETag this server sent, like "3"; got ${header}`);
  return Number(m[1]);
}
