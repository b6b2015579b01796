// The quirks of X/Twitter archive files, each in one function: the JavaScript wrapper around the
// JSON, the created_at date format and the HTML-escaped tweet text.
import type { Readable } from 'node:stream';
import { t } from '../i18n/index.js';
import { socialMessages as msg } from '../i18n/platforms-social.js';
import { JsonCursor } from './json-tokens.js';
import { MemberFormatError } from './types.js';
import type { Limits } from '../limits.js';

/**
 * The records of a `window.YTD.… = [ … ]` file (optionally ending in `;`), one at a time. The file
 * is JavaScript but never evaluated: the assignment is skipped and the array read as JSON.
 */
export async function* ytdRecords(source: Readable | Buffer, memberPath: string, limits?: Limits): AsyncGenerator<{ index: number; value: unknown }> {
  const doc = new JsonCursor(source, memberPath, limits);
  if (!/^\s*(?:window\.YTD\.[\w.]+\s*=\s*)?$/.test(await doc.prefix()) || (await doc.kind()) !== 'array') {
    throw new MemberFormatError(memberPath, t(msg.xNotArchiveFile));
  }
  for await (const index of doc.elements()) yield { index, value: await doc.value() };
  await doc.skipSemicolon();
  await doc.end();
}

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};
const TWITTER_DATE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** "Sat Dec 06 18:20:30 +0000 2025" (strptime `%a %b %d %H:%M:%S %z %Y`) → ISO 8601 UTC, or undefined. */
export function parseTwitterDate(raw: string): string | undefined {
  const m = TWITTER_DATE.exec(raw.trim());
  if (!m) return undefined;
  const [, mon, day, hh, mm, ss, sign, oh, om, year] = m;
  const month = MONTHS[mon ?? ''];
  if (month === undefined) return undefined;
  const local = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return new Date(local - offsetMinutes * 60_000).toISOString();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Tweet text is HTML-escaped in archives (`&amp;`, `&lt;`, `&gt;`); undo it, numeric references too. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? whole;
  });
}
