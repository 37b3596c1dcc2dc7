import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDirectory } from '../../src/paths.ts';

/**
 * The registry's data files read independently of the app's own CSV reader, so a test that
 * compares the app with the data does not share the app's mistakes.
 */
export interface DataMunicipality {
  code: string;
  name: string;
  province: string;
}

/** One row of data/pc4-municipality-2024.csv. */
export interface DataPostcode {
  pc4: string;
  municipalityCode: string;
  municipalityName: string;
}

/** Every municipality in data/municipalities-2026.csv. */
export function dataMunicipalities(): DataMunicipality[] {
  return readCsv('municipalities-2026.csv').map((row) => ({
    code: row.code!,
    name: row.name!,
    province: row.province!,
  }));
}

/** Every postcode in data/pc4-municipality-2024.csv. */
export function dataPostcodes(): DataPostcode[] {
  return readCsv('pc4-municipality-2024.csv').map((row) => ({
    pc4: row.pc4!,
    municipalityCode: row.municipality_code!,
    municipalityName: row.municipality_name!,
  }));
}

function readCsv(file: string): Array<Record<string, string>> {
  const text = readFileSync(path.join(dataDirectory, file), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line !== '')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((match) =>
        match[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'),
      ),
    );
  return rows.map((fields) => Object.fromEntries(header!.map((name, index) => [name, fields[index] ?? ''])));
}
