/** How OpenAPI constructs become manifest parts, on small documents written for each case. */
import { compile, expectValidManifest, importDoc, operation } from './openapi-fixture';
import { importOpenApi } from '../src/openapi/openapi-import';

const doc = (paths: object, extra: object = {}): object => ({
  openapi: '3.0.3',
  info: { title: 'Acme Shop!', version: '2.1' },
  servers: [
    { url: 'https://{region}.acme.test/v1', variables: { region: { default: 'eu', enum: ['eu', 'us'], description: 'Data region' } } },
  ],
  paths,
  ...extra,
});
const json = (schema: object): object => ({ 200: { description: 'ok', content: { 'application/json': { schema } } } });

describe('operation ids and titles', () => {
  it('are readable camelCase from operationId, else method and path, unique with suffixes', async () => {
    const m = await importDoc(
      doc({
        '/users/{id}': {
          get: { operationId: 'get-users_by id', responses: json({ type: 'object' }) },
          delete: { responses: { 204: { description: 'gone' } } },
          put: { operationId: 'get-users_by id', summary: 'Replace a user', responses: { 204: { description: 'ok' } } },
        },
        '/repos/{owner}/{repo}/issues': { get: { responses: json({ type: 'object' }) } },
        '/': { get: { operationId: '2fa/enable', responses: json({ type: 'object' }) } },
      }),
    );
    expectValidManifest(m);
    expect(m.operations.map((o) => o.id)).toEqual([
      'getUsersById',
      'getUsersById2',
      'deleteUsersById',
      'getReposByOwnerAndRepoIssues',
      'op2faEnable',
    ]);
    expect(m.operations.map((o) => o.title)).toEqual([
      'get-users_by id',
      'Replace a user',
      'DELETE /users/{id}',
      'GET /repos/{owner}/{repo}/issues',
      '2fa/enable',
    ]);
    expect(m).toMatchObject({ name: 'acme-shop', version: '2.1.0', title: 'Acme Shop!' });
  });
});

describe('parameters', () => {
  it('every location becomes an input; clashes get a location suffix; cookies are left out with a warning', async () => {
    const result = await importOpenApi(
      doc({
        '/items/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          get: {
            parameters: [
              { name: 'id', in: 'query', schema: { type: 'integer' } },
              { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } },
              { name: 'Accept', in: 'header', schema: { type: 'string' } },
              { name: 'session', in: 'cookie', schema: { type: 'string' } },
            ],
            responses: json({ type: 'object' }),
          },
        },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const op = result.manifest.operations[0];
    expect(op.input).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, id_query: { type: 'integer' }, 'X-Request-Id': { type: 'string', format: 'uuid' } },
      required: ['id', 'X-Request-Id'],
      additionalProperties: false,
    });
    expect(op.http).toMatchObject({
      path: '/items/{id}',
      query: { id: { $expr: '$input.id_query' } },
      headers: { 'X-Request-Id': { $expr: '$input.`X-Request-Id`' } },
    });
    expect(result.warnings).toContainEqual({
      pointer: '/paths/~1items~1{id}/get/parameters/3',
      message: expect.stringContaining('cookie'),
    });
  });
});

