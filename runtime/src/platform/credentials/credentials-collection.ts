import type { CollectionSpec, StoredDoc } from '@tessera/core/store';
import type { CredentialType } from './credential-types';
import type { Sealed } from './sealed-value';

/**
 * The vault's documents, one per app and reference (id `<appId>:<ref>`): the type, the fields
 * shown in clear (username, clientId), the secret fields sealed together (sealed-value.ts: keyId,
 * iv, tag, ciphertext), when and by whom a person last stored it. `keyId` is indexed so a key
 * rotation finds what an old key still holds.
 */
export const CREDENTIALS = '_credentials';

export const CREDENTIALS_COLLECTION: CollectionSpec = {
  name: CREDENTIALS,
  fields: [
    { name: 'appId', kind: 'string', indexed: true },
    { name: 'keyId', kind: 'string', indexed: true },
  ],
};

export interface CredentialDoc extends StoredDoc, Sealed {
  appId: string;
  ref: string;
  type: CredentialType;
  username?: string;
  clientId?: string;
  changedAt: string;
  changedBy: { id: string; email: string; name: string } | null;
}

export const credentialId = (appId: string, ref: string) => `${appId}:${ref}`;

/** What a sealed value is bound to (AES-GCM additional data): moved to another app, ref or type, it does not decrypt. */
export const credentialAad = (appId: string, ref: string, type: string) => `tessera credential v1\0${appId}\0${ref}\0${type}`;
