// Messages of the social-media export adapters (Instagram, X archive, TikTok).
import { defineMessages } from './index.js';

export const socialMessages = defineMessages({
  entrySkipped: {
    id: '{path}: entri {pointer} dilewati — bentuknya tidak dikenali',
    en: '{path}: entry {pointer} skipped — unexpected shape',
  },
  unexpectedShape: {
    id: 'berbentuk tak terduga (seharusnya {expected})',
    en: 'of unexpected shape (expected {expected})',
  },
  xNotArchiveFile: {
    id: 'bukan berkas data arsip X (tidak diawali "window.YTD.… =")',
    en: 'not an X archive data file (no "window.YTD.… =" assignment)',
  },
  xAccountUnread: {
    id: '{path}: akun pemilik arsip tidak terbaca ({detail}); tautan twit memakai x.com/i/web/status/<id>',
    en: '{path}: the archive owner could not be read ({detail}); tweet links use x.com/i/web/status/<id>',
  },
});
