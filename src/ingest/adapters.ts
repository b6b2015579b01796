// Every adapter netral knows, in detection order: platform exports first (they claim their own
// files by path), then chat exports and saved pages, then the generic table formats and loose photos.
import type { Adapter } from './types.js';
import { facebookAdapter } from './facebook.js';
import { instagramAdapter } from './instagram.js';
import { xAdapter } from './x.js';
import { tiktokAdapter } from './tiktok.js';
import { telegramAdapter } from './telegram.js';
import { whatsappAdapter } from './whatsapp.js';
import { HTML_ADAPTERS } from './html/adapters.js';
import { csvAdapter, jsonlAdapter } from './table.js';
import { photoAdapter } from './photo.js';

export const ALL_ADAPTERS: readonly Adapter[] = [
  facebookAdapter,
  instagramAdapter,
  xAdapter,
  tiktokAdapter,
  telegramAdapter,
  whatsappAdapter,
  ...HTML_ADAPTERS,
  csvAdapter,
  jsonlAdapter,
  photoAdapter,
];
