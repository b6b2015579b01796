// A page saved by a person with a browser carries its own provenance: SingleFile writes a header
// comment (url, saved date), Chrome's MHTML has Snapshot-Content-Location and Date headers, and
// "Save page as" prepends `<!-- saved from url=(NNNN)… -->`. Unwrap the HTML and recover those.
import { looksLikeMhtml, readMhtml } from './mhtml.js';

export type SavedFormat = 'singlefile' | 'mhtml' | 'chromium' | 'html';

export interface SavedPage {
  /** the page's HTML, decoded to text */
  html: string;
  format: SavedFormat;
  /** the URL the page was saved from, when the file says */
  originalUrl?: string;
  /** when it was saved (ISO 8601 UTC), when the file says */
  savedAt?: string;
  /**
   * the saving browser's UTC offset in minutes (+420 = WIB), when the save date names one: a site
   * writes its visible dates ("Kemarin pukul 08.15") in the viewer's zone, so this is the page's zone
   */
  savedOffset?: number;
}

const SINGLEFILE_COMMENT = /<!--\s*(?:Page saved with SingleFile|Archive processed by SingleFile)\s*([\s\S]*?)-->/;
const CHROMIUM_COMMENT = /<!--\s*saved from url=\((\d{4})\)(\S+)/;

/** Decode a saved (or fetched) page and recover the original URL and save date from its markers. */
export function unwrapSavedPage(bytes: Buffer): SavedPage {
  if (looksLikeMhtml(bytes)) {
    const mhtml = readMhtml(bytes);
    if (mhtml) {
      const html = decodeHtml(mhtml.html, mhtml.charset);
      return { html, format: 'mhtml', originalUrl: mhtml.url, ...savedDate(mhtml.date) };
    }
  }
  const html = decodeHtml(bytes);
  const head = html.slice(0, 4096);
  const single = SINGLEFILE_COMMENT.exec(head);
  if (single) {
    const body = single[1] ?? '';
    return {
      html,
      format: 'singlefile',
      originalUrl: /^\s*url:\s*(\S+)/m.exec(body)?.[1],
      ...savedDate(/^\s*saved date:\s*(.+?)\s*$/m.exec(body)?.[1]),
    };
  }
  const chromium = CHROMIUM_COMMENT.exec(head);
  if (chromium?.[1] && chromium[2]) {
    // the number in brackets is the URL's length; it tells where the URL ends
    return { html, format: 'chromium', originalUrl: chromium[2].slice(0, Number(chromium[1])) };
  }
  return { html, format: 'html' };
}

/** The original URL named by a saved file's markers, read from its first bytes (for format detection). */
export function savedPageUrl(head: Buffer): string | undefined {
  if (looksLikeMhtml(head)) {
    return /^(?:snapshot-content-location|content-location):\s*(\S+)/im.exec(head.toString('latin1'))?.[1];
  }
  const text = head.toString('utf8');
  const single = SINGLEFILE_COMMENT.exec(text);
  if (single) return /^\s*url:\s*(\S+)/m.exec(single[1] ?? '')?.[1];
  const chromium = CHROMIUM_COMMENT.exec(text);
  if (chromium?.[1] && chromium[2]) return chromium[2].slice(0, Number(chromium[1]));
  return (
    /<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)["']/i.exec(text)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]+content=["']([^"']+)["']/i.exec(text)?.[1]
  );
}

/** HTML bytes → text: BOM, then `<meta charset>` / http-equiv, then the transport's charset, else UTF-8. */
export function decodeHtml(bytes: Buffer, charsetHint?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? charsetHint;
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // unknown label: fall through to UTF-8
    }
  }
  return bytes.toString('utf8');
}

/**
 * SingleFile writes JavaScript's Date.toString() ("Fri Jan 05 2024 19:20:30 GMT+0700 (Waktu Indonesia
 * Barat)"), MHTML an RFC 5322 date ("Fri, 5 Jan 2024 19:20:30 +0700", maybe with a "(WIB)" comment).
 */
function savedDate(value: string | undefined): Pick<SavedPage, 'savedAt' | 'savedOffset'> {
  if (!value) return {};
  const bare = value.replace(/\s*\(.*\)\s*$/, '');
  const ms = Date.parse(bare);
  if (Number.isNaN(ms)) return {};
  // the offset as written ("GMT+0700", "+0700", "+07:00"); a date without one names no zone
  const m = /(?:GMT|UTC|\s)([+-])(\d{2}):?(\d{2})$/.exec(bare.trim());
  const savedOffset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
  return { savedAt: new Date(ms).toISOString(), ...(savedOffset !== undefined && { savedOffset }) };
}
