/**
 * Members of an app from a list (`members.json`: `[{ email, name?, roles, team? }]`), for any app:
 * accounts that do not exist yet are made (platform role `member`), and each person's membership
 * is set. Every entry is checked before anything is written, so a bad line changes nothing.
 * New accounts get `password` when given, else each its own one-time password, returned once.
 */
import { isEmailAddress } from '@tessera/core';
import { ValidationFailed, type Issue } from '../../domain-errors';
import { normalizeEmail, type Accounts } from '../accounts';
import { passwordProblem, randomSecret } from '../passwords';
import { membershipIssues, type Memberships } from './memberships';

export interface MemberEntry {
  email: string;
  name?: string;
  roles: string[];
  team?: string | null;
}

export interface MembersImported {
  /** New accounts, with the password they were given (shown once: it is not stored in clear). */
  created: Array<{ email: string; password: string }>;
  /** Entries whose account existed: their membership was set. */
  updated: string[];
}

export const MAX_MEMBERS = 5000;

export async function importMembers(
  accounts: Accounts,
  memberships: Memberships,
  appId: string,
  entries: unknown,
  knownRoles: string[],
  options: { password?: string; resetExisting?: boolean } = {},
): Promise<MembersImported> {
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_MEMBERS)
    throw new ValidationFailed('the members are not valid', [
      { pointer: '/members', message: `must be a list of 1 to ${MAX_MEMBERS} members ({ email, name, roles, team })` },
    ]);
  const issues: Issue[] = [];
  if (options.password !== undefined) {
    const problem = passwordProblem(options.password);
    if (problem) issues.push({ pointer: '/password', message: problem });
  }
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const at = `/members/${i}`;
    const email = typeof entry?.email === 'string' ? normalizeEmail(entry.email) : '';
    if (!isEmailAddress(email)) issues.push({ pointer: `${at}/email`, message: 'not an email address' });
    else if (seen.has(email)) issues.push({ pointer: `${at}/email`, message: `${email} is listed twice` });
    seen.add(email);
    if (entry?.name !== undefined && (typeof entry.name !== 'string' || entry.name.length > 200))
      issues.push({ pointer: `${at}/name`, message: 'must be text of at most 200 characters' });
    issues.push(...membershipIssues(entry, knownRoles, at));
  });
  if (issues.length) throw new ValidationFailed('the members are not valid; nothing was changed', issues);

  const out: MembersImported = { created: [], updated: [] };
  for (const entry of entries as MemberEntry[]) {
    const email = normalizeEmail(entry.email);
    const password = options.password ?? randomSecret(12);
    let user = await accounts.findUserByEmail(email);
    if (!user) {
      await accounts.createUser({ email, name: entry.name, password, role: 'member' });
      user = (await accounts.findUserByEmail(email))!;
      out.created.push({ email, password });
    } else if (options.resetExisting) {
      await accounts.updateUser(user.id, { password });
      out.created.push({ email, password });
    } else out.updated.push(email);
    await memberships.put(appId, user.id, { roles: entry.roles, team: entry.team ?? null }, knownRoles);
  }
  return out;
}
