import type { Platform } from '../platform';
import { rotateCredentials } from './rotate-credentials';

/**
 * `tessera secrets rotate`: re-encrypts what older keys hold with the primary key and says what
 * is left. The operator's procedure (docs/credentials.md): put the new key in TESSERA_SECRET and
 * the old one in TESSERA_SECRET_PREVIOUS, restart, run this, then drop TESSERA_SECRET_PREVIOUS.
 * Returns false when some credential could not be re-encrypted.
 */
export async function rotateCommand(platform: Platform, batchSize: number, print: (line: string) => void): Promise<boolean> {
  const { credentials } = platform;
  print(`Primary key: ${credentials.keyring.primaryId} (keys known: ${credentials.keyring.ids.join(', ')})`);
  const result = await rotateCredentials(platform.store, credentials, {
    batchSize,
    onProgress: ({ done, total }) => print(`Re-encrypted ${done} of ${total} credentials`),
  });
  if (result.total === 0) print('Every credential is already encrypted with the primary key.');
  for (const f of result.failed) print(`Could not re-encrypt credential "${f.ref}" of app "${f.appId}": ${f.reason}`);
  if (result.stillUsed.length)
    print(`Keys still in use: ${result.stillUsed.join(', ')}; keep them until these credentials are stored again.`);
  else print('No credential uses another key: the previous keys (TESSERA_SECRET_PREVIOUS, an old key file) can be removed.');
  return result.failed.length === 0;
}
