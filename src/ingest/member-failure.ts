// The one-line reason a member failed, shared by the ingest stage and the scan's row workers
// (pipeline/row-chunks.ts), which read a row file's lines away from the ingest stage.
import { errorText } from '../errors.js';
import { t } from '../i18n/index.js';
import { ingestMessages as msg, limitMessages } from '../i18n/ingest.js';
import { LimitError } from '../limits.js';
import { MemberFormatError } from './types.js';

/** The one-line reason a member failed, from whatever its reader threw. */
export function memberFailure(err: unknown): string {
  if (err instanceof MemberFormatError) return err.detail;
  if (err instanceof LimitError) return err.render();
  if (err instanceof RangeError && /call stack/i.test(err.message)) return t(limitMessages.maxJsonDepth, { limit: '?', at: '' });
  return t(msg.memberUnreadable, { detail: errorText(err) });
}
