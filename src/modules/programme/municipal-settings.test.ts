/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';
import { contrastWithWhite, imageTypeOf } from './municipal-settings.images.ts';
import { accentStylesheet } from './municipal-settings.service.ts';

/** The smallest valid PNG (1×1). */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const CONTACT = {
  visitAddress: 'Amstel 1, Amsterdam',
  visitHours: 'ma–vr 9–17 uur',
  phone: '14 020',
  email: 'burgemeester@amsterdam.nl',
  confidentialAdviserName: 'Sanne de Vries',
  confidentialAdviserPhone: '020 555 0101',
  confidentialAdviserEmail: 'vertrouwenspersoon@amsterdam.nl',
};

describe('theme rules without a database', () => {
  it('computes WCAG contrast against white', () => {
    assert.equal(Math.round(contrastWithWhite('#000000') * 100) / 100, 21);
    assert.equal(Math.round(contrastWithWhite('#ffffff') * 100) / 100, 1);
    // #767676 is the classic lightest grey that passes 4.5:1; #777777 just fails.
    assert.ok(contrastWithWhite('#767676') >= 4.5);
    assert.ok(contrastWithWhite('#777777') < 4.5);
  });

  it('knows PNG and JPEG by their bytes only', () => {
    assert.equal(imageTypeOf(TINY_PNG), 'image/png');
    assert.equal(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
    assert.equal(imageTypeOf(Buffer.from('<svg/>')), undefined);
    assert.equal(imageTypeOf(Buffer.from('GIF89a')), undefined);
  });

  it('overrides the link and button tokens with the accent colour', () => {
    const css = accentStylesheet('#1a5c8a');
    assert.match(css, /--basis-color-action-1-inverse-bg-default:#1a5c8a/);
    assert.match(css, /--basis-color-action-2-color-default:#1a5c8a/);
    assert.equal(accentStylesheet('red;}body{display:none'), '', 'only a checked colour gets in');
  });
});

for (const target of databaseTargets()) {
  describe(`municipal settings (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    let amsterdam: StaffMember;
    let rotterdam: StaffMember;

    before(async () => {
      world = await startAccountsApp(target);
      national = await setUpFirstCoordinator(world.app, world.clock);
      amsterdam = await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'coordinator@amsterdam.nl',
        municipalityCode: 'GM0363',
        roles: ['municipal_coordinator'],
      });
      rotterdam = await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'coordinator@rotterdam.nl',
        municipalityCode: 'GM0599',
        roles: ['municipal_coordinator'],
      });
    });
    after(async () => {
      await world?.stop();
    });

    it('saves contact routes after checking phone numbers and e-mail addresses', async () => {
      const badPhone = await amsterdam.client.put('/api/v1/programme/settings/GM0363/contact', {
        ...CONTACT,
        confidentialAdviserPhone: '+44 20 7946 0958',
      });
      assert.equal(badPhone.status, 400);
      assert.equal(badPhone.body.error.id, 'programme.phone_invalid');
      assert.equal(badPhone.body.error.field, 'confidentialAdviserPhone');
      const badEmail = await amsterdam.client.put('/api/v1/programme/settings/GM0363/contact', {
        ...CONTACT,
        email: 'burgemeester at amsterdam',
      });
      assert.equal(badEmail.body.error.id, 'programme.email_invalid');
      const saved = await amsterdam.client.put('/api/v1/programme/settings/GM0363/contact', CONTACT);
      assert.equal(saved.status, 204, saved.text);
      const view = await amsterdam.client.get('/api/v1/programme/settings/GM0363');
      assert.deepEqual(view.body.contact, CONTACT);
    });

    it('refuses an accent colour with too little contrast, saying the ratio', async () => {
      const pale = await amsterdam.client.put('/api/v1/programme/settings/GM0363/appearance', {
        accentColour: '#ffcc00',
        languages: ['en'],
      });
      assert.equal(pale.status, 400);
      assert.equal(pale.body.error.id, 'programme.contrast_too_low');
      assert.match(pale.body.error.message, /1[.,]\d\d:1/);
      const unknown = await amsterdam.client.put('/api/v1/programme/settings/GM0363/appearance', {
        accentColour: null,
        languages: ['xx'],
      });
      assert.equal(unknown.body.error.id, 'programme.language_unknown');
    });

    it('keeps each municipality to its own settings', async () => {
      for (const [method, path, body] of [
        ['get', '/api/v1/programme/settings/GM0363', undefined],
        ['put', '/api/v1/programme/settings/GM0363/contact', { phone: '010 123 4567' }],
        ['put', '/api/v1/programme/settings/GM0363/appearance', { accentColour: '#000000', languages: [] }],
        ['put', '/api/v1/programme/settings/GM0363/logo', { image: TINY_PNG.toString('base64') }],
      ] as const) {
        const answer = method === 'get' ? await rotterdam.client.get(path) : await rotterdam.client.put(path, body);
        assert.equal(answer.status, 403, `${method} ${path}`);
        assert.equal(answer.body.error.id, 'programme.not_own_municipality');
      }
      const contact = await world.app.owner.pool.query(
        "SELECT phone FROM municipality_contact_routes WHERE municipality_code = 'GM0363'",
      );
      assert.equal(contact.rows[0].phone, CONTACT.phone, 'unchanged');
    });

    it('shows the accent colour and logo on the active municipality page, through its own stylesheet', async () => {
      const logo = await amsterdam.client.put('/api/v1/programme/settings/GM0363/logo', {
        image: TINY_PNG.toString('base64'),
      });
      assert.equal(logo.status, 204, logo.text);
      const svg = await amsterdam.client.put('/api/v1/programme/settings/GM0363/logo', {
        image: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
      });
      assert.equal(svg.body.error.id, 'programme.logo_invalid');
      const theme = await amsterdam.client.put('/api/v1/programme/settings/GM0363/appearance', {
        accentColour: '#1A5C8A',
        languages: ['en', 'ar'],
      });
      assert.equal(theme.status, 204, theme.text);
      await world.app.owner.pool.query("UPDATE municipalities SET participation = 'active' WHERE code = 'GM0363'");

      const page = await waitFor(async () => {
        const html = await (await fetch(new URL('/gemeente/amsterdam', world.app.baseUrl))).text();
        return html.includes('/styles/gemeente/GM0363.css') ? html : undefined;
      });
      assert.match(
        page,
        /<img class="od-municipality-logo" src="\/gemeente\/amsterdam\/logo" alt="Logo van gemeente Amsterdam"/,
      );
      assert.ok(!/<style|style="/.test(page), 'no inline styles (the public CSP forbids them)');
      // The languages the team helps in are offered as this page in those languages.
      assert.match(page, /<a class="nl-link" href="\/en\/gemeente\/amsterdam" lang="en" dir="ltr">English<\/a>/);
      assert.match(page, /<a class="nl-link" href="\/ar\/gemeente\/amsterdam" lang="ar" dir="rtl">/);
      const css = await fetch(new URL('/styles/gemeente/GM0363.css', world.app.baseUrl));
      assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
      assert.match(await css.text(), /--basis-color-action-2-color-default:#1a5c8a/);
      const image = await fetch(new URL('/gemeente/amsterdam/logo', world.app.baseUrl));
      assert.equal(image.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await image.arrayBuffer()), TINY_PNG);

      // A new colour reaches the stylesheet through the page cache's NOTIFY.
      await amsterdam.client.put('/api/v1/programme/settings/GM0363/appearance', {
        accentColour: '#000000',
        languages: [],
      });
      await waitFor(async () => {
        const text = await (await fetch(new URL('/styles/gemeente/GM0363.css', world.app.baseUrl))).text();
        return text.includes('#000000') ? text : undefined;
      });
      // No languages chosen, none offered (once the page cache has heard of the change).
      await waitFor(async () => {
        const html = await (await fetch(new URL('/gemeente/amsterdam', world.app.baseUrl))).text();
        return html.includes('lang="en" dir="ltr">English</a></span>') ? undefined : html;
      });
      const audit = await world.app.owner.pool.query(
        "SELECT action FROM audit_log WHERE action LIKE 'settings.%' AND municipality_code = 'GM0363'",
      );
      assert.deepEqual([...new Set(audit.rows.map((row) => row.action as string))].sort(), [
        'settings.appearance_changed',
        'settings.contact_routes_changed',
        'settings.logo_changed',
      ]);
    });
  });
}

/** Polls `check` until it answers something (up to 3 s): the cache empties on a NOTIFY. */
async function waitFor<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('waited 3 s in vain');
}
