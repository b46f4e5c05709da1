/** The apps part of the platform API (docs/api.md), as the builder uses it; the shapes are @tessera/core/wire's. */
import type {
  AppDraft as WireAppDraft,
  AppSummary,
  DraftSave,
  ProblemIssue,
  RenameEntry,
  VersionDetail,
  VersionInfo,
} from '@tessera/core/wire';
import type { Draft } from '../store/draft.types';
import { request } from './api.client';

export type { AppSummary, VersionInfo };
export type AppDraft = WireAppDraft<Draft>;

export interface User {
  id: string;
  email: string;
  role: string;
  name?: string;
}

/** What autosave needs; the tests pass a fake. */
export interface DraftApi {
  getApp(appId: string): Promise<AppDraft>;
  /** Saves the draft with its rename log (the renames since the last publish). */
  saveDraft(appId: string, draft: Draft, revision: number | null, renames: RenameEntry[]): Promise<AppDraft>;
}

export const appsApi = {
  me: async () => (await request<{ user: User }>('GET', '/auth/me')).body.user,
  login: async (email: string, password: string) => (await request<unknown>('POST', '/auth/login', { email, password })).body,
  logout: async () => (await request<unknown>('POST', '/auth/logout', {})).body,
  /** Ends the user's other sessions; this one stays signed in. A refusal is an ApiError pointing at the field. */
  changePassword: async (currentPassword: string, newPassword: string) => {
    await request<unknown>('POST', '/auth/password', { currentPassword, newPassword });
  },
  list: async () => (await request<{ items: AppSummary[] }>('GET', '/apps')).body.items,
  create: async (draft: Draft) => (await request<AppDraft>('POST', '/apps', draft)).body,
  getApp: async (appId: string) => (await request<AppDraft>('GET', `/apps/${appId}`)).body,
  saveDraft: async (appId: string, draft: Draft, revision: number | null, renames: RenameEntry[]) => {
    const body: DraftSave<Draft> = { definition: draft, renames };
    return (await request<AppDraft>('PUT', `/apps/${appId}`, body, revision !== null ? { 'If-Match': `"${revision}"` } : {})).body;
  },
  validate: async (draft: Draft) => (await request<{ ok: boolean; errors: ProblemIssue[] }>('POST', '/apps/validate', draft)).body,
  /** The server moves the stored data of the renames in the draft's log (AppDraft.renamesToPublish). */
  publish: async (appId: string, note: string) => (await request<VersionInfo>('POST', `/apps/${appId}/publish`, { note })).body,
  versions: async (appId: string) => (await request<{ items: VersionInfo[] }>('GET', `/apps/${appId}/versions`)).body.items,
  version: async (appId: string, n: number) => (await request<VersionDetail<Draft>>('GET', `/apps/${appId}/versions/${n}`)).body,
  /** `renames`: the inverse renames that move data back to the older version's ids (versions/rollback-renames.ts). */
  rollback: async (appId: string, version: number, renames: RenameEntry[] = []) =>
    (await request<VersionInfo>('POST', `/apps/${appId}/rollback`, { version, ...(renames.length ? { renames } : {}) })).body,
  history: async (appId: string) =>
    (await request<{ items: Array<{ revision: number; savedAt: string; savedBy: string | null }> }>('GET', `/apps/${appId}/history`)).body
      .items,
};
