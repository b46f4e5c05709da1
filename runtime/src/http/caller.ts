import type { Request } from 'express';
import type { Platform } from '../platform/platform';
import type { Caller } from '../platform/policy/policy.types';
import type { RecordScope } from '../records/scope';
import { principalOf } from './auth.middleware';
import { param } from './params';

/** The signed-in caller as a user of `:appId` (403 for members of other apps). */
export async function appCaller(platform: Platform, req: Request): Promise<Caller> {
  return platform.access.caller(param(req, 'appId'), principalOf(req));
}

/** Caller + entity + policy for the records routes: `:appId/data/:entity`. */
export function recordScope(platform: Platform, req: Request): Promise<RecordScope> {
  const appId = param(req, 'appId');
  const caller = platform.access.caller(appId, principalOf(req));
  // Admins and builders get their caller synchronously: one await less on the hot path.
  return caller instanceof Promise
    ? caller.then((c) => platform.records.scope(appId, param(req, 'entity'), c))
    : platform.records.scope(appId, param(req, 'entity'), caller);
}
