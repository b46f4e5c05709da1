/**
 * sendEmail: one message through the connection's SMTP server. The host is resolved through the
 * outbound address policy and the socket goes to that checked address (the name is kept for
 * TLS), so a connection cannot reach a private host that HTTP calls could not.
 */
import nodemailer from 'nodemailer';
import { ConnectorError } from '../../../executor/connector-error';
import type { OperationHandler } from '../../../sdk/define-connector';

const TIMEOUT_MS = 15_000;

export const sendEmail: OperationHandler = async (input, ctx) => {
  const config = ctx.config as { host: string; port?: number; secure?: boolean; from: string; fromName?: string };
  const address = await ctx.resolveHost(config.host);
  const credential = ctx.credential;
  if (credential && credential.type !== 'basic')
    throw new ConnectorError('AUTH', 'an SMTP connection takes a username and password (basic) credential');
  const transport = nodemailer.createTransport({
    host: address,
    port: config.port ?? 587,
    secure: config.secure ?? false,
    tls: { servername: config.host },
    ...(credential ? { auth: { user: credential.username, pass: credential.password } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    disableFileAccess: true, // a message can never attach a file of the server
    disableUrlAccess: true, // … nor fetch a URL for it
  });
  try {
    const info = await transport.sendMail({
      from: config.fromName ? { name: config.fromName, address: config.from } : config.from,
      to: input.to as string | string[],
      cc: input.cc as string | string[] | undefined,
      bcc: input.bcc as string | string[] | undefined,
      replyTo: input.replyTo as string | undefined,
      subject: input.subject as string,
      text: input.text as string | undefined,
      html: input.html as string | undefined,
      ...(ctx.idempotencyKey ? { headers: { 'X-Idempotency-Key': ctx.idempotencyKey } } : {}),
    });
    return { messageId: info.messageId, accepted: info.accepted.map(String), rejected: info.rejected.map(String) };
  } catch (err) {
    const e = err as { responseCode?: number; message?: string; code?: string };
    throw new ConnectorError(
      'REMOTE',
      `the SMTP server refused: ${e.message ?? String(err)}`,
      e.responseCode ? { status: e.responseCode } : {},
    );
  } finally {
    transport.close();
  }
};
