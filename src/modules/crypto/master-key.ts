import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** Bytes per master key version (AES-256). */
const KEY_BYTES = 32;

const keyFileSchema = z.object({
  format: z.literal('opendeur-master-key'),
  current: z.number().int().positive(),
  keys: z.record(z.string().regex(/^[1-9][0-9]*$/), z.string()),
});

/** The master key versions in the key file; `current` wraps new data keys, older ones still unwrap. */
export interface MasterKeys {
  current: number;
  keys: Map<number, Buffer>;
}

/** The key file is missing or unusable; the message says why and what to do, never any key material. */
export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

/**
 * Reads the key file, or creates it (mode 0600, in a directory created 0700) when it is absent and
 * `hasEncryptedData` says the database holds no encrypted data yet. A missing file with existing
 * encrypted data is a hard error: a new key could never decrypt what the old one encrypted.
 */
export async function loadOrCreateMasterKeys(
  file: string,
  hasEncryptedData: () => Promise<boolean>,
): Promise<MasterKeys> {
  const existing = await readMasterKeys(file);
  if (existing) return existing;
  if (await hasEncryptedData()) {
    throw new MasterKeyError(
      `The master key file ${file} is missing, but the database holds encrypted data. Without the key that ` +
        `data cannot be read, so no new key is made. Restore the key file from your backup (or point ` +
        `OPENDEUR_MASTER_KEY_FILE at it) and start again.`,
    );
  }
  const fresh: MasterKeys = { current: 1, keys: new Map([[1, randomBytes(KEY_BYTES)]]) };
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeExclusive(file, serialise(fresh));
  } catch (error) {
    // Another instance created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readMasterKeys(file))!;
    throw error;
  }
  return fresh;
}

/** The key file's contents, or undefined when it does not exist. */
export async function readMasterKeys(file: string): Promise<MasterKeys | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MasterKeyError(`Cannot read the master key file ${file}: ${(error as Error).message}`);
  }
  let parsed: z.infer<typeof keyFileSchema>;
  try {
    parsed = keyFileSchema.parse(JSON.parse(text));
  } catch {
    // Never echo the content: it is key material.
    throw new MasterKeyError(`The master key file ${file} is not a valid opendeur master key file.`);
  }
  const keys = new Map<number, Buffer>();
  for (const [version, encoded] of Object.entries(parsed.keys)) {
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES)
      throw new MasterKeyError(`The master key file ${file} has a key (version ${version}) of the wrong length.`);
    keys.set(Number(version), key);
  }
  if (!keys.has(parsed.current))
    throw new MasterKeyError(`The master key file ${file} names current version ${parsed.current} but lacks it.`);
  return { current: parsed.current, keys };
}

/**
 * Adds a new master key version and makes it current, keeping every older one (they still unwrap data
 * keys until those are re-wrapped, and a running app may still use them). The file is replaced
 * atomically: written 0600 beside it, flushed, then renamed over it.
 */
export async function addMasterKeyVersion(file: string): Promise<MasterKeys> {
  const existing = await readMasterKeys(file);
  if (!existing) throw new MasterKeyError(`The master key file ${file} does not exist; nothing to rotate.`);
  const version = Math.max(...existing.keys.keys()) + 1;
  const next: MasterKeys = { current: version, keys: new Map([...existing.keys, [version, randomBytes(KEY_BYTES)]]) };
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeExclusive(temporary, serialise(next));
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  return next;
}

function serialise(keys: MasterKeys): string {
  const encoded: Record<string, string> = {};
  for (const [version, key] of keys.keys) encoded[String(version)] = key.toString('base64');
  return `${JSON.stringify({ format: 'opendeur-master-key', current: keys.current, keys: encoded }, null, 2)}\n`;
}

/** Creates `file` (failing if it exists) with mode 0600 and flushes it to disk. */
async function writeExclusive(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
