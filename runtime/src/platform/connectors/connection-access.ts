/**
 * Who may call which operation of a connection: platform admins and builders every one; app
 * members those whose id (or `*`) lists one of their roles in the connection's `access`.
 * The server enforces it on every call; the runtime info uses it to leave out what a caller
 * may not call.
 */
import type { Connection } from '@tessera/core';
import type { Caller } from '../policy/policy.types';

export function mayCall(caller: Caller, connection: Connection, operation: string): boolean {
  if (caller.bypass) return true;
  const access = connection.access ?? {};
  const roles = [...(access[operation] ?? []), ...(access['*'] ?? [])];
  return roles.some((r) => caller.roles.includes(r));
}
