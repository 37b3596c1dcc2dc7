import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../../paths.ts';
import { loadHelpLines } from '../../web/help-lines.ts';
import { readShippedPages } from './toolkit-seed.ts';

const helpLines = loadHelpLines(path.join(projectRoot, 'config', 'help-lines.json'));
const pages = readShippedPages();

describe('the toolkit as shipped', () => {
  it('has the four pages, in order, each 300–900 words', () => {
    assert.deepEqual(
      pages.map((page) => page.slug),
      ['voorbeeld-aanpak', 'gespreksleidraad', 'baliekaart', 'privacywijzer'],
    );
    for (const page of pages) {
      const words = page.bodyMarkdown.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word)).length;
      assert.ok(words >= 300 && words <= 900, `${page.slug}: ${words} words`);
    }
  });

  it('names only the phone numbers of config/help-lines.json (and names each where it matters)', () => {
    const known = new Set([helpLines.emergency.number, helpLines.kindertelefoon.number, helpLines.veiligThuis.number]);
    for (const page of pages) {
      // Dutch free numbers (0800-…), 0900 numbers and 112 are what a reader would dial.
      for (const number of page.bodyMarkdown.match(/\b0[89]00-?\d{4}\b|\b112\b/g) ?? []) {
        assert.ok(known.has(number), `${page.slug} names ${number}, which is not in config/help-lines.json`);
      }
    }
    const card = pages.find((page) => page.slug === 'baliekaart')!.bodyMarkdown;
    for (const number of known) assert.ok(card.includes(number), `the front-desk card names ${number}`);
    const guide = pages.find((page) => page.slug === 'gespreksleidraad')!.bodyMarkdown;
    assert.ok(guide.includes(helpLines.veiligThuis.number) && guide.includes(helpLines.kindertelefoon.number));
  });

  it('gives the Kindertelefoon the hours of the configuration', () => {
    const hours = helpLines.kindertelefoon.hours;
    assert.notEqual(hours, 'always');
    if (hours === 'always') return;
    for (const page of pages) {
      for (const match of page.bodyMarkdown.matchAll(
        /(\d{2}:\d{2})[–-](\d{2}:\d{2})|van (\d{2}:\d{2}) tot (\d{2}:\d{2})/g,
      )) {
        assert.equal(match[1] ?? match[3], hours.from, `${page.slug}: ${match[0]}`);
        assert.equal(match[2] ?? match[4], hours.to, `${page.slug}: ${match[0]}`);
      }
    }
  });
});
