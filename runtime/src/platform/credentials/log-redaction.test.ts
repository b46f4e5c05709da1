import { createLogger } from '../../logger';
import { CREDENTIAL_TYPES } from './credential-types';

describe('the log redacts credential secrets', () => {
  it('censors every secret and token field of every credential type, and the vault keys of the configuration', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(line) });
    const SECRET = 'Log-Canary-31c';
    const credential = Object.fromEntries(
      Object.values(CREDENTIAL_TYPES).flatMap((t) => [...t.secret, ...t.managed].filter((f) => f !== 'expiresAt').map((f) => [f, SECRET])),
    );
    log.warn({ credential, config: { secret: SECRET, previousSecrets: [SECRET], port: 3000 } }, 'probe');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(SECRET);
    expect(JSON.parse(lines[0])).toMatchObject({
      credential: { password: '[redacted]', clientSecret: '[redacted]' },
      config: { port: 3000 },
    });
  });
});
