/**
 * The open app: loads its draft into the store and runs autosave against the real API. Also a
 * small counter that bumps when versions change (publish, rollback) so lists refetch.
 */
import type { RenameEntry } from '@tessera/core/renames';
import { create } from 'zustand';
import { appsApi } from '../api/apps.api';
import { useCatalogue } from '../connections/connector-catalogue.store';
import { startConnectorValidation } from '../connections/connector-validation';
import { preloadCharts } from '../pages/renderer-bridge';
import { startAutosave, type Autosave } from '../store/autosave';
import { builderStore, type LiveVersion } from '../store/builder.store';

interface SessionState {
  autosave: Autosave | null;
  versionsTick: number;
  bumpVersions(): void;
  /**
   * The publish note being written. Kept here, not in the dialog: the toolbar and the Versions
   * screen each have a Publish button (and the screen unmounts), so a note typed in one, closed
   * and reopened from the other is still there. Cleared by a successful publish.
   */
  publishNote: string;
  setPublishNote(note: string): void;
}

export const useSession = create<SessionState>((set) => ({
  autosave: null,
  versionsTick: 0,
  bumpVersions: () => set((s) => ({ versionsTick: s.versionsTick + 1 })),
  publishNote: '',
  setPublishNote: (publishNote) => set({ publishNote }),
}));

export async function openApp(appId: string): Promise<void> {
  closeApp();
  const app = await appsApi.getApp(appId);
  builderStore.getState().load(app.id, app.draft, app.revision, app.renames);
  preloadCharts(app.draft);
  useSession.setState({ autosave: startAutosave(builderStore, appsApi) });
  // Connections are checked against the installed connectors once the catalogue is known.
  stopConnectorValidation = startConnectorValidation(builderStore);
  void useCatalogue.getState().ensure();
  // Not awaited: the editor opens at once; the header's "Open app" and Publish follow.
  if (app.publishedVersion)
    void liveVersion(app.id, app.publishedVersion).then(
      (live) => builderStore.getState().appId === app.id && builderStore.getState().setLive(live),
      // Without it the draft only looks unpublished (Publish stays enabled, no "Open app"); the server still decides.
      () => undefined,
    );
}

/** A published version as stored: what the draft is compared with (store/normal-form.ts). */
async function liveVersion(appId: string, version: number): Promise<LiveVersion> {
  return { version, definition: (await appsApi.version(appId, version)).definition };
}

let stopConnectorValidation: (() => void) | undefined;

export function closeApp(): void {
  stopConnectorValidation?.();
  stopConnectorValidation = undefined;
  useSession.getState().autosave?.stop();
  useSession.setState({ autosave: null, publishNote: '' });
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
  builderStore.getState().published(await liveVersion(appId, info.version));
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
  builderStore.getState().published(await liveVersion(appId, info.version));
  useSession.getState().bumpVersions();
  return info;
}
