// netral's own version, read from package.json. Its own module so `netral --version` loads
// nothing else (no store, no rules).
import { readFileSync } from 'node:fs';

export const TOOL_VERSION: string = readToolVersion();

function readToolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
