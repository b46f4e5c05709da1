/** Every fixture of a loaded folder, one result per case, in file order. */
import type { LoadedFolder } from './folder-loader';
import type { OperationHandler } from '../sdk/define-connector';
import { runFixture, type FixtureResult } from './run-fixture';

export interface CaseResult extends FixtureResult {
  file: string;
  name: string;
}

export async function runFolderFixtures(folder: LoadedFolder): Promise<CaseResult[]> {
  if (!folder.manifest) throw new Error(`the connector folder has problems:\n${folder.problems.join('\n')}`);
  const out: CaseResult[] = [];
  for (const { file, name, fixture } of folder.fixtures) {
    const handler = folder.handlers[fixture.operation] as OperationHandler | undefined;
    const result = await runFixture(folder.manifest, fixture, handler ? { handler } : {});
    out.push({ file, name, ...result });
  }
  return out;
}
