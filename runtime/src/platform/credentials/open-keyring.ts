import type { RuntimeConfig } from '../../config';
import { keyFileWarning, loadKeyring, type KeyringResult } from './keyring';

/** The vault's keyring from the runtime's configuration, with the warning when its key is kept beside the data. */
export function openKeyring(config: RuntimeConfig, warn: (message: string) => void): KeyringResult {
  const result = loadKeyring({ secret: config.secret, previous: config.previousSecrets, dataDir: config.dataDir, embedded: !config.dbUrl });
  if (!result.ok) warn(`credentials cannot be stored or read: ${result.reason}`);
  else if (result.source !== 'env') warn(keyFileWarning(config.dataDir, result.source));
  return result;
}
