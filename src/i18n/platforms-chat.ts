// Messages of the chat adapters (Telegram Desktop, WhatsApp) and the photo/media readers.
import { defineMessages } from './index.js';

export const chatMessages = defineMessages({
  telegramNotExport: {
    id: 'bukan ekspor Telegram Desktop (tidak ada "messages" maupun "chats.list") — ekspor ulang dari Telegram Desktop dengan format "Machine-readable JSON"',
    en: 'not a Telegram Desktop export (no "messages" and no "chats.list") — export again from Telegram Desktop with format "Machine-readable JSON"',
  },
  telegramMessageSkipped: {
    id: '{path}: pesan {pointer} dilewati — bentuknya tidak dikenali ({detail})',
    en: '{path}: message {pointer} skipped — unexpected shape ({detail})',
  },
  whatsappBadDate: {
    id: '{path}: baris {line}: tanggal/waktu "{raw}" tidak valid — pesan dilewati',
    en: '{path}: line {line}: date/time "{raw}" is not valid — message skipped',
  },
});
