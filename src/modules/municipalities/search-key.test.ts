import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostcode, toSearchKey, toSlug } from './search-key.ts';

describe('toSearchKey', () => {
  it('folds case, diacritics and punctuation', () => {
    assert.equal(toSearchKey('Súdwest-Fryslân'), 'sudwest fryslan');
    assert.equal(toSearchKey("'s-Hertogenbosch"), 's hertogenbosch');
    assert.equal(toSearchKey('Bergen (NH.)'), 'bergen nh');
    assert.equal(toSearchKey('  Nuenen, Gerwen en Nederwetten '), 'nuenen gerwen en nederwetten');
  });
});

describe('toSlug', () => {
  it('makes readable URL parts', () => {
    assert.equal(toSlug("'s-Gravenhage"), 's-gravenhage');
    assert.equal(toSlug('Hengelo (O.)'), 'hengelo-o');
  });
});

describe('parsePostcode', () => {
  it('accepts 4 digits with or without letters', () => {
    for (const input of ['5401', '5401 AB', '5401ab', ' 5401 ab ', '5401AB'])
      assert.equal(parsePostcode(input), '5401');
  });
  it('refuses what is not a postcode', () => {
    for (const input of ['0401', '540', '54011', '5401 ABC', 'Uden', '5401-AB'])
      assert.equal(parsePostcode(input), undefined);
  });
});
