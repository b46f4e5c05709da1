import SwaggerParser from '@apidevtools/swagger-parser';
import fs from 'node:fs';
import path from 'node:path';
import { contactsApp, startTestServer, type TestServer } from '../helpers/tessera';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('OpenAPI document per app', () => {
  it('describes every entity of the published app and passes a standard OpenAPI validator', async () => {
    await t.api('POST', '/api/apps', contactsApp('oas'));
    expect((await t.api('GET', '/api/apps/oas/openapi.json')).status).toBe(400); // not published yet
    await t.api('POST', '/api/apps/oas/publish', {});
    const res = await t.api('GET', '/api/apps/oas/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/apps/oas/data/contact', '/api/apps/oas/data/contact/{id}', '/api/apps/oas/data/company']),
    );
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
  });

  it('validates for the example app too', async () => {
    const file = path.resolve(__dirname, '../../../examples/b2b-sales/app.json');
    await t.api('POST', '/api/apps', JSON.parse(fs.readFileSync(file, 'utf8')));
    expect((await t.api('POST', '/api/apps/b2b-sales/publish', {})).status).toBe(201);
    const doc = (await t.api('GET', '/api/apps/b2b-sales/openapi.json')).body;
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });
});
