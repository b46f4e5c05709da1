/** Real public OpenAPI documents (fixtures/openapi/README.md) import into valid manifests. */
import { callableOperations, compile, expectValidManifest, fixtureText, importFixture, operation } from './openapi-fixture';

const SMALL = [
  'petstore-2.0.json',
  'petstore-3.0.yaml',
  'readme-3.1.yaml',
  'schema-circular-3.0.json',
  'security-3.0.json',
  'file-uploads-3.0.json',
  'form-data-3.0.json',
  'server-variables-3.0.json',
  'parameters-common-3.0.json',
];

describe.each(SMALL)('%s', (file) => {
  it('imports into a valid manifest with one operation per callable operation of the document', async () => {
    const { manifest } = await importFixture(file);
    expectValidManifest(manifest);
    expect(manifest.operations).toHaveLength(callableOperations(fixtureText(file)));
  });

  it('gives the same ids when the same document is imported again', async () => {
    const first = await importFixture(file);
    const again = await importFixture(file);
    expect(again.manifest.operations.map((o) => o.id)).toEqual(first.manifest.operations.map((o) => o.id));
  });
});

describe('Swagger 2.0 petstore (JSON)', () => {
  it('maps host and basePath, the API key, tags, and each kind of operation', async () => {
    const { manifest, warnings } = await importFixture('petstore-2.0.json');
    expect(manifest.baseUrl).toBe('http://petstore.swagger.io/v2');
    expect(manifest.auth).toEqual([{ type: 'apiKey', id: 'api_key', in: 'header', name: 'api_key' }]);
    expect(warnings).toContainEqual({
      pointer: '/securityDefinitions/petstore_auth',
      message: expect.stringContaining('"implicit" is not supported'),
    });
    expect(manifest.groups.map((g) => g.id)).toEqual(['pet', 'store', 'user']);

    const find = operation(manifest, 'findPetsByStatus');
    expect(find).toMatchObject({
      kind: 'list',
      group: 'pet',
      http: { method: 'GET', path: '/pet/findByStatus', records: { $expr: '$response.body' } },
    });
    expect(find.http!.query).toEqual({ status: { $expr: '$input.status' } });
    expect(find.input).toMatchObject({ required: ['status'], properties: { status: { type: 'array' } } });
    expect(operation(manifest, 'findPetsByTags').deprecated).toBe(true);

    const remove = operation(manifest, 'deletePet');
    expect(remove.kind).toBe('delete');
    expect(remove.http).toMatchObject({ method: 'DELETE', path: '/pet/{petId}', headers: { api_key: { $expr: '$input.api_key' } } });
    expect(remove.input).toMatchObject({ required: ['petId'], properties: { petId: { type: 'integer', format: 'int64' } } });

    const add = operation(manifest, 'addPet');
    expect(add).toMatchObject({
      kind: 'create',
      http: { bodyType: 'json', body: { $expr: '$input.body' } },
      input: { required: ['body'] },
    });
    // The body is the Pet definition, carried as a $def of the input.
    expect((add.input as { properties: { body: unknown } }).properties.body).toEqual({
      $ref: '#/$defs/Pet',
      description: expect.any(String),
    });
    expect(Object.keys((add.input as { $defs: object }).$defs).sort()).toEqual(['Category', 'Pet', 'Tag']);
    const validPet = compile(add.input);
    expect(validPet({ body: { name: 'Rex', photoUrls: [], status: 'available' } })).toBe(true);
    expect(validPet({ body: { name: 'Rex', photoUrls: [], status: 'lost' } })).toBe(false);

    const form = operation(manifest, 'updatePetWithForm');
    expect(form.http).toMatchObject({ bodyType: 'form' });
    const upload = operation(manifest, 'uploadFile');
    expect(upload.http).toMatchObject({ method: 'POST', path: '/pet/{petId}/uploadImage', bodyType: 'multipart' });
    const file = (upload.input as { properties: { body: { properties: { file: object } } } }).properties.body.properties.file;
    expect(file).toMatchObject({ type: 'object', properties: { filename: {}, contentType: {}, base64: {} }, required: ['base64'] });
    expect(operation(manifest, 'getPetById').output).toMatchObject({ $ref: '#/$defs/Pet' });
  });
});

describe('OpenAPI 3.0 petstore (YAML)', () => {
  it('reads YAML and OAuth2 flows it cannot use are warned about', async () => {
    const { manifest, warnings } = await importFixture('petstore-3.0.yaml');
    expect(manifest.operations.map((o) => o.id)).toContain('getInventory');
    expect(operation(manifest, 'getInventory').output).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'integer', format: 'int32' },
    });
    expect(warnings.some((w) => w.pointer === '/components/securitySchemes/petstore_auth/flows/implicit')).toBe(true);
  });
});

