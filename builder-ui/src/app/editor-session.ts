/**
 * The open app: loads its draft into the store and runs autosave against the real API. Also a
 * small counter that bumps when versions change (publish, rollback) so lists refetch.
 */
import type { RenameEntry } from '@tessera/core/renames';
import { create } from 'zustand';
import { appsApi } from '../api/apps.api';
import { preloadCharts } from '../pages/renderer-bridge';
import { startAutosave, type Autosave } from '../store/autosave';
import { builderStore } from '../store/builder.store';

interface SessionState {
  autosave: Autosave | null;
  versionsTick: number;
  bumpVersions(): void;
}

export const useSession = create<SessionState>((set) => ({
  autosave: null,
  versionsTick: 0,
  bumpVersions: () => set((s) => ({ versionsTick: s.versionsTick + 1 })),
}));

export async function openApp(appId: string): Promise<void> {
  closeApp();
  const app = await appsApi.getApp(appId);
  builderStore.getState().load(app.id, app.draft, app.revision, app.renames);
  preloadCharts(app.draft);
  useSession.setState({ autosave: startAutosave(builderStore, appsApi) });
}

export function closeApp(): void {
  useSession.getState().autosave?.stop();
  useSession.setState({ autosave: null });
}

/**
 * Saves pending edits (the draft with its rename log), then publishes: the server moves the
 * stored data of the logged renames (the publish dialog shows them) and refuses invalid drafts.
 */
export async function publishApp(note: string) {
  const { appId } = builderStore.getState();
  if (!appId) throw new Error('no app open');
  await useSession.getState().autosave?.flush();
  const info = await appsApi.publish(appId, note);
  builderStore.getState().published();
  useSession.getState().bumpVersions();
  return info;
}

/** Rollback publishes a copy of version n and makes it the draft: reload the draft afterwards. */
export async function rollbackApp(version: number, renames: RenameEntry[] = []) {
  const { appId } = builderStore.getState();
  if (!appId) throw new Error('no app open');
  await useSession.getState().autosave?.flush();
  const info = await appsApi.rollback(appId, version, renames);
  await useSession.getState().autosave?.reload();
  builderStore.getState().published();
  useSession.getState().bumpVersions();
  return info;
}
