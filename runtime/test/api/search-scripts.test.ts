/**
 * Hardening 23: the quick search folded the query (NFKD: Hangul into letters, full-width into
 * ASCII) but not the index, so "한" found nothing, and split Devanagari words at their vowel
 * signs. One normalization (core's foldSearchText) now serves the query, the SQLite index and the
 * in-memory matcher (builder preview, live lists): each case below finds the same records in all.
 */
import { createMemoryStore, type Collection } from '@tessera/core/store';
import { startTestServer, type TestServer } from '../helpers/tessera';
import { publishApp, rbacApp } from '../helpers/members';

let t: TestServer;
let memory: Collection;
const base = '/api/apps/scripts/data/deal';
const NAMES = [
  '张三丰', // Chinese
  '東京タワー', // Japanese: kanji and katakana
  '한국어 학교', // Korean
  'مُحَمَّد علي', // Arabic, with vowel marks
  'नमस्ते दुनिया', // Devanagari
  'Zoë Šťastná', // accented Latin
  'ＡＢＣ Ｔｒａｄｉｎｇ', // full-width Latin
  'Plain Smith',
];

beforeAll(async () => {
  t = await startTestServer();
  const app = rbacApp('scripts') as { entities: Array<Record<string, unknown>> };
  app.entities[0].searchFields = ['name'];
  await publishApp(t, app);
  memory = await createMemoryStore().ensureCollection({ name: 'deal', fields: [{ name: 'name', kind: 'string' }], search: ['name'] });
  for (const name of NAMES) {
    expect((await t.api('POST', base, { name })).status).toBe(201);
    await memory.insert({ name });
  }
});
afterAll(() => t.close());

const found = async (q: string) => {
  const res = await t.api('GET', `${base}?filter=${encodeURIComponent(JSON.stringify({ $search: q }))}&sort=name`);
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ name: string }>).map((d) => d.name).sort();
};
const foundInMemory = async (q: string) =>
  (await memory.find({ filter: { $search: q } as never, limit: 100 })).items.map((d) => d.name as string).sort();

it.each([
  ['张', ['张三丰']],
  ['三丰', ['张三丰']], // each Chinese character is a word: the given name finds the person
  ['東京', ['東京タワー']],
  ['タワ', ['東京タワー']],
  ['한', ['한국어 학교']],
  ['학교', ['한국어 학교']],
  ['하', ['한국어 학교']], // the first letters of a syllable begin it
  ['محمد', ['مُحَمَّد علي']], // without the vowel marks
  ['مُحَمَّد', ['مُحَمَّد علي']],
  ['नमस्ते', ['नमस्ते दुनिया']], // vowel signs are part of the word
  ['दुनि', ['नमस्ते दुनिया']],
  ['zoe', ['Zoë Šťastná']],
  ['ŠŤAST', ['Zoë Šťastná']],
  ['abc', ['ＡＢＣ Ｔｒａｄｉｎｇ']],
  ['ＴＲＡＤ', ['ＡＢＣ Ｔｒａｄｉｎｇ']],
  ['smi', ['Plain Smith']],
  ['tokyo', []],
])('"%s" finds %j, on the server and in memory', async (q, expected) => {
  expect(await found(q)).toEqual([...expected].sort());
  expect(await foundInMemory(q)).toEqual([...expected].sort());
});
