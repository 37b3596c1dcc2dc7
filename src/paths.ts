import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let directory = start;
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`No package.json above ${start}`);
    directory = parent;
  }
  return directory;
}

/** The folder holding package.json, whether the code runs from src/ (tsx) or dist/ (compiled). */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The project's data files (CBS registry, postcodes, boundaries). */
export const dataDirectory = path.join(projectRoot, 'data');

/** Generated SQL migrations, committed. */
export const migrationsDirectory = path.join(projectRoot, 'src', 'db', 'migrations');
