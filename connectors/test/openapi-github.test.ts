/** GitHub's REST description (13 MB, 1,223 operations): the large-document case of the import. */
import type { ConnectorManifest } from '@tessera/core';
import { callableOperations, compile, expectValidManifest, fixtureText, importFixture, operation } from './openapi-fixture';

const FILE = 'github-api-3.0.json.gz';
let manifest: ConnectorManifest;
let warnings: Array<{ pointer: string; message: string }>;

beforeAll(async () => {
  ({ manifest, warnings } = await importFixture(FILE));
}, 180_000);

it('imports every operation into a valid manifest', () => {
  const text = fixtureText(FILE);
  expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
  expect(manifest.operations.length).toBeGreaterThan(1000);
  expect(manifest.operations).toHaveLength(callableOperations(text));
  expectValidManifest(manifest);
  expect(manifest).toMatchObject({ baseUrl: 'https://api.github.com', version: '23.0.2' });
  expect(manifest.groups.map((g) => g.id)).toEqual(expect.arrayContaining(['repos', 'issues', 'pulls', 'actions']));
  // What the import has to say about the document: the text/plain body, and the upload host.
  expect(warnings).toEqual([
    { pointer: '/paths/~1markdown~1raw/post/requestBody', message: expect.stringContaining('text/plain') },
    {
      pointer: '/paths/~1repos~1{owner}~1{repo}~1releases~1{release_id}~1assets/post',
      message: expect.stringContaining('"https://uploads.github.com"'),
    },
  ]);
}, 180_000);

it('names operations after their operationId', () => {
  const ids = manifest.operations.map((o) => o.id);
  expect(ids).toEqual(expect.arrayContaining(['reposGet', 'reposListForOrg', 'issuesCreate', 'pullsMerge', 'reposGetContent', 'metaRoot']));
});

it('lists paginate by the Link header', () => {
  const list = operation(manifest, 'issuesListForRepo');
  expect(list).toMatchObject({
    kind: 'list',
    group: 'issues',
    http: { method: 'GET', path: '/repos/{owner}/{repo}/issues', records: { $expr: '$response.body' }, pagination: { type: 'link' } },
    input: { required: ['owner', 'repo'] },
    output: { type: 'array' },
  });
  expect(list.http!.query).toMatchObject({ state: { $expr: '$input.state' }, per_page: { $expr: '$input.per_page' } });
});

it('a create operation takes its JSON body and its output compiles against a real-looking value', () => {
  const create = operation(manifest, 'issuesCreate');
  expect(create).toMatchObject({ kind: 'create', http: { method: 'POST', bodyType: 'json', body: { $expr: '$input.body' } } });
  expect(compile(create.input)({ owner: 'o', repo: 'r', body: { title: 'Bug' } })).toBe(true);
  expect(compile(create.input)({ owner: 'o', repo: 'r', body: {} })).toBe(false);
  expect(compile(operation(manifest, 'metaRoot').output)({})).toBe(false);
});

it('a raw upload is a binary body with the query parameters beside it', () => {
  const upload = operation(manifest, 'reposUploadReleaseAsset');
  expect(upload.http).toMatchObject({
    bodyType: 'binary',
    contentType: 'application/octet-stream',
    query: { name: { $expr: '$input.name' } },
  });
});
