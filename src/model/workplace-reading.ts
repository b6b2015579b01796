/** A chat read as a workplace group from its messages (pipeline/chat-workplace.ts): the work-routine words seen, and how often. */
export interface WorkplaceReading {
  /** a few of the work-routine words or phrases seen ("apel", "pak kadis") */
  cues: string[];
  /** messages of the chat read for it that hold one */
  cueMessages: number;
  /** messages of the chat read for it (the ones before the item; for a chat's first messages, held back until it was read as a workplace, the ones up to then) */
  messages: number;
  /** members whose display name carries an office title ("Bu Sri Kepsek") */
  titled?: number;
}
