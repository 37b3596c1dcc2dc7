import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  CODE_ENTROPY_BITS,
  codeWords,
  generateCode,
  hashCode,
  normaliseCode,
  parseCodeWords,
} from './conversation-code.ts';

const CODE_PATTERN = /^[a-z]{3,7}-[a-z]{3,7}-[a-z]{3,7}-[a-z]{3,7}-\d{2}$/;

// Words that must never turn up in a code a child reads while asking for help.
const UPSETTING = [
  'slaan',
  'pijn',
  'dood',
  'bang',
  'mes',
  'bloed',
  'boos',
  'huil',
  'ziek',
  'graf',
  'kist',
  'straf',
  'geheim',
  'alleen',
  'riem',
  'stok',
  'touw',
  'kooi',
  'slot',
  'vuur',
  'brand',
  'bom',
  'kogel',
  'wapen',
  'geweer',
  'zwaard',
  'heks',
  'spook',
  'monster',
  'draak',
  'kelder',
  'donker',
  'bed',
  'bad',
  'kus',
  'vader',
  'moeder',
  'papa',
  'mama',
  'oom',
  'tante',
  'broer',
  'zus',
  'opa',
  'oma',
  'kont',
  'poep',
  'plas',
  'lul',
  'kut',
  'pik',
  'tiet',
  'seks',
  'hoer',
  'poes',
  'wip',
  'pruim',
  'worst',
  'paal',
  'zak',
  'aap',
  'rat',
  'dik',
  'dom',
  'gek',
  'lelijk',
  'drank',
  'bier',
  'pil',
  'gif',
  'politie',
  'schaar',
  'naald',
  'bijl',
  'hamer',
  'zaag',
  'lief',
  'schat',
  'knuffel',
  'lekker',
];

describe("children's codes", () => {
  it('makes four words from the list and two digits, lower case, joined by hyphens', () => {
    const known = new Set(codeWords());
    for (let i = 0; i < 200; i++) {
      const code = generateCode();
      assert.match(code, CODE_PATTERN);
      const parts = code.split('-');
      for (const word of parts.slice(0, 4)) assert.ok(known.has(word), `${word} is a code word`);
      assert.equal(normaliseCode(code), code, 'a new code is already canonical');
    }
  });

  it('makes no duplicates in 10,000 codes, and uses every position of the list', () => {
    const codes = Array.from({ length: 10_000 }, generateCode);
    assert.equal(new Set(codes).size, codes.length);
    const firstWords = new Set(codes.map((code) => code.split('-')[0]));
    const digits = new Set(codes.map((code) => code.slice(-2)));
    assert.ok(firstWords.size > 950, `first words are spread over the list (${firstWords.size} of 1024 seen)`);
    assert.equal(digits.size, 100, 'all of 00–99 occur');
  });

  it('has at least 44 bits of entropy: 4 × 10 bits + log2(100)', () => {
    assert.equal(CODE_ENTROPY_BITS, 40 + Math.log2(100));
    assert.ok(CODE_ENTROPY_BITS >= 44);
    assert.equal(Math.round(CODE_ENTROPY_BITS * 10) / 10, 46.6);
  });

  it('reads a code the way children copy it', () => {
    const canonical = 'fiets-appel-maan-boek-47';
    for (const typed of [
      'fiets-appel-maan-boek-47',
      'Fiets Appel Maan Boek 47',
      '  FIETS.APPEL.MAAN.BOEK.47  ',
      'fiets, appel, maan, boek, 47',
      'fiets_appel/maan - boek   47',
      'fiets appel maan boek47',
      'fiets-appel-maan-boek47',
      'fiëts appèl maan boek 47',
      'fiets – appel — maan – boek – 47',
      'fietsappelmaanboek47',
      'fietsappel maanboek 47',
      'fiets\tappel\nmaan boek 47.',
      'fiets appel maan boek ٤٧',
      'fiets appel maan boek ۴۷',
    ]) {
      assert.equal(normaliseCode(typed), canonical, JSON.stringify(typed));
    }
    assert.equal(normaliseCode('boom hut kat vis 05'), 'boom-hut-kat-vis-05', 'leading zero kept');
  });

  it('refuses what is not four known words and two digits', () => {
    for (const typed of [
      '',
      '47',
      'fiets-appel-maan-47',
      'fiets-appel-maan-boek-roos-47',
      'fiets-appel-maan-boek',
      'fiets-appel-maan-boek-4',
      'fiets-appel-maan-boek-470',
      'fiets-appel-maan-boek-4-7',
      '47-fiets-appel-maan-boek',
      'fiets-appel-maan-xyzzy-47',
      'fiets-appel-maan-boeken-47',
      'fiets-ap3pel-maan-boek-47',
      `${'fiets-'.repeat(50)}47`,
    ]) {
      assert.equal(normaliseCode(typed), undefined, JSON.stringify(typed));
    }
  });

  it('splits words written together only when there is exactly one way', () => {
    assert.equal(normaliseCode('boomhutkatvis12'), 'boom-hut-kat-vis-12');
    // "boomhut", "boom", "hut", "zee", "koe" and "zeekoe" are all words: boomhut|zee|koe|vis or boom|hut|zeekoe|vis?
    assert.equal(normaliseCode('boomhutzeekoevis12'), undefined);
    assert.equal(normaliseCode('boom hut zeekoe vis 12'), 'boom-hut-zeekoe-vis-12');
    assert.equal(normaliseCode('boomhut zee koe vis 12'), 'boomhut-zee-koe-vis-12');
  });

  it('hashes with HMAC-SHA256 under the key: same code same hash, other key other hash', () => {
    const key = randomBytes(32);
    const hash = hashCode(key, 'fiets-appel-maan-boek-47');
    assert.equal(hash.length, 32);
    assert.deepEqual(hashCode(key, 'fiets-appel-maan-boek-47'), hash);
    assert.notDeepEqual(hashCode(key, 'fiets-appel-maan-boek-48'), hash);
    assert.notDeepEqual(hashCode(randomBytes(32), 'fiets-appel-maan-boek-47'), hash);
    assert.equal(
      hashCode(Buffer.alloc(32, 1), 'fiets-appel-maan-boek-47').toString('hex'),
      '97348fb10905c0abff4a99f5915476680145830b2b102edf793b1ea09abf3707',
      'a known HMAC-SHA256 vector (computed independently)',
    );
  });

  it('has a word list of exactly 1024 distinct words of 3–7 letters a–z, none of them upsetting', () => {
    const words = codeWords();
    assert.equal(words.length, 1024);
    assert.equal(new Set(words).size, 1024);
    for (const word of words) assert.match(word, /^[a-z]{3,7}$/);
    const upsetting = words.filter((word) => UPSETTING.includes(word));
    assert.deepEqual(upsetting, []);
    const ijConfusion = words.filter((word) => word.includes('ij') || word.includes('ei'));
    assert.deepEqual(ijConfusion, [], 'no ij/ei words a child may spell either way');
  });

  it('refuses a word list that breaks the rules, naming the problem', () => {
    const good = codeWords().join('\n');
    assert.doesNotThrow(() => parseCodeWords(`# header\n${good}\n\n`));
    assert.throws(() => parseCodeWords(good.replace('appel', 'Appel')), /"Appel" is not 3 to 7 letters/);
    assert.throws(() => parseCodeWords(good.replace('appel', 'fiets')), /appears twice/);
    assert.throws(() => parseCodeWords(`${good}\nextra`), /exactly 1024 words; it holds 1025/);
  });
});
