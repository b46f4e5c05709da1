/**
 * A rep's contact may link to a company the rep cannot read (another rep's). The contact keeps
 * the company's id (it is the contact's data), but nothing of the company itself reaches the
 * rep: not through the company endpoints, lookups by id, filters into the relation, exports,
 * audit trails or live events. The app client shows such a link as "no access"
 * (runtime/test/e2e/relations.e2e.test.ts).
 */
import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, type TestMember } from '../helpers/members';
import { openSse } from '../helpers/sse';

let t: TestServer;
let rep1: TestMember, rep2: TestMember;
let theirCompany: string;
let myContact: string;
const api = '/api/apps/rel/data';
const SECRET = 'Zebra Secret Holdings';

const own = (entity: string, extra: unknown[] = []) => ({
  id: entity,
  label: entity,
  display: 'name',
  ownerField: 'owner',
  fields: [{ id: 'name', type: 'text', required: true }, ...extra, { id: 'owner', type: 'text', indexed: true }],
  permissions: [{ role: 'rep', actions: ['create', 'read', 'update'], rows: 'own', fields: { owner: 'readonly' } }],
});

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, {
    schemaVersion: 1,
    id: 'rel',
    name: 'Relations',
    roles: [{ id: 'rep', label: 'Rep' }],
    entities: [own('company', [{ id: 'revenue', type: 'money' }]), own('contact', [{ id: 'company', type: 'relation', to: 'company' }])],
  });
  rep1 = await addMember(t, 'rel', { email: 'rep1@t.test', roles: ['rep'] });
  rep2 = await addMember(t, 'rel', { email: 'rep2@t.test', roles: ['rep'] });
  theirCompany = (await rep2.api('POST', `${api}/company`, { name: SECRET, revenue: 987654 })).body.id;
  myContact = (await t.api('POST', `${api}/contact`, { name: 'Ann', company: theirCompany, owner: rep1.email })).body.id;
});
afterAll(() => t.close());

const noLeak = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/Zebra|987654|rep2@t\.test/);

describe('a link to a record the caller cannot read', () => {
  it('the contact carries only the company id; the company itself is as unknown as a missing one', async () => {
    const contact = await rep1.api('GET', `${api}/contact/${myContact}`);
    expect(contact.body).toMatchObject({ name: 'Ann', company: theirCompany });
    noLeak(contact.body);
    const company = await rep1.api('GET', `${api}/company/${theirCompany}`);
    expect(company.status).toBe(404);
    expect(company.body.detail).toBe(`company "${theirCompany}" does not exist`);
    expect((await rep1.api('GET', `${api}/company/no-such-id`)).body.detail).toBe('company "no-such-id" does not exist');
    // The lookup the app client makes for display names: the company is simply not there.
    const lookup = await rep1.api('GET', `${api}/company?filter=${encodeURIComponent(JSON.stringify({ id: { $in: [theirCompany] } }))}`);
    expect(lookup.body.items).toEqual([]);
    noLeak(lookup.body);
  });

  it('no filter, sort or export reaches into the company', async () => {
    const byName = async (name: string) =>
      await rep1.api('GET', `${api}/contact?filter=${encodeURIComponent(JSON.stringify({ 'company.name': name }))}`);
    const [real, made] = [await byName(SECRET), await byName('Nobody')];
    expect([real.status, real.body.detail]).toEqual([400, '/filter/company.name: unknown field "company.name" on contact']);
    expect(made.body.detail).toBe(real.body.detail); // the same answer whatever the name
    expect((await rep1.api('GET', `${api}/contact?sort=company.name`)).status).toBe(400);
    const csv = await fetch(`${t.url}${api}/contact/export.csv`, { headers: { authorization: `Bearer ${rep1.key}` } });
    const text = await csv.text();
    expect(text).toContain(theirCompany);
    noLeak(text);
    const asked = await rep1.api('GET', `${api}/contact/export.csv?fields=name,company.name`);
    expect(asked.status).toBe(400);
  });

  it("the contact's audit trail and live events carry the id only", async () => {
    const stream = await openSse(`${t.url}/api/apps/rel/live`, { authorization: `Bearer ${rep1.key}` });
    try {
      await stream.next((e) => e.event === 'retry');
      expect((await rep1.api('PATCH', `${api}/contact/${myContact}`, { name: 'Ann B.' })).status).toBe(200);
      const event = await stream.next((e) => e.event === 'change' && e.data.id === myContact);
      expect(event.data.record).toMatchObject({ name: 'Ann B.', company: theirCompany });
      // rep2 renames their company: rep1 hears nothing of it.
      expect((await rep2.api('PATCH', `${api}/company/${theirCompany}`, { name: `${SECRET} II` })).status).toBe(200);
      expect((await rep1.api('PATCH', `${api}/contact/${myContact}`, { name: 'Ann C.' })).status).toBe(200);
      await stream.next((e) => e.event === 'change' && e.data.record?.name === 'Ann C.');
      noLeak(stream.events);
    } finally {
      stream.close();
    }
    const audit = await rep1.api('GET', `${api}/contact/${myContact}/audit`);
    expect(audit.body.items.length).toBeGreaterThan(0);
    noLeak(audit.body);
  });

  it('linking cannot probe for it: a link to it is refused exactly like one to a missing record, and nothing is written', async () => {
    const before = (await t.api('GET', `${api}/contact?count=exact`)).body.total;
    const toTheirs = await rep1.api('POST', `${api}/contact`, { name: 'Probe', company: theirCompany });
    const toNothing = await rep1.api('POST', `${api}/contact`, { name: 'Probe', company: 'no-such-id' });
    expect(toTheirs.status).toBe(422);
    expect(toTheirs.body.errors).toEqual([{ pointer: '/company', message: `no company with id "${theirCompany}"` }]);
    expect(toNothing.body.errors).toEqual([{ pointer: '/company', message: 'no company with id "no-such-id"' }]);
    expect((await rep1.api('PATCH', `${api}/contact/${myContact}`, { company: 'no-such-id' })).status).toBe(422);
    expect((await t.api('GET', `${api}/contact?count=exact`)).body.total).toBe(before);
  });

  it('a record already linked to it can still be saved with the link unchanged', async () => {
    const saved = await rep1.api('PATCH', `${api}/contact/${myContact}`, { name: 'Ann B.', company: theirCompany });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Ann B.', company: theirCompany });
  });

  it("another rep's record answers a PATCH exactly like a missing one, whatever its links (Hardening 7)", async () => {
    const theirContact = (await rep2.api('POST', `${api}/contact`, { name: 'Bea', company: theirCompany })).body.id;
    const answer = async (id: string, company: string) => {
      const res = await rep1.api('PATCH', `${api}/contact/${id}`, { company });
      return [res.status, res.body.detail.replace(id, '<id>'), res.body.errors];
    };
    const missing = [404, 'contact "<id>" does not exist', undefined];
    // Its real link, a made-up one, and the same two on an id that does not exist: one answer.
    expect(await answer(theirContact, theirCompany)).toEqual(missing);
    expect(await answer(theirContact, 'made-up-id')).toEqual(missing);
    expect(await answer('no-such-contact', theirCompany)).toEqual(missing);
    expect(await answer('no-such-contact', 'made-up-id')).toEqual(missing);
    expect((await rep2.api('GET', `${api}/contact/${theirContact}`)).body).toMatchObject({
      name: 'Bea',
      company: theirCompany,
      version: 1,
    });
  });
});
