/** @tessera/connectors/harness: a connector folder, its recorded fixtures, and running them against a replay server. */
export { loadConnectorFolder, type LoadedFolder } from './folder-loader';
export { runFixture, type FixtureResult } from './run-fixture';
export { runFolderFixtures, type CaseResult } from './run-folder';
export { recordFixture, type RecordRequest } from './record-fixture';
export { startReplayServer, compareRequest, type ReplayServer } from './replay-server';
export type { Exchange, Fixture, FixtureFile, RecordedRequest, RecordedResponse } from './fixture.types';
