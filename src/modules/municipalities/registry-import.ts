import type { Database } from '../../db/pool.ts';
import { MUNICIPALITY_ALIASES } from './aliases.ts';
import { readRegistryFiles, type RegistryFiles } from './registry-files.ts';
import { importedHash, writeRegistry } from './registry.repository.ts';
import { toSearchKey, toSlug } from './search-key.ts';

const DATASET = 'cbs-registry';

/** What an import did, for the start-up log. */
export interface ImportResult {
  skipped: boolean;
  municipalities: number;
  postcodes: number;
}

/**
 * Imports the CBS registry from the project's data files. Idempotent: unchanged files are skipped,
 * changed files update names, postcodes and boundaries without touching participation.
 */
export async function importRegistry(db: Database, files?: RegistryFiles): Promise<ImportResult> {
  const registry = files ?? (await readRegistryFiles());
  const counts = { municipalities: registry.municipalities.length, postcodes: registry.postcodes.length };
  if ((await importedHash(db, DATASET)) === registry.sha256) return { skipped: true, ...counts };

  const knownCodes = new Set(registry.municipalities.map((municipality) => municipality.code));
  await writeRegistry(db, {
    dataset: DATASET,
    sha256: registry.sha256,
    municipalities: registry.municipalities.map((municipality) => ({
      code: municipality.code,
      name: municipality.name,
      slug: toSlug(municipality.name),
      search_key: toSearchKey(municipality.name),
      province_code: municipality.provinceCode,
      province_name: municipality.provinceName,
    })),
    aliases: buildAliases(registry).filter((alias) => knownCodes.has(alias.municipality_code)),
    postcodes: registry.postcodes.map((postcode) => ({
      pc4: postcode.pc4,
      municipality_code: postcode.municipalityCode,
      share: postcode.share,
    })),
    boundaries: [...registry.boundaries]
      .filter(([code]) => knownCodes.has(code))
      .map(([code, geometry]) => ({ municipality_code: code, geometry })),
  });
  return { skipped: false, ...counts };
}

/** The hand-kept aliases, plus each name without its CBS suffix: "Bergen (NH.)" is also "Bergen". */
function buildAliases(registry: RegistryFiles) {
  const aliases = MUNICIPALITY_ALIASES.flatMap(([label, codes]) =>
    codes.map((code) => ({ search_key: toSearchKey(label), label, municipality_code: code })),
  );
  for (const municipality of registry.municipalities) {
    const withoutSuffix = municipality.name.replace(/\s*\([^)]*\)\s*$/, '');
    if (withoutSuffix !== municipality.name) {
      aliases.push({
        search_key: toSearchKey(withoutSuffix),
        label: withoutSuffix,
        municipality_code: municipality.code,
      });
    }
  }
  return aliases;
}
