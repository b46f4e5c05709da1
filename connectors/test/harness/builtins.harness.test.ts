/**
 * The SDK harness per built-in: every recorded case under fixtures/<connector>/ runs through the
 * real executor and outbound client against the replay server on 127.0.0.1. SMTP (no HTTP) runs
 * its handler against a real local SMTP server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { BUILTIN_CONNECTORS } from '../../src/builtins';
import { runFixture } from '../../src/harness';
import type { Fixture } from '../../src/harness';

const byName = (name: string) => {
  const c = BUILTIN_CONNECTORS.find((b) => b.manifest.name === name);
  if (!c) throw new Error(name);
  return c;
};

function cases(folder: string): Array<[string, Fixture]> {
  const dir = path.join(__dirname, 'fixtures', folder);
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Fixture]);
}

describe.each([
  ['http', 'http'],
  ['records', 'tessera-records'],
])('harness: built-in %s', (folder, name) => {
  it.each(cases(folder))('%s', async (_file, fixture) => {
    expect(await runFixture(byName(name).manifest, fixture)).toEqual({ ok: true, problems: [] });
  });
});

describe('harness: built-in smtp', () => {
  let server: SMTPServer;
  let port: number;
  const received: Array<{ from?: string; to: string[]; data: string }> = [];
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      logger: false,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the recorded email through a real SMTP server and needs no HTTP exchange', async () => {
    const smtp = byName('smtp');
    const fixture: Fixture = {
      operation: 'sendEmail',
      config: SMTP_CONFIG(port),
      input: { to: ['ada@example.com'], subject: 'Hello', text: 'Hi Ada' },
      exchanges: [],
      expect: { output: { accepted: ['ada@example.com'], rejected: [] } },
    };
    const result = await runFixture(smtp.manifest, fixture, { handler: smtp.handlers.sendEmail });
    expect(result).toEqual({ ok: true, problems: [] });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['ada@example.com']);
    expect(received[0].data).toContain('Subject: Hello');
  });
});

const SMTP_CONFIG = (port: number) => ({ host: '127.0.0.1', port, secure: false, from: 'crm@example.com' });
