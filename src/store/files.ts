// Files holding personal data are readable by their owner only (UU PDP Pasal 35; evidence.md §9).
import { chmodSync, closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Create a folder (and parents) readable by the owner only; an existing folder keeps its mode. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/** Create an empty file with mode 0600 unless it exists (SQLite's -wal/-shm then inherit the mode). */
export function createPrivateFile(path: string): boolean {
  try {
    closeSync(openSync(path, 'wx', FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  chmodSync(path, FILE_MODE);
  return true;
}

export function writePrivateFile(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data, { mode: FILE_MODE });
  chmodSync(path, FILE_MODE);
}
