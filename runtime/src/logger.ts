import pino, { type DestinationStream, type Logger } from 'pino';
import { CREDENTIAL_TYPES } from './platform/credentials/credential-types';

/** The secret and runtime-managed fields of every credential type (`*.password` is already listed). */
const CREDENTIAL_FIELDS = [...new Set(Object.values(CREDENTIAL_TYPES).flatMap((t) => [...t.secret, ...t.managed]))]
  .filter((f) => f !== 'password' && f !== 'expiresAt')
  .map((f) => `*.${f}`)
  // The vault's keys, should the runtime's configuration ever be logged.
  .concat(['*.secret', '*.previousSecrets']);

/**
 * One JSON line per event. Secrets never reach the log: auth headers and cookies are redacted, and
 * so are the secret fields of credentials (platform/credentials) should an object holding one be logged.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        ...CREDENTIAL_FIELDS,
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
