// MHTML (Chrome "Webpage, Single File"): a MIME multipart/related message whose first text/html part
// is the page. Headers name the original URL and the save date; bodies are often quoted-printable.

export interface MhtmlPage {
  /** the HTML part's bytes, transfer encoding undone */
  html: Buffer;
  /** charset named by the part's Content-Type, if any */
  charset?: string;
  /** Snapshot-Content-Location, or the HTML part's Content-Location */
  url?: string;
  /** the message Date header, as written */
  date?: string;
  /** Subject header with RFC 2047 encoded words decoded */
  subject?: string;
}

/** Does this look like an MHTML file (header block with multipart/related before any markup)? */
export function looksLikeMhtml(head: Buffer): boolean {
  const text = head.subarray(0, 4096).toString('latin1');
  const headerEnd = text.search(/\r?\n\r?\n/);
  const headers = headerEnd === -1 ? text : text.slice(0, headerEnd);
  return /^content-type:\s*multipart\/related/im.test(headers) && !/<html/i.test(headers);
}

/** Unpack an MHTML file. Returns undefined when no text/html part is found. */
export function readMhtml(bytes: Buffer): MhtmlPage | undefined {
  const text = bytes.toString('latin1'); // byte-preserving: every part is decoded from these bytes
  const { headers, bodyStart } = readHeaders(text, 0);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return undefined;
  const parts = text.slice(bodyStart).split(`--${boundary}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break; // closing delimiter
    const p = readHeaders(part.replace(/^\r?\n/, ''), 0);
    const type = p.headers['content-type'] ?? '';
    if (!/^text\/html/i.test(type)) continue;
    const body = part.replace(/^\r?\n/, '').slice(p.bodyStart).replace(/\r?\n$/, '');
    return {
      html: decodeTransfer(body, p.headers['content-transfer-encoding']),
      charset: /charset="?([^";\s]+)"?/i.exec(type)?.[1],
      url: headers['snapshot-content-location'] ?? p.headers['content-location'],
      date: headers['date'],
      subject: headers['subject'] ? decodeEncodedWords(headers['subject']) : undefined,
    };
  }
  return undefined;
}

/** RFC 5322 header block (with folded lines) → lower-case name → value; bodyStart = offset after the blank line. */
function readHeaders(text: string, start: number): { headers: Record<string, string>; bodyStart: number } {
  const end = /\r?\n\r?\n/.exec(text.slice(start));
  const block = end ? text.slice(start, start + end.index) : text.slice(start);
  const bodyStart = end ? start + end.index + end[0].length : text.length;
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, bodyStart };
}

function decodeTransfer(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    default:
      return Buffer.from(body, 'latin1');
  }
}

/** Quoted-printable (RFC 2045): `=` + line break is a soft break, `=XX` is one byte. */
export function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined.charCodeAt(i);
    if (ch === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(ch & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** `=?utf-8?Q?Kanal_X?=` / `=?utf-8?B?…?=` → text (RFC 2047). */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (whole, charset: string, kind: string, data: string) => {
      const bytes = kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
      try {
        return new TextDecoder(charset).decode(bytes);
      } catch {
        return whole;
      }
    });
}
