import type { Store } from '@tessera/core/store';
import { AUDIT } from '../platform-collections';
import { CREDENTIAL_TYPES, type CredentialType } from './credential-types';
import type { CredentialDoc } from './credentials-collection';

/** The audit trail's entity name for credential changes (app entities never start with `_`). */
export const CREDENTIAL_AUDIT_ENTITY = '_credentials';

type Who = CredentialDoc['changedBy'];

/**
 * One audit entry per change of a credential, through `tx` (it commits with the change): who,
 * when, which ref, its type and shown fields (username, clientId) from/to, and the names of the
 * secret fields written, never their values (`secret: true`, from and to null).
 */
export async function auditCredential(
  tx: Store,
  e: {
    appId: string;
    ref: string;
    action: 'create' | 'update' | 'delete';
    user: Who;
    before: CredentialDoc | null;
    after: CredentialDoc | null;
  },
): Promise<void> {
  const shown = (d: CredentialDoc | null, f: string) => ((d as Record<string, unknown> | null)?.[f] as string | undefined) ?? null;
  const changes: Array<{ field: string; from: unknown; to: unknown; secret?: true }> = [];
  const types = [e.before?.type, e.after?.type].filter(Boolean) as CredentialType[];
  if (e.before?.type !== e.after?.type) changes.push({ field: 'type', from: e.before?.type ?? null, to: e.after?.type ?? null });
  for (const f of new Set(types.flatMap((t) => CREDENTIAL_TYPES[t].plain as readonly string[])))
    if (shown(e.before, f) !== shown(e.after, f)) changes.push({ field: f, from: shown(e.before, f), to: shown(e.after, f) });
  if (e.after) for (const f of CREDENTIAL_TYPES[e.after.type].secret) changes.push({ field: f, from: null, to: null, secret: true });
  await tx.collection(AUDIT).insert({
    appId: e.appId,
    entity: CREDENTIAL_AUDIT_ENTITY,
    recordId: e.ref,
    action: e.action,
    at: new Date().toISOString(),
    user: e.user,
    changes,
  });
}
