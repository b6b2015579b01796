// zod's messages in the user's language. zod 4 ships no Indonesian locale, so the issue codes are
// mapped here; English keeps zod's own wording. Installed once at startup (src/cli/main.ts).
import { z } from 'zod';
import { getLang } from './index.js';

const TYPE_WORDS: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  int: 'bilangan bulat',
  boolean: 'true/false',
  array: 'daftar',
  object: 'objek',
  date: 'tanggal',
  undefined: 'kosong',
  null: 'null',
};

const word = (t: unknown) => TYPE_WORDS[String(t)] ?? String(t);
const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(' | ');

/** The Indonesian message of one issue; undefined leaves zod's default. */
export function indonesianIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `wajib diisi (${word(issue.expected)})` : `harus ${word(issue.expected)}`;
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string') return n === '1' ? 'tidak boleh kosong' : `minimal ${n} karakter`;
      if (issue.origin === 'array' || issue.origin === 'set') return `minimal ${n} entri`;
      return issue.inclusive === false ? `harus lebih dari ${n}` : `minimal ${n}`;
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string') return `maksimal ${n} karakter`;
      if (issue.origin === 'array' || issue.origin === 'set') return `maksimal ${n} entri`;
      return issue.inclusive === false ? `harus kurang dari ${n}` : `maksimal ${n}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? 'bentuknya tidak sesuai' : `bukan ${issue.format} yang valid`;
    case 'not_multiple_of':
      return `harus kelipatan ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `kunci tidak dikenal: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'tidak cocok dengan bentuk mana pun yang diizinkan';
    case 'invalid_key':
      return 'kunci tidak valid';
    case 'invalid_element':
      return 'entri tidak valid';
    case 'invalid_value':
      return issue.values.length === 1 ? `harus ${list(issue.values)}` : `harus salah satu dari ${list(issue.values)}`;
    case 'custom':
      return 'tidak valid';
    default:
      return undefined;
  }
}

export function installZodMessages(): void {
  z.config({ customError: (issue) => (getLang() === 'id' ? indonesianIssue(issue) : undefined) });
}
