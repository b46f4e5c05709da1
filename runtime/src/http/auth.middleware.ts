import type { Request, RequestHandler } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Accounts, Principal, PlatformRole } from '../platform/accounts';
import { forbidden, unauthorized } from './problem';

export const SESSION_COOKIE = 'tessera_session';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal | null;
    /** Signed in by the session cookie (which a browser attaches by itself: see csrf.middleware.ts). */
    viaCookie?: boolean;
  }
}

/** Resolves the caller from `Authorization: Bearer <api key>` or the session cookie; never rejects by itself. */
export function authenticate(accounts: Accounts): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.principal = await accounts.principalForApiKey(header.slice(7).trim());
    } else {
      const token = sessionToken(req);
      req.principal = token ? await accounts.principalForSession(token) : null;
      req.viaCookie = !!req.principal;
    }
    next();
  };
}

/** Cookies are parsed only here, and only when no API key was sent. */
export function sessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw unauthorized();
  return req.principal;
}

const RANK: Record<PlatformRole, number> = { member: 0, builder: 1, admin: 2 };

/** Route guard: signed in, with at least this platform role. */
export function requireRole(role: PlatformRole): RequestHandler {
  return (req, _res, next) => {
    const p = principalOf(req);
    if (RANK[p.user.role] < RANK[role]) throw forbidden(`this needs the ${role} role`);
    next();
  };
}
