// Registry files on disk: YAML with a comment header, empty lists left out (the schema fills
// them back in), one file per election named after its id.
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from 'yaml';
import { NetralError } from '../errors.js';
import { registryMessages as m } from '../i18n/registry.js';
import type { RegistryFile } from '../rules/registry-schema.js';

export function registryToYaml(registry: RegistryFile, header: readonly string[] = []): string {
  const doc = new Document(withoutEmptyLists(registry));
  if (header.length > 0) doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

/**
 * Writes `<out>/<election id>.yml` for each registry and returns the paths. Refuses to replace an
 * existing file unless `force` (hand edits such as added accounts would be lost).
 */
export async function writeRegistries(
  registries: readonly RegistryFile[],
  outDir: string,
  options: { force?: boolean; header?: readonly string[] } = {},
): Promise<string[]> {
  await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
    throw new NetralError(m.unwritable, { file: outDir, detail: String(error) }, undefined, { cause: error });
  });
  const paths = registries.map((r) => join(outDir, `${r.election.id}.yml`));
  if (!options.force) {
    // check them all first, so a refused run writes nothing
    for (const path of paths) {
      if (await exists(path)) throw new NetralError(m.outputExists, { file: path });
    }
  }
  for (const [i, registry] of registries.entries()) {
    const path = paths[i]!;
    try {
      await writeFile(path, registryToYaml(registry, options.header), { flag: options.force ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new NetralError(m.outputExists, { file: path }, undefined, { cause: error });
      }
      throw new NetralError(m.unwritable, { file: path, detail: String(error) }, undefined, { cause: error });
    }
  }
  return paths;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function withoutEmptyLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyLists);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => [k, withoutEmptyLists(v)]),
    );
  }
  return value;
}
