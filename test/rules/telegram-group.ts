// A Telegram Desktop group export (result.json), as the chat-reply tests write it: answers name the
// message they reply to by its id (reply_to_message_id), which the Telegram adapter reads as the thread.

/** One message as Telegram Desktop writes it. */
export interface TelegramMessage {
  id: number;
  type: 'message';
  date: string;
  from: string;
  from_id: string;
  reply_to_message_id?: number;
  text: string;
  text_entities: Array<{ type: 'plain'; text: string }>;
}

/** A message at `date` (local time, as the export writes it); the sender's id is made from the name unless given. */
export function telegramMessage(id: number, from: string, text: string, date: string, replyTo?: number, fromId?: string): TelegramMessage {
  return {
    id,
    type: 'message',
    date,
    from,
    from_id: fromId ?? `user-${from.toLowerCase().replace(/\s+/gu, '-')}`,
    ...(replyTo !== undefined && { reply_to_message_id: replyTo }),
    text,
    text_entities: [{ type: 'plain', text }],
  };
}

/** The result.json of one private supergroup holding these messages. */
export function telegramGroup(name: string, id: number, messages: TelegramMessage[]): string {
  return JSON.stringify({ name, type: 'private_supergroup', id, messages });
}
