/** A chat read as a workplace group from its messages (pipeline/chat-workplace.ts): the work-routine words seen, and how often. */
export interface WorkplaceReading {
  /** a few of the work-routine words or phrases seen ("apel", "pak kadis") */
  cues: string[];
  /** messages of the chat so far that hold one */
  cueMessages: number;
  /** messages of the chat so far */
  messages: number;
}