describe('schema dialect', () => {
  it('3.0 nullable, boolean exclusive bounds, example, x- keys, discriminator and unknown formats compile as 2020-12', async () => {
    const pet = {
      type: 'object',
      required: ['name', 'kind'],
      discriminator: { propertyName: 'kind', mapping: { dog: '#/components/schemas/Dog' } },
      'x-internal': true,
      xml: { name: 'pet' },
      properties: {
        name: { type: 'string', nullable: true, example: 'Rex', 'x-order': 1 },
        kind: { type: 'string', enum: ['dog', 'cat'], nullable: true },
        age: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 30, exclusiveMaximum: false },
        phone: { type: 'string', format: 'phone-number' },
        id: { type: 'string', readOnly: true },
        secret: { type: 'string', writeOnly: true },
        owner: { allOf: [{ $ref: '#/components/schemas/Owner' }], nullable: true },
      },
    };
    const m = await importDoc(
      doc(
        {
          '/pets/{id}': {
            get: {
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: json({ $ref: '#/components/schemas/Pet' }),
            },
          },
        },
        {
          components: { schemas: { Pet: pet, Owner: { properties: { email: { type: 'string', format: 'email' } } } } },
        },
      ),
    );
    expectValidManifest(m);
    const output = m.operations[0].output as { $defs: Record<string, { properties: Record<string, unknown> }> };
    const props = output.$defs.Pet.properties;
    expect(props.name).toEqual({ type: ['string', 'null'], examples: ['Rex'] });
    expect(props.kind).toEqual({ type: ['string', 'null'], enum: ['dog', 'cat', null] });
    expect(props.age).toEqual({ type: 'integer', exclusiveMinimum: 0, maximum: 30 });
    expect(props.phone).toEqual({ type: 'string', $comment: 'format: phone-number' });
    expect(props.id).toEqual({ type: 'string', readOnly: true });
    expect(output.$defs.Pet).not.toHaveProperty('discriminator');
    expect(output.$defs.Pet).not.toHaveProperty('x-internal');
    expect(output.$defs.Owner).toEqual({ type: 'object', properties: { email: { type: 'string', format: 'email' } } });
    const validate = compile(output);
    expect(validate({ name: null, kind: 'dog', age: 1, phone: 'anything', owner: null })).toBe(true);
    expect(validate({ name: 'Rex', kind: 'dog', age: 0 })).toBe(false);
    expect(validate({ name: 'Rex', kind: 'dog', owner: { email: 'not an email' } })).toBe(false);
  });

  it('a recursive output schema validates a recursive value', async () => {
    const m = await importDoc(
      doc(
        { '/tree': { get: { responses: json({ $ref: '#/components/schemas/Node' }) } } },
        {
          components: {
            schemas: {
              Node: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
              },
            },
          },
        },
      ),
    );
    expectValidManifest(m);
    expect(m.operations[0].kind).toBe('get'); // one array property, but a tree node is not a page of records
    const validate = compile(m.operations[0].output);
    expect(validate({ name: 'a', children: [{ name: 'b', children: [{ name: 'c', children: [] }] }] })).toBe(true);
    expect(validate({ name: 'a', children: [{ name: 'b', children: [{ children: [] }] }] })).toBe(false);
  });

  it('patterns the linear-time engine cannot run are left out with a warning', async () => {
    const result = await importOpenApi(
      doc({
        '/a': {
          get: {
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string', pattern: '^(?!x).*$' } }],
            responses: json({ type: 'object' }),
          },
        },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.manifest.operations[0].input).toMatchObject({ properties: { q: { type: 'string' } } });
    expect(result.warnings[0]).toMatchObject({ pointer: '/paths/~1a/get/parameters/0/pattern' });
  });
});

