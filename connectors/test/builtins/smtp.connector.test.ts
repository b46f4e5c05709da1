import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { BUILTIN_CONNECTORS, createHostResolver, executeOperation, isConnectorError } from '../../src';
import { testOutbound } from '../executor/test-outbound';

const smtp = BUILTIN_CONNECTORS.find((c) => c.manifest.name === 'smtp')!;
const received: Array<{ from: string; to: string[]; data: string; user?: string }> = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true, // loopback test server without a certificate
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, cb) {
      if (auth.username === 'mailer' && auth.password === 'smtp-pass-42') return cb(null, { user: 'mailer' });
      cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith('@blocked.example')) return cb(new Error('mailbox unavailable'));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? (session.envelope.mailFrom as { address: string }).address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString(),
          user: session.user as string | undefined,
        });
        cb();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The outside world's DNS is the only fake: mail.example.test is the local server, allowed by name;
// private.example.test resolves to a private address nobody allowed.
const resolve = async (host: string) =>
  host === 'mail.example.test'
    ? [{ address: '127.0.0.1', family: 4 as const }]
    : host === 'private.example.test'
      ? [{ address: '10.1.2.3', family: 4 as const }]
      : [];
const ports = { outbound: testOutbound, resolveHost: createHostResolver({ allow: 'mail.example.test', resolve }) };
const send = (input: Record<string, unknown>, password = 'smtp-pass-42') =>
  executeOperation(
    {
      manifest: smtp.manifest,
      operation: 'sendEmail',
      handler: smtp.handlers.sendEmail,
      config: { host: 'mail.example.test', port, from: 'crm@brand.example', fromName: 'Brand CRM' },
      credential: { type: 'basic', username: 'mailer', password },
      input,
    },
    ports,
  );

describe('built-in "Email (SMTP)" against a real SMTP server', () => {
  it('sends a message as the authenticated user, to every recipient', async () => {
    const r = await send({
      to: ['ana@customer.example', 'li@customer.example'],
      cc: 'boss@customer.example',
      subject: 'Your order',
      text: 'It shipped.',
    });
    expect(r.output).toEqual({
      messageId: expect.any(String),
      accepted: ['ana@customer.example', 'li@customer.example', 'boss@customer.example'],
      rejected: [],
    });
    const got = received.at(-1)!;
    expect(got.user).toBe('mailer');
    expect(got.from).toBe('crm@brand.example');
    expect(got.to).toEqual(['ana@customer.example', 'li@customer.example', 'boss@customer.example']);
    expect(got.data).toContain('Subject: Your order');
    expect(got.data).toContain('From: Brand CRM <crm@brand.example>');
    expect(got.data).toContain('It shipped.');
  });

  it('refuses bad addresses before connecting, and reports a wrong password without it', async () => {
    const before = received.length;
    const bad = await send({ to: 'not an address', subject: 'x', text: 'y' }).catch((e) => e);
    expect(isConnectorError(bad) && bad.code).toBe('INPUT');
    const wrong = await send({ to: 'ana@customer.example', subject: 'x', text: 'y' }, 'wrong-password-9').catch((e) => e);
    expect(isConnectorError(wrong) && wrong.code).toBe('REMOTE');
    expect(wrong.message).toMatch(/^the SMTP server refused: /);
    expect(wrong.message).not.toContain('wrong-password-9');
    expect(received.length).toBe(before);
  });

  it('refuses an SMTP host that resolves to a private address', async () => {
    const err = await executeOperation(
      {
        manifest: smtp.manifest,
        operation: 'sendEmail',
        handler: smtp.handlers.sendEmail,
        config: { host: 'private.example.test', port, from: 'crm@brand.example' },
        input: { to: 'a@b.example', subject: 'x', text: 'y' },
      },
      ports,
    ).catch((e) => e);
    expect(isConnectorError(err) && [err.code, err.message]).toEqual([
      'FAILED',
      expect.stringContaining('private.example.test resolves to 10.1.2.3, a private address'),
    ]);
  });

  it('a recipient the server refuses is an error naming the server answer', async () => {
    const err = await send({ to: 'x@blocked.example', subject: 'x', text: 'y' }).catch((e) => e);
    expect(isConnectorError(err) && err.message).toMatch(/mailbox unavailable/);
  });
});
