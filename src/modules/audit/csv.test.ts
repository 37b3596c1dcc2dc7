import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv } from '../../../test/helpers/csv.ts';
import { csvField } from './csv.ts';

describe('audit CSV fields', () => {
  it('leaves plain values alone and empties null', () => {
    assert.equal(csvField('sign_in.failed'), 'sign_in.failed');
    assert.equal(csvField(42), '42');
    assert.equal(csvField(null), '');
    assert.equal(csvField(undefined), '');
  });

  it('quotes commas, quotes, semicolons and line breaks, doubling inner quotes', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('a;b'), '"a;b"');
    assert.equal(csvField('zeg "hoi"'), '"zeg ""hoi"""');
    assert.equal(csvField('regel\r\nregel'), '"regel\r\nregel"');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    for (const value of ['=1+1', '+31612345678', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const field = csvField(value);
      assert.deepEqual(parseCsv(`${field}\r\n`), [[`'${value}`]], `${JSON.stringify(value)} → ${field}`);
    }
    assert.equal(csvField('a=1'), 'a=1', 'only a leading sign matters');
  });

  it('round-trips through a CSV parser', () => {
    const values = ['x', 'a,b', 'say "hi"', '=cmd', '{"a":"b, c"}', ''];
    assert.deepEqual(parseCsv(`${values.map(csvField).join(',')}\r\n`), [
      values.map((value) => (/^[=+\-@]/.test(value) ? `'${value}` : value)),
    ]);
  });
});
