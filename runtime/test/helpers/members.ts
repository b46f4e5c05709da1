import type { ApiFn, TestServer } from './tessera';

export interface TestMember {
  id: string;
  email: string;
  key: string;
  api: ApiFn;
}

/** A platform user with the `member` role, an API key and (when roles are given) a membership of the app. */
export async function addMember(
  t: TestServer,
  appId: string,
  m: { email: string; roles?: string[]; team?: string | null },
): Promise<TestMember> {
  const { accounts } = t.running.platform;
  const user = await accounts.createUser({ email: m.email, password: 'member password 1', name: m.email.split('@')[0], role: 'member' });
  if (m.roles) {
    const res = await t.api('PUT', `/api/apps/${appId}/members/${user.id}`, { roles: m.roles, team: m.team ?? null });
    if (res.status !== 200) throw new Error(`membership failed: ${JSON.stringify(res.body)}`);
  }
  const { key } = await accounts.createApiKey(user.id, 'tests');
  return { id: user.id, email: user.email, key, api: t.as(key) };
}

/**
 * An app with row and field permissions: deals owned by a user (email in `owner`), a hidden
 * `margin` for reps and auditors, a hidden `notes` for auditors, read-only `owner` for reps.
 */
export function rbacApp(id = 'rbac'): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    name: 'RBAC test',
    roles: [
      { id: 'rep', label: 'Rep' },
      { id: 'manager', label: 'Manager' },
      { id: 'auditor', label: 'Auditor' },
      { id: 'guest', label: 'Guest' },
    ],
    entities: [
      {
        id: 'deal',
        label: { en: 'Deal', 'zh-CN': '商机' },
        ownerField: 'owner',
        fields: [
          { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
          { id: 'amount', type: 'money', label: { en: 'Amount', 'zh-CN': '金额' } },
          { id: 'margin', type: 'number', label: 'Margin' },
          { id: 'notes', type: 'longtext' },
          { id: 'stage', type: 'enum', options: [{ value: 'open' }, { value: 'won' }, { value: 'lost' }], default: 'open' },
          { id: 'closeDate', type: 'date', label: 'Close date' },
          { id: 'won', type: 'boolean' },
          { id: 'tags', type: 'multienum', options: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] },
          { id: 'code', type: 'text', unique: true },
          { id: 'account', type: 'relation', to: 'account' },
          { id: 'meta', type: 'json' },
          { id: 'signedAt', type: 'datetime' },
          { id: 'owner', type: 'text', indexed: true },
          { id: 'weighted', type: 'computed', resultType: 'number', expression: { $expr: 'amount * 2' } },
        ],
        permissions: [
          { role: 'rep', actions: ['create', 'read', 'update'], rows: 'own', fields: { margin: 'hidden', owner: 'readonly' } },
          { role: 'manager', actions: ['create', 'read', 'update', 'delete'], rows: 'team' },
          { role: 'auditor', actions: ['read'], rows: 'all', fields: { margin: 'hidden', notes: 'hidden' } },
        ],
      },
      {
        id: 'account',
        label: 'Account',
        fields: [{ id: 'name', type: 'text', required: true }],
        permissions: [
          { role: 'rep', actions: ['read'] },
          { role: 'manager', actions: ['create', 'read', 'update', 'delete'] },
          { role: 'auditor', actions: ['read'] },
        ],
      },
    ],
  };
}

/** Creates and publishes an app as the admin. */
export async function publishApp(t: TestServer, definition: Record<string, unknown>): Promise<void> {
  const created = await t.api('POST', '/api/apps', definition);
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const pub = await t.api('POST', `/api/apps/${definition.id}/publish`, {});
  if (pub.status !== 201) throw new Error(`publish failed: ${JSON.stringify(pub.body)}`);
}
