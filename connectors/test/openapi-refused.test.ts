/** Broken documents are refused with pointers, never with a throw or an unhandled rejection. */
import { importOpenApi } from '../src/openapi/openapi-import';

const minimal = (paths: object, extra: object = {}): object => ({
  openapi: '3.0.3',
  info: { title: 'T', version: '1.0.0' },
  paths,
  ...extra,
});
const ok = { get: { responses: { 200: { description: 'ok' } } } };

async function refused(source: string | object): Promise<Array<{ pointer: string; message: string }>> {
  const result = await importOpenApi(source);
  if (result.ok) throw new Error('expected the document to be refused');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

describe('importOpenApi refuses', () => {
  it('invalid JSON, with the line and column', async () => {
    const errors = await refused('{\n  "openapi": "3.0.3",\n  "info": { "title": "T" ,, }\n}');
    expect(errors[0]).toEqual({ pointer: '', message: expect.stringMatching(/^invalid JSON: .*line 3, column \d+/) });
  });

  it('invalid YAML, with the line and column', async () => {
    const errors = await refused('openapi: 3.0.3\ninfo:\n  title: T\n   version: 1\npaths: {}\n');
    expect(errors[0]).toEqual({ pointer: '', message: expect.stringMatching(/^invalid YAML \(line \d+, column \d+\)/) });
  });

  it('a YAML alias bomb, without expanding it', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    const started = Date.now();
    const errors = await refused(`openapi: 3.0.3\n${lines.join('\n')}\npaths: {}\n`);
    expect(errors[0].message).toMatch(/alias/i);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a document over 20 MB', async () => {
    const errors = await refused(`{"openapi":"3.0.3","x":"${'a'.repeat(21 * 1024 * 1024)}"}`);
    expect(errors[0].message).toMatch(/larger than 20 MB/);
  });

  it('something that is not an OpenAPI document', async () => {
    expect((await refused('[1, 2]'))[0].message).toMatch(/not an OpenAPI document/);
    expect((await refused('just some text'))[0].message).toMatch(/not an OpenAPI document/);
    expect((await refused({ info: { title: 'T' }, paths: {} }))[0].message).toMatch(/no "openapi"/);
    expect(await refused('')).toEqual([{ pointer: '', message: 'the document is empty' }]);
  });

  it('a document without paths', async () => {
    expect(await refused({ openapi: '3.0.3', info: { title: 'T', version: '1' } })).toEqual([
      { pointer: '/paths', message: 'missing "paths"' },
    ]);
  });

  it('a document without any operation', async () => {
    expect((await refused(minimal({})))[0]).toMatchObject({ pointer: '/paths' });
  });

  it('a $ref that leads nowhere, at its pointer', async () => {
    const doc = minimal({
      '/a': {
        get: {
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } },
        },
      },
    });
    expect(await refused(doc)).toEqual([
      {
        pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/$ref',
        message: '$ref "#/components/schemas/Missing" does not resolve in the document',
      },
    ]);
  });

  it('external $refs (files and URLs), without reading them', async () => {
    const doc = minimal({
      '/a': {
        get: {
          parameters: [{ $ref: './params.yaml#/limit' }],
          responses: {
            200: { description: 'ok', content: { 'application/json': { schema: { $ref: 'https://example.com/schema.json' } } } },
          },
        },
      },
    });
    const errors = await refused(doc);
    expect(errors.map((e) => e.pointer)).toEqual([
      '/paths/~1a/get/parameters/0/$ref',
      '/paths/~1a/get/responses/200/content/application~1json/schema/$ref',
    ]);
    for (const e of errors) expect(e.message).toMatch(/external \$ref .* is not supported/);
  });

  it('a structurally invalid document, with pointers from the OpenAPI schema', async () => {
    const errors = await refused(
      minimal({ '/a': { get: { responses: { 200: { description: 'ok' } }, parameters: [{ name: 'x', in: 'nowhere' }] } } }),
    );
    expect(errors.some((e) => e.pointer.startsWith('/paths/~1a/get/parameters/0'))).toBe(true);
    const noInfo = await refused({ openapi: '3.0.3', paths: { '/a': ok } });
    expect(noInfo).toContainEqual({ pointer: '', message: 'missing "info"' });
  });

  it('an invalid shared component (3.0 and 3.1), at its own pointer, however many operations use it', async () => {
    const use = {
      get: {
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      },
    };
    for (const openapi of ['3.0.3', '3.1.0']) {
      const errors = await refused({
        ...minimal({ '/a': use, '/b': use }),
        openapi,
        components: { parameters: { Bad: { name: 'x', in: 'nowhere' } }, schemas: { Thing: { type: 'object' } } },
      });
      expect(errors.some((e) => e.pointer.startsWith('/components/parameters/Bad'))).toBe(true);
    }
    // Swagger 2 still runs swagger-parser's whole validation, its extra rules included.
    const swagger = await refused({
      swagger: '2.0',
      info: { title: 'T', version: '1.0.0' },
      paths: { '/a/{id}': { get: { responses: { 200: { description: 'ok' } } } } },
    });
    expect(swagger.some((e) => e.message.includes('id'))).toBe(true);
  });

  it('an unsupported version', async () => {
    expect((await refused({ openapi: '4.0.0', info: { title: 'T', version: '1' }, paths: { '/a': ok } }))[0].message).toMatch(
      /Unsupported OpenAPI version/,
    );
    expect((await refused({ swagger: '1.2', info: { title: 'T', version: '1' }, paths: { '/a': ok } }))[0].message).toMatch(
      /Swagger version/,
    );
  });

  it('nesting deep enough to exhaust a recursive walk', async () => {
    const deep = `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"x","x-deep":${'['.repeat(5000)}${']'.repeat(5000)}}}}}}}`;
    expect((await refused(deep))[0].message).toMatch(/nested deeper than 200 levels/);
  });

  it('values that are not JSON', async () => {
    expect((await refused({ openapi: '3.0.3', f: () => 1 }))[0].message).toMatch(/not a JSON value/);
  });
});
