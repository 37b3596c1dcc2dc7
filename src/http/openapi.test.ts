/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient } from '../../test/helpers/api-client.ts';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { databaseTargets } from '../../test/helpers/databases.ts';
import { API_ERROR_IDS } from './api-errors.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

for (const target of databaseTargets()) {
  describe(`the OpenAPI document (${target.name})`, () => {
    let app: TestApp;
    let document: any;

    before(async () => {
      app = await startTestApp(target, { environment: { PUBLIC_BASE_URL: 'https://opendeur.example' } });
      const response = await new ApiClient(app.baseUrl).get('/api/v1/openapi.json');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      document = response.body;
    });
    after(async () => {
      await app?.stop();
    });

    it('is an OpenAPI 3.1 document of the /api/v1 server, with the error schema', () => {
      assert.equal(document.openapi, '3.1.0');
      assert.equal(typeof document.info.title, 'string');
      assert.equal(document.info.version, '1');
      assert.deepEqual(document.servers, [{ url: 'https://opendeur.example/api/v1' }]);
      const error = document.components.schemas.Error;
      assert.equal(error.type, 'object');
      assert.deepEqual(error.required, ['error']);
      assert.deepEqual(error.properties.error.required.sort(), ['id', 'message']);
      for (const id of API_ERROR_IDS) assert.ok(document.info.description.includes(id), `error id ${id} is listed`);
    });

    it('lists exactly the /api/v1 routes the app registered, each with its method and policy', () => {
      const registered = app.server.routes
        .filter((route) => route.url.startsWith('/api/v1/') && route.method !== 'HEAD')
        .map(
          (route) =>
            `${route.method.toLowerCase()} ${route.url.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')} ${route.policy}`,
        )
        .sort();
      const documented = Object.entries(document.paths as Record<string, Record<string, { 'x-policy': string }>>)
        .flatMap(([path, operations]) =>
          Object.entries(operations).map(([method, operation]) => `${method} ${path} ${operation['x-policy']}`),
        )
        .sort();
      assert.deepEqual(documented, registered);
      assert.ok(registered.length >= 30, `${registered.length} operations`);
    });

    it('describes every operation: summary, path parameters, JSON body, responses and the error answer', () => {
      for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
        assert.match(path, /^\/[\w./{}-]+$/, `${path} is relative to the server URL`);
        for (const [method, operation] of Object.entries(operations)) {
          const name = `${method.toUpperCase()} ${path}`;
          assert.ok(METHODS.includes(method), name);
          assert.equal(typeof operation.summary, 'string', `${name} has a summary`);
          const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
          const declared = (operation.parameters ?? []).filter((parameter: { in: string }) => parameter.in === 'path');
          assert.deepEqual(
            declared.map((parameter: { name: string; required: boolean }) => [parameter.name, parameter.required]),
            pathParameters.map((name) => [name, true]),
            name,
          );
          if (operation.requestBody)
            assert.equal(typeof operation.requestBody.content['application/json'].schema, 'object', name);
          const statuses = Object.keys(operation.responses);
          assert.ok(
            statuses.some((status) => /^2\d\d$/.test(status)),
            `${name} documents its success`,
          );
          assert.deepEqual(
            operation.responses.default.content['application/json'].schema,
            { $ref: '#/components/schemas/Error' },
            name,
          );
        }
      }
      const signIn = document.paths['/session'].post;
      assert.deepEqual(signIn.requestBody.content['application/json'].schema.required.sort(), ['email', 'password']);
      const audit = document.paths['/audit'].get;
      assert.ok(
        audit.parameters.some(
          (parameter: { name: string; in: string }) => parameter.name === 'municipality' && parameter.in === 'query',
        ),
      );
      assert.ok(document.paths['/audit.csv'].get.responses['200'].content['text/csv']);
    });
  });
}
