import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { dataDirectory } from '../../paths.ts';

/** One CBS municipality as it appears in data/municipalities-2026.csv. */
export interface RegistryMunicipality {
  code: string;
  name: string;
  provinceName: string;
  provinceCode: string;
}

/** One row of data/pc4-municipality-2024.csv. */
export interface RegistryPostcode {
  pc4: string;
  municipalityCode: string;
  share: string;
}

/** The registry's data files, parsed and checked, with a hash of their bytes. */
export interface RegistryFiles {
  municipalities: RegistryMunicipality[];
  postcodes: RegistryPostcode[];
  boundaries: Map<string, unknown>;
  sha256: string;
}

export const REGISTRY_FILES = {
  municipalities: 'municipalities-2026.csv',
  postcodes: 'pc4-municipality-2024.csv',
  boundaries: 'municipalities-2026.geojson',
} as const;

const municipalityRow = z.object({
  code: z.string().regex(/^GM\d{4}$/),
  name: z.string().min(1),
  province: z.string().min(1),
  province_code: z.string().regex(/^PV\d{2}$/),
});
const postcodeRow = z.object({
  pc4: z.string().regex(/^[1-9]\d{3}$/),
  municipality_code: z.string().regex(/^GM\d{4}$/),
  share: z.string().regex(/^[01]\.\d{1,4}$/),
});
const boundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      properties: z.object({ statcode: z.string().regex(/^GM\d{4}$/) }),
      geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
    }),
  ),
});

/** Reads and validates the registry files from `directory` (the project's data/ by default). */
export async function readRegistryFiles(directory = dataDirectory): Promise<RegistryFiles> {
  const [municipalityText, postcodeText, boundaryText] = await Promise.all(
    Object.values(REGISTRY_FILES).map((file) => readFile(path.join(directory, file), 'utf8')),
  );
  const hash = createHash('sha256');
  for (const text of [municipalityText, postcodeText, boundaryText]) hash.update(text!);

  const municipalities = parseCsv(municipalityText!).map((row, index) => {
    const parsed = parseRow(municipalityRow, row, REGISTRY_FILES.municipalities, index);
    return { code: parsed.code, name: parsed.name, provinceName: parsed.province, provinceCode: parsed.province_code };
  });
  const postcodes = parseCsv(postcodeText!).map((row, index) => {
    const parsed = parseRow(postcodeRow, row, REGISTRY_FILES.postcodes, index);
    return { pc4: parsed.pc4, municipalityCode: parsed.municipality_code, share: parsed.share };
  });
  const collection = boundaryCollection.parse(JSON.parse(boundaryText!));
  const boundaries = new Map(collection.features.map((feature) => [feature.properties.statcode, feature.geometry]));
  return { municipalities, postcodes, boundaries, sha256: hash.digest('hex') };
}

function parseRow<T>(schema: z.ZodType<T>, row: Record<string, string>, file: string, index: number): T {
  const result = schema.safeParse(row);
  if (!result.success) throw new Error(`${file} line ${index + 2}: ${result.error.issues[0]?.message}`);
  return result.data;
}

/** A small RFC 4180 reader: a header line, fields optionally in double quotes ("" inside quotes). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  const [header, ...rows] = lines.map(splitCsvLine);
  if (!header) return [];
  return rows.map((fields) => Object.fromEntries(header.map((name, index) => [name, fields[index] ?? ''])));
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