describe('servers, lists and pagination', () => {
  it('server variables become config properties with default, enum and description', async () => {
    const m = await importDoc(doc({ '/a': { get: { responses: json({ type: 'object' }) } } }));
    expect(m.baseUrl).toBe('https://{region}.acme.test/v1');
    expect((m.config as { properties: object }).properties).toMatchObject({
      region: { type: 'string', default: 'eu', enum: ['eu', 'us'], description: 'Data region' },
    });
  });

  it('an operation with its own server is imported with a warning (it is called on the base URL)', async () => {
    const result = await importOpenApi(
      doc({ '/files': { servers: [{ url: 'https://uploads.acme.test' }], get: { responses: json({ type: 'object' }) } } }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toContainEqual({
      pointer: '/paths/~1files/get',
      message: expect.stringContaining('"https://uploads.acme.test"'),
    });
  });

  const list = (params: string[], body: object, headers?: object): object => ({
    get: {
      parameters: params.map((name) => ({ name, in: 'query', schema: { type: 'integer', maximum: 200 } })),
      responses: { 200: { description: 'ok', ...(headers ? { headers } : {}), content: { 'application/json': { schema: body } } } },
    },
  });
  const wrapped = {
    type: 'object',
    properties: {
      items: { type: 'array', items: { type: 'object' } },
      meta: { type: 'object', properties: { next_cursor: { type: 'string' } } },
    },
  };

  it('offset, page, cursor and link styles are recognised where the document makes them evident', async () => {
    const m = await importDoc(
      doc({
        '/offset': list(['offset', 'limit'], { type: 'array', items: { type: 'string' } }),
        '/page': list(['page', 'per_page'], wrapped),
        '/cursor': list(['cursor', 'limit'], wrapped),
        '/link': list(['per_page'], { type: 'array', items: {} }, { Link: { schema: { type: 'string' } } }),
        '/plain': list([], { type: 'object', properties: { total: { type: 'integer' } } }),
      }),
    );
    expectValidManifest(m);
    const http = (id: string): object => operation(m, id).http!;
    expect(http('getOffset')).toMatchObject({
      records: { $expr: '$response.body' },
      pagination: { type: 'offset', offsetParam: 'offset', limitParam: 'limit', pageSize: 200 },
    });
    expect(http('getPage')).toMatchObject({
      records: { $expr: '$response.body.items' },
      pagination: { type: 'page', pageParam: 'page', limitParam: 'per_page' },
    });
    expect(http('getCursor')).toMatchObject({
      pagination: { type: 'cursor', cursorParam: 'cursor', cursor: { $expr: '$response.body.meta.next_cursor' }, limitParam: 'limit' },
    });
    expect(http('getLink')).toMatchObject({ pagination: { type: 'link' } });
    expect(operation(m, 'getPage')).toMatchObject({ kind: 'list', output: { type: 'array', items: { type: 'object' } } });
    expect(operation(m, 'getPlain')).toMatchObject({ kind: 'get' });
    expect(operation(m, 'getPlain').http).not.toHaveProperty('pagination');
  });
});

describe('a schema the project ajv still refuses', () => {
  it('is replaced by an open one with a warning pointing into the manifest; the rest imports', async () => {
    const broken = { type: 'object', dependentRequired: { a: 'not a list' } };
    const result = await importOpenApi({
      openapi: '3.1.0',
      info: { title: 'T', version: '1.0.0' },
      paths: { '/a': { get: { responses: json(broken) } }, '/b': { get: { responses: json({ type: 'object' }) } } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.manifest.operations.map((o) => o.output)).toEqual([{}, { type: 'object' }]);
    expect(result.warnings).toContainEqual({
      pointer: '(manifest)/operations/0/output',
      message: expect.stringContaining('getA: output schema replaced by an open one'),
    });
    expectValidManifest(result.manifest);
  });
});

describe('long texts and deprecation', () => {
  it('truncates descriptions to the manifest limit with a warning, and keeps deprecated', async () => {
    const long = 'x'.repeat(6000);
    const result = await importOpenApi(
      doc({
        '/a': { get: { summary: `  A  ${'y'.repeat(300)}`, description: long, deprecated: true, responses: json({ type: 'object' }) } },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const op = result.manifest.operations[0];
    expect(op.description).toHaveLength(5000);
    expect(op.title).toHaveLength(200);
    expect(op.title.startsWith('A y')).toBe(true);
    expect(op.deprecated).toBe(true);
    expect(result.warnings).toContainEqual({ pointer: '/paths/~1a/get/description', message: expect.stringContaining('truncated') });
  });
});

describe('Stripe-style cursors', () => {
  it('starting_after with has_more reads the last record id, and stops on has_more = false', async () => {
    const m = await importDoc(
      doc({
        '/v1/customers': {
          get: {
            parameters: [
              { name: 'starting_after', in: 'query', schema: { type: 'string' } },
              { name: 'limit', in: 'query', schema: { type: 'integer' } },
            ],
            responses: json({
              type: 'object',
              properties: {
                object: { type: 'string' },
                data: { type: 'array', items: { type: 'object' } },
                has_more: { type: 'boolean' },
                url: { type: 'string' },
              },
            }),
          },
        },
      }),
    );
    expectValidManifest(m);
    expect(m.operations[0].http!.pagination).toEqual({
      type: 'cursor',
      cursorParam: 'starting_after',
      cursor: { $expr: '$response.body.data[-1].id' },
      stop: { $expr: '$response.body.has_more = false' },
      limitParam: 'limit',
    });
  });
});

describe('Swagger 2 specifics', () => {
  it('formData files, schemes + host + basePath, basic auth and the application flow', async () => {
    const m = await importDoc({
      swagger: '2.0',
      info: { title: 'Files', version: '1.0.0' },
      host: 'files.example.com',
      basePath: '/api/',
      schemes: ['http', 'https'],
      securityDefinitions: {
        basic: { type: 'basic' },
        oauth: { type: 'oauth2', flow: 'application', tokenUrl: 'https://files.example.com/token', scopes: { read: 'Read' } },
      },
      paths: {
        '/files': {
          post: {
            consumes: ['multipart/form-data'],
            parameters: [
              { name: 'file', in: 'formData', type: 'file', required: true },
              { name: 'note', in: 'formData', type: 'string' },
            ],
            responses: { 201: { description: 'stored', schema: { type: 'object', properties: { id: { type: 'string' } } } } },
          },
        },
      },
    });
    expectValidManifest(m);
    expect(m.baseUrl).toBe('https://files.example.com/api');
    expect(m.auth).toEqual([
      { type: 'basic', id: 'basic' },
      { type: 'oauth2', id: 'oauth', flow: 'clientCredentials', tokenUrl: 'https://files.example.com/token', scopes: ['read'] },
    ]);
    const op = m.operations[0];
    expect(op).toMatchObject({
      id: 'postFiles',
      kind: 'create',
      http: { bodyType: 'multipart' },
      output: { properties: { id: { type: 'string' } } },
    });
    const validate = compile(op.input);
    expect(validate({ body: { file: { filename: 'a.txt', base64: 'aGk=' }, note: 'hi' } })).toBe(true);
    expect(validate({ body: { note: 'hi' } })).toBe(false);
  });
});
