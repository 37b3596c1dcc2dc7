/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient } from '../../test/helpers/api-client.ts';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { databaseTargets } from '../../test/helpers/databases.ts';
import { API_ERROR_IDS, apiError } from './api-errors.ts';

describe('the API error catalogue', () => {
  it('gives every error a stable id, an HTTP error status and a message in Dutch and English', () => {
    for (const id of API_ERROR_IDS) {
      const error = apiError(id, { detail: 'veld', minutes: 5 });
      assert.ok(error.status >= 400 && error.status < 600, `${id}: ${error.status}`);
      for (const locale of ['nl', 'en'] as const) {
        const message = error.messageIn(locale);
        assert.ok(message.length > 5, `${id} (${locale})`);
        assert.doesNotMatch(message, /\{\w+\}/, `${id} (${locale}) fills in its values`);
      }
      assert.match(id, /^[a-z_]+(\.[a-z_]+)?$/);
    }
  });
});

for (const target of databaseTargets()) {
  describe(`API errors over HTTP (${target.name})`, () => {
    let app: TestApp;
    const raw = (path: string, init: RequestInit = {}) => fetch(new URL(path, app.baseUrl), init);

    before(async () => {
      app = await startTestApp(target);
    });
    after(async () => {
      await app?.stop();
    });

    it('answers an unknown /api path with a JSON not_found, in any method', async () => {
      for (const [method, path] of [
        ['GET', '/api/v1/bestaat-niet'],
        ['POST', '/api/v1/bestaat-niet'],
        ['DELETE', '/api/v2/session'],
        ['GET', '/api'],
        ['OPTIONS', '/api/v1/session'],
      ]) {
        const response = await raw(path!, { method, headers: { 'accept-language': 'en' } });
        assert.equal(response.status, 404, `${method} ${path}`);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${method} ${path}`);
        assert.deepEqual(await response.json(), { error: { id: 'not_found', message: 'Not found.' } });
        assert.equal(response.headers.get('cache-control'), 'no-store');
      }
      const page = await raw('/bestaat-niet');
      assert.equal(page.status, 404);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/, 'public pages keep their HTML 404');
    });

    it('answers broken requests with a specific error, never a stack trace', async () => {
      const client = new ApiClient(app.baseUrl);
      const token = await client.refreshCsrf();
      const cookie = `__Host-od-csrf=${token}`;
      const post = (body: string, contentType: string) =>
        raw('/api/v1/session', {
          method: 'POST',
          body,
          headers: { 'content-type': contentType, cookie, 'x-csrf-token': token },
        });

      const malformed = await post('{"email":', 'application/json');
      assert.equal(malformed.status, 400);
      assert.equal(((await malformed.json()) as any).error.id, 'request.invalid');

      const text = await post('email=a', 'text/plain');
      assert.equal(text.status, 400, 'plain text is no JSON object');
      assert.equal(((await text.json()) as any).error.id, 'request.invalid');

      const form = await post('email=a&password=b', 'application/x-www-form-urlencoded');
      assert.equal(form.status, 415, 'a cross-site form post is not even parsed');
      assert.equal(((await form.json()) as any).error.id, 'request.unsupported_media_type');

      const huge = await post(
        JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(70_000) }),
        'application/json',
      );
      assert.equal(huge.status, 413);
      assert.equal(((await huge.json()) as any).error.id, 'request.too_large');

      const field = await client.post('/api/v1/session', { email: 'a@example.org' });
      assert.equal(field.status, 400);
      assert.equal(field.body.error.id, 'request.invalid');
      assert.equal(field.body.error.field, 'password');
      assert.match(field.body.error.message, /^Dit veld klopt niet: password: /);
      for (const response of [field]) assert.doesNotMatch(response.text, /at .*\.ts:\d+|stack/i);
    });
  });
}
