import type { Principal, User } from '../accounts';
import { Forbidden } from '../../domain-errors';
import type { Caller } from '../policy/policy.types';
import type { Memberships } from './memberships';

/**
 * Turns a signed-in principal into an app `Caller`. Platform admins and builders bypass app
 * permissions; their Caller is built once per user object (principals are cached by the account
 * service), so the admin hot path allocates nothing. Members need a membership (403 without).
 */
export class Access {
  private readonly bypassCallers = new WeakMap<User, Caller>();

  constructor(private readonly memberships: Memberships) {}

  isBypass(user: User): boolean {
    return user.role === 'admin' || user.role === 'builder';
  }

  /** Synchronous for admins and builders (no promise on the hot path), a promise for members. */
  caller(appId: string, principal: Principal): Caller | Promise<Caller> {
    const { user } = principal;
    if (this.isBypass(user)) {
      let c = this.bypassCallers.get(user);
      if (!c) {
        c = { user: { id: user.id, email: user.email, name: user.name }, bypass: true, roles: [], team: null, teamOwners: [] };
        this.bypassCallers.set(user, c);
      }
      return c;
    }
    return this.memberCaller(appId, user);
  }

  private async memberCaller(appId: string, user: User): Promise<Caller> {
    const members = await this.memberships.forApp(appId);
    const m = members.byUser.get(user.id);
    if (!m) throw new Forbidden(`you are not a member of the app "${appId}"; ask an admin to add you`);
    return {
      user: { id: user.id, email: user.email, name: user.name },
      bypass: false,
      roles: m.roles,
      team: m.team,
      teamOwners: m.team ? (members.teams.get(m.team) ?? []) : [],
    };
  }
}