describe('OpenAPI 3.1 ReadMe API (YAML)', () => {
  it('detects page pagination and records under data, bearer auth, and multipart uploads', async () => {
    const { manifest, warnings } = await importFixture('readme-3.1.yaml');
    expect(warnings).toEqual([]);
    expect(manifest).toMatchObject({
      name: 'readme-api',
      version: '2.0.0',
      baseUrl: 'https://api.readme.com/v2',
      auth: [{ type: 'bearer', id: 'bearer' }],
    });
    const keys = operation(manifest, 'getAPIKeys');
    expect(keys).toMatchObject({
      kind: 'list',
      group: 'API Keys',
      http: {
        method: 'GET',
        path: '/projects/{subdomain}/apikeys',
        query: { page: { $expr: '$input.page' }, per_page: { $expr: '$input.per_page' } },
        records: { $expr: '$response.body.data' },
        pagination: { type: 'page', pageParam: 'page', limitParam: 'per_page', pageSize: 100 },
      },
      input: { required: ['subdomain'] },
      output: { type: 'array' },
    });
    expect(operation(manifest, 'updateAPIKey')).toMatchObject({ kind: 'update', http: { method: 'PATCH', bodyType: 'json' } });
    expect(operation(manifest, 'uploadImage').http).toMatchObject({
      bodyType: 'multipart',
      query: { resize_height: { $expr: '$input.resize_height' } },
    });
  });
});

describe('circular references (3.0)', () => {
  it('keeps the cycle as $defs, and a recursive value validates', async () => {
    const { manifest } = await importFixture('schema-circular-3.0.json');
    const op = operation(manifest, 'putCircular');
    const defs = (op.input as { $defs: Record<string, unknown> }).$defs;
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['MultiPart', 'BodyPart']));
    const nested = operation(manifest, 'putNestedTest');
    expect(compile(nested.input)({ body: {} })).toBe(true);
    const validate = compile(op.input);
    // FormDataBodyPart -> MultiPart -> BodyPart -> MultiPart ...: three levels of a recursive value.
    const file = { parent: { bodyParts: [{ parent: { bodyParts: [{ entity: {} }] } }] } };
    expect(validate({ body: { file, typename: 'x' } })).toBe(true);
    expect(validate({ body: { file: { parent: { bodyParts: [{ parent: { bodyParts: 'not a list' } }] } } } })).toBe(false);
  });
});

describe('security schemes (3.0)', () => {
  it('maps API keys, basic, bearer and OAuth2 flows; cookies and OpenID Connect are warned about', async () => {
    const { manifest, warnings } = await importFixture('security-3.0.json');
    const types = manifest.auth.map((a) => `${a.type}:${a.id}`);
    expect(types).toEqual(expect.arrayContaining(['apiKey:apiKey_header', 'apiKey:apiKey_query', 'basic:basic', 'bearer:bearer']));
    expect(manifest.auth.find((a) => a.id === 'apiKey_query')).toMatchObject({ in: 'query', name: expect.any(String) });
    const oauth = manifest.auth.filter((a) => a.type === 'oauth2');
    expect(oauth.map((a) => a.flow)).toEqual(expect.arrayContaining(['authorizationCode', 'clientCredentials']));
    for (const a of oauth) expect(a.tokenUrl).toMatch(/^https?:\/\//);
    expect(warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('cookie'), expect.stringContaining('OpenID Connect')]),
    );
  });
});

describe('server variables (3.0)', () => {
  it('keeps the placeholders in the base URL and offers each variable in the config', async () => {
    const { manifest } = await importFixture('server-variables-3.0.json');
    const vars = [...manifest.baseUrl!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    expect(vars.length).toBeGreaterThan(0);
    const properties = (manifest.config as { properties: Record<string, { default?: string }> }).properties;
    for (const v of vars) expect(properties[v]).toMatchObject({ type: 'string', default: expect.any(String) });
    expect(properties.baseUrl).toMatchObject({ type: 'string' });
  });
});

describe('request bodies (3.0)', () => {
  it('multipart binary fields become file objects; octet-stream is a base64 binary body', async () => {
    const { manifest } = await importFixture('file-uploads-3.0.json');
    const bodies = manifest.operations.map((o) => o.http!.bodyType);
    expect(bodies).toEqual(expect.arrayContaining(['multipart', 'binary']));
    const binary = manifest.operations.find((o) => o.http!.bodyType === 'binary')!;
    expect(binary.http!.contentType).toMatch(/\//);
    expect((binary.input as { properties: { body: object } }).properties.body).toMatchObject({ type: 'string', contentEncoding: 'base64' });
    const multipart = operation(manifest, 'postAnythingMultipartFormdata');
    expect(multipart.http).toMatchObject({ method: 'POST', bodyType: 'multipart', body: { $expr: '$input.body' } });
    const validate = compile(multipart.input);
    expect(
      validate({ body: { orderId: 1, documentFile: { filename: 'a.pdf', contentType: 'application/pdf', base64: 'JVBERi0=' } } }),
    ).toBe(true);
    expect(validate({ body: { orderId: 1, documentFile: 'raw text' } })).toBe(false);
    // An array of binary fields is an array of files.
    const many = operation(manifest, 'putAnythingMultipartFormdata');
    expect(
      (many.input as { properties: { body: { properties: { filename: object } } } }).properties.body.properties.filename,
    ).toMatchObject({
      type: 'array',
      items: { required: ['base64'] },
    });
  });

  it('form-urlencoded bodies are form bodies', async () => {
    const { manifest } = await importFixture('form-data-3.0.json');
    expect(manifest.operations.some((o) => o.http!.bodyType === 'form')).toBe(true);
  });
});
