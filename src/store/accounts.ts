// Account handles in one comparable form, so an item's actor finds the subject who owns it.
import type { Platform } from '../model/index.js';

/** Lower-case, no leading @, single spaces: "@Budi_S " → "budi_s", "Budi  Santoso" → "budi santoso". */
export function normHandle(value: string): string {
  const v = value.normalize('NFKC').trim();
  if (PHONE.test(v)) return phoneDigits(v);
  return v.replace(/^@+/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** A phone number as a chat shows a sender not in the contacts, or as a subjects CSV lists it. */
const PHONE = /^\+?[\d\s\-().]{7,}$/;

/** "+62 812-3456-7890", "0812 3456 7890" → "6281234567890": one form for an Indonesian number. */
function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

const HOST_PLATFORM: Array<[RegExp, Platform]> = [
  [/(^|\.)(facebook\.com|fb\.com|fb\.me)$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)(x\.com|twitter\.com)$/, 'x'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(t\.me|telegram\.me)$/, 'telegram'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
];

/** "https://www.instagram.com/budi_s/" → { platform: 'instagram', handle: 'budi_s' }; undefined for other URLs. */
export function accountFromProfileUrl(url: string): { platform: Platform; handle: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  const platform = HOST_PLATFORM.find(([re]) => re.test(host))?.[1];
  if (!platform) return undefined;
  const segments = parsed.pathname.split('/').filter(Boolean);
  // facebook.com/profile.php?id=100001234 names the account by number
  if (platform === 'facebook' && segments[0] === 'profile.php') {
    const id = parsed.searchParams.get('id');
    return id ? { platform, handle: id } : undefined;
  }
  const first = platform === 'youtube' && segments[0] && !segments[0].startsWith('@') ? segments[1] : segments[0];
  return first ? { platform, handle: normHandle(decodeURIComponent(first)) } : undefined;
}
