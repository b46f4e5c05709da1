import type { CollectionSpec } from '@tessera/core/store';
import { JOBS_COLLECTION } from '../jobs';
import { WRITE_FENCES_COLLECTION } from './publishing/write-fences';
import { IMPORT_FILES_COLLECTION } from './csv/import-files';
import { CONNECTORS_COLLECTION } from './connectors/connector-catalogue';
import { CREDENTIALS_COLLECTION } from './credentials/credentials-collection';

/**
 * The platform's own data lives in the same store as app records (so the whole runtime works on
 * either adapter). Names start with `_`, which app collections never do.
 */
export const USERS = '_users';
export const SESSIONS = '_sessions';
export const API_KEYS = '_api_keys';
export const APPS = '_apps';
export const APP_REVISIONS = '_app_revisions';
export const APP_VERSIONS = '_app_versions';
export const APP_MEMBERS = '_app_members';
export const AUDIT = '_audit';
export const VIEWS = '_views';
/** What the first start has done (bootstrap.ts), so one cut short is finished by the next. */
export const SETUP = '_setup';

export const PLATFORM_COLLECTIONS: CollectionSpec[] = [
  { name: USERS, fields: [{ name: 'email', kind: 'string', unique: true }] },
  // id = sha256(token): the token itself is never stored.
  {
    name: SESSIONS,
    fields: [
      { name: 'userId', kind: 'string', indexed: true },
      { name: 'expiresAt', kind: 'date', indexed: true },
    ],
  },
  // id = sha256(key); a key minted by a session or another key names it, so revoking the parent
  // finds its children (platform/key-revocation.ts).
  {
    name: API_KEYS,
    fields: [
      { name: 'userId', kind: 'string', indexed: true },
      { name: 'createdBySession', kind: 'string', indexed: true },
      { name: 'createdByKey', kind: 'string', indexed: true },
    ],
  },
  // id = app id
  { name: APPS, fields: [] },
  {
    name: APP_REVISIONS,
    fields: [
      { name: 'appId', kind: 'string' },
      { name: 'revision', kind: 'number' },
    ],
    indexes: [{ fields: ['appId', 'revision'], unique: true }],
  },
  {
    name: APP_VERSIONS,
    // `number`, not `version`: `version` is the store's own optimistic-concurrency counter.
    fields: [
      { name: 'appId', kind: 'string' },
      { name: 'number', kind: 'number' },
    ],
    indexes: [{ fields: ['appId', 'number'], unique: true }],
  },
  {
    // Who may use an app: { appId, userId, email, name, roles, team }. The email is copied from
    // the user (emails never change) so "team" scopes need no user lookups.
    name: APP_MEMBERS,
    fields: [
      { name: 'appId', kind: 'string' },
      { name: 'userId', kind: 'string', indexed: true },
    ],
    indexes: [{ fields: ['appId', 'userId'], unique: true }],
  },
  {
    // { appId, entity, recordId, action, at, user: { id, email, name }, changes: [{ field, from, to }] }
    name: AUDIT,
    fields: [
      { name: 'appId', kind: 'string' },
      { name: 'at', kind: 'date', indexed: true },
    ],
    indexes: [{ fields: ['appId', 'entity', 'recordId', 'at'] }],
  },
  {
    // Saved table views: { appId, userId, component, name, state, shared }
    name: VIEWS,
    fields: [{ name: 'appId', kind: 'string' }],
    indexes: [{ fields: ['appId', 'component', 'userId'] }],
  },
  { name: SETUP, fields: [] },
  // Durable jobs (runtime/src/jobs): CSV imports, publish migrations.
  JOBS_COLLECTION,
  WRITE_FENCES_COLLECTION,
  IMPORT_FILES_COLLECTION,
  // The credentials vault (platform/credentials): secrets encrypted at rest.
  CREDENTIALS_COLLECTION,
  // Installed connectors (platform/connectors): one manifest per name and version.
  CONNECTORS_COLLECTION,
];
