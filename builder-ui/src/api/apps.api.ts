/** The apps part of the platform API (docs/api.md), as the builder uses it. */
import type { Draft } from '../store/draft.types';
import type { EntityRenameEntry, FieldRenameEntry, RenameEntry } from '../store/rename/rename-log';
import { request, type ProblemIssue } from './api.client';

export interface AppSummary {
  id: string;
  name: string;
  revision: number;
  publishedVersion: number | null;
  updatedAt: string;
  publishedAt: string | null;
}

export interface AppDraft extends AppSummary {
  draft: Draft;
  issues: ProblemIssue[];
}

export interface VersionInfo {
  version: number;
  note: string;
  publishedAt: string;
  publishedBy: string | null;
  revision: number;
  /** What the publish moved for the renames it was given. */
  migrated?: { entities: Array<EntityRenameEntry & { moved: number }>; fields: Array<FieldRenameEntry & { moved: number }>; views?: number };
}

export interface User {
  id: string;
  email: string;
  role: string;
  name?: string;
}

/** What autosave needs; the tests pass a fake. */
export interface DraftApi {
  getApp(appId: string): Promise<AppDraft>;
  saveDraft(appId: string, draft: Draft, revision: number | null): Promise<AppDraft>;
}

export const appsApi = {
  me: async () => (await request<{ user: User }>('GET', '/auth/me')).body.user,
  login: async (email: string, password: string) => (await request<unknown>('POST', '/auth/login', { email, password })).body,
  logout: async () => (await request<unknown>('POST', '/auth/logout', {})).body,
  list: async () => (await request<{ items: AppSummary[] }>('GET', '/apps')).body.items,
  create: async (draft: Draft) => (await request<AppDraft>('POST', '/apps', draft)).body,
  getApp: async (appId: string) => (await request<AppDraft>('GET', `/apps/${appId}`)).body,
  saveDraft: async (appId: string, draft: Draft, revision: number | null) =>
    (await request<AppDraft>('PUT', `/apps/${appId}`, draft, revision !== null ? { 'If-Match': `"${revision}"` } : {})).body,
  validate: async (draft: Draft) => (await request<{ ok: boolean; errors: ProblemIssue[] }>('POST', '/apps/validate', draft)).body,
  publish: async (appId: string, note: string, renames: RenameEntry[] = []) =>
    (await request<VersionInfo>('POST', `/apps/${appId}/publish`, { note, ...(renames.length ? { renames } : {}) })).body,
  versions: async (appId: string) => (await request<{ items: VersionInfo[] }>('GET', `/apps/${appId}/versions`)).body.items,
  version: async (appId: string, n: number) => (await request<VersionInfo & { definition: Draft }>('GET', `/apps/${appId}/versions/${n}`)).body,
  /** `renames`: the inverse renames that move data back to the older version's ids (versions/rollback-renames.ts). */
  rollback: async (appId: string, version: number, renames: RenameEntry[] = []) =>
    (await request<VersionInfo>('POST', `/apps/${appId}/rollback`, { version, ...(renames.length ? { renames } : {}) })).body,
  history: async (appId: string) => (await request<{ items: Array<{ revision: number; savedAt: string; savedBy: string | null }> }>('GET', `/apps/${appId}/history`)).body.items,
};
