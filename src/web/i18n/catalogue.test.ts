import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
// The parser @formatjs/intl itself uses, so the test reads messages exactly as the site does.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { projectRoot } from '../../paths.ts';
import { loadTranslators, type MessageId } from './catalogue.ts';

const directory = path.join(projectRoot, 'src', 'web', 'i18n', 'messages');

async function readCatalogue(file: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(path.join(directory, file), 'utf8')) as Record<string, string>;
}

/** The placeholders ({name}, {count, plural, …}) and tags (<b>) a message uses, sorted. */
function placeholders(text: string): string[] {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type !== TYPE.literal && element.type !== TYPE.pound && element.type !== TYPE.tag)
        found.add(`{${element.value}}`);
      if (element.type === TYPE.tag) found.add(`<${element.value}>`);
      if ('options' in element) for (const option of Object.values(element.options)) visit(option.value);
      if ('children' in element) visit(element.children);
    }
  };
  visit(parse(text));
  return [...found].sort();
}

const catalogueFiles = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();

describe('message catalogues', () => {
  it('has Dutch (the source) and English at least', () => {
    assert.ok(catalogueFiles.includes('nl.json') && catalogueFiles.includes('en.json'), catalogueFiles.join(', '));
  });

  for (const file of catalogueFiles.filter((name) => name !== 'nl.json')) {
    it(`${file} has exactly the message ids of nl.json`, async () => {
      const source = Object.keys(await readCatalogue('nl.json')).sort();
      const translated = Object.keys(await readCatalogue(file)).sort();
      assert.deepEqual(
        {
          missing: source.filter((id) => !translated.includes(id)),
          extra: translated.filter((id) => !source.includes(id)),
        },
        { missing: [], extra: [] },
      );
    });

    it(`${file} uses the same placeholders as nl.json in every message`, async () => {
      const source = await readCatalogue('nl.json');
      const translated = await readCatalogue(file);
      for (const [id, text] of Object.entries(source)) {
        if (id.startsWith('$meta.') || translated[id] === undefined) continue;
        assert.deepEqual(placeholders(translated[id]), placeholders(text), `${file} ${id}`);
      }
    });
  }

  for (const file of catalogueFiles) {
    it(`${file} names its language and direction, and no message is empty`, async () => {
      const messages = await readCatalogue(file);
      assert.ok(messages['$meta.name']?.trim(), `${file} $meta.name`);
      assert.ok(['ltr', 'rtl'].includes(messages['$meta.dir'] ?? ''), `${file} $meta.dir`);
      for (const [id, text] of Object.entries(messages))
        assert.ok(typeof text === 'string' && text.trim() !== '', `${file} ${id}`);
    });
  }

  it('formats every message in every language without falling back to the id', async () => {
    const values = {
      name: 'Utrecht',
      number: '0800-0432',
      from: '11',
      to: '21',
      count: 2,
      query: 'x',
      province: 'Utrecht',
      phone: '030',
      email: 'burgemeester@utrecht.nl',
      active: 12,
      enrolled: 3,
      notYet: 327,
      total: 342,
      municipality: 'Utrecht',
      state: 'doet mee',
      when: 'maandag 30 november 09:00',
      emergency: '112',
    };
    const ids = Object.keys(await readCatalogue('nl.json')).filter((id) => !id.startsWith('$meta.')) as MessageId[];
    const translators = [...loadTranslators().values()];
    assert.deepEqual(translators.map((translator) => `${translator.locale}.json`).sort(), catalogueFiles);
    for (const translator of translators) {
      for (const id of ids) {
        const text = translator.t(id, values);
        assert.ok(text !== id && text.trim() !== '' && !/[{}]/.test(text), `${translator.locale} ${id}: ${text}`);
      }
    }
  });

  it('adding a language is adding a file: a new catalogue gets its own name and URL prefix', async () => {
    const temporary = await mkdtemp(path.join(os.tmpdir(), 'opendeur-i18n-'));
    try {
      await copyFile(path.join(directory, 'nl.json'), path.join(temporary, 'nl.json'));
      const english = await readCatalogue('en.json');
      await writeFile(
        path.join(temporary, 'fy.json'),
        JSON.stringify({ ...english, '$meta.name': 'Frysk', '$meta.dir': 'ltr' }),
      );
      const translators = loadTranslators(temporary);
      assert.deepEqual([...translators.keys()], ['nl', 'fy'], 'Dutch first');
      const added = translators.get('fy')!;
      assert.equal(added.dir, 'ltr');
      assert.equal(added.name, 'Frysk');
      assert.equal(added.href('/'), '/fy');
      assert.equal(added.href('/gemeente/utrecht'), '/fy/gemeente/utrecht');
      assert.equal(added.t('finder.submit'), english['finder.submit']);
      assert.equal(translators.get('nl')!.href('/gemeente/utrecht'), '/gemeente/utrecht');
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
  });
});
