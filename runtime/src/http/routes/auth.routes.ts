import { Router } from 'express';
import { param } from '../params';
import type { Platform } from '../../platform/platform';
import { badRequest, unauthorized, Problem } from '../problem';
import { principalOf, requireRole, SESSION_COOKIE, sessionToken } from '../auth.middleware';
import { LoginLimiter } from '../login-limiter';
import { normalizeEmail } from '../../platform/accounts';
import { Forbidden } from '../../domain-errors';

/** Sign in/out, the current user, users (admin) and API keys. */
export function authRoutes(platform: Platform): Router {
  const r = Router();
  const limiter = new LoginLimiter();
  // Guessing the current password with a stolen session is slowed like guessing it at sign-in.
  const passwordLimiter = new LoginLimiter();

  r.post('/auth/login', async (req, res) => {
    const { email, password } = (req.body ?? {}) as { email?: unknown; password?: unknown };
    if (typeof email !== 'string' || typeof password !== 'string') throw badRequest('send {"email": …, "password": …}');
    // Keyed as the account is looked up: " Admin@X.io " is the same account, so the same back-off.
    const key = `${req.ip}|${normalizeEmail(email)}`;
    const wait = limiter.check(key);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new Problem(429, 'Too many requests', `too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} s`);
    }
    const user = await platform.accounts.authenticate(email, password);
    if (!user) {
      limiter.fail(key);
      throw unauthorized('wrong email or password');
    }
    limiter.reset(key);
    const session = await platform.accounts.createSession(user.id);
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: platform.config.secureCookies,
      expires: new Date(session.expiresAt),
      path: '/',
    });
    res.json({ user, expiresAt: session.expiresAt });
  });

  r.post('/auth/logout', async (req, res) => {
    const token = sessionToken(req);
    if (token) await platform.accounts.endSession(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  r.get('/auth/me', (req, res) => {
    res.json({ user: principalOf(req).user });
  });

  // The signed-in user's own password; the other sessions end, this one stays signed in.
  r.post('/auth/password', async (req, res) => {
    const p = principalOf(req);
    const key = p.user.id;
    const wait = passwordLimiter.check(key);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new Problem(429, 'Too many requests', `too many wrong passwords; try again in ${Math.ceil(wait / 1000)} s`);
    }
    try {
      await platform.accounts.changeOwnPassword(p, (req.body ?? {}) as { currentPassword?: unknown; newPassword?: unknown });
    } catch (err) {
      if (err instanceof Forbidden) passwordLimiter.fail(key);
      throw err;
    }
    passwordLimiter.reset(key);
    res.status(204).end();
  });

  r.get('/users', requireRole('admin'), async (_req, res) => {
    res.json({ items: await platform.accounts.listUsers() });
  });
  r.post('/users', requireRole('admin'), async (req, res) => {
    res.status(201).json(await platform.accounts.createUser(req.body ?? {}));
  });
  r.get('/users/:id', requireRole('admin'), async (req, res) => {
    res.json(await platform.accounts.getUser(param(req, 'id')));
  });
  r.patch('/users/:id', requireRole('admin'), async (req, res) => {
    const id = param(req, 'id');
    const p = principalOf(req);
    // An admin setting their own password stays signed in here; every other session ends.
    const keepSession = p.user.id === id ? p.sessionId : undefined;
    res.json(await platform.accounts.updateUser(id, req.body ?? {}, { keepSession }));
  });

  // API keys belong to the signed-in user; admins see everyone's.
  r.get('/api-keys', async (req, res) => {
    const p = principalOf(req);
    // Admins may narrow the list to one user with ?userId=; anyone else always gets their own.
    const asked = typeof req.query.userId === 'string' && req.query.userId ? req.query.userId : undefined;
    res.json({ items: await platform.accounts.listApiKeys(p.user.role === 'admin' ? asked : p.user.id) });
  });
  // Optionally scoped: `apps` (only these apps' routes) and `readOnly`; it dies with the session or key that made it.
  r.post('/api-keys', async (req, res) => {
    const p = principalOf(req);
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as { name?: unknown; apps?: unknown; readOnly?: unknown };
    const { key, info } = await platform.accounts.createApiKey(p.user.id, body.name, {
      apps: body.apps,
      readOnly: body.readOnly,
      mintedBy: p,
    });
    res.status(201).json({ ...info, key, note: 'store this key now: it is not shown again' });
  });
  r.delete('/api-keys/:id', async (req, res) => {
    const p = principalOf(req);
    await platform.accounts.deleteApiKey(param(req, 'id'), p.user.role === 'admin' ? undefined : p.user.id);
    res.status(204).end();
  });
  return r;
}
