// User-facing text: Indonesian by default, English with --lang en or LANG=en*.
// Each area keeps its messages in src/i18n/<area>.ts, defined with `defineMessages`.

export type Lang = 'id' | 'en';
export interface Message {
  id: string;
  en: string;
}

let current: Lang = detectLang(process.env);

/** LANG / LC_ALL / LC_MESSAGES starting with "en" switch to English; anything else stays Indonesian. */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const v = env.NETRAL_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^en/i.test(v) ? 'en' : 'id';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

export function parseLang(value: string): Lang | undefined {
  const v = value.toLowerCase();
  if (v === 'id' || v === 'in' || v.startsWith('id-') || v === 'indonesia') return 'id';
  if (v === 'en' || v.startsWith('en-') || v === 'english') return 'en';
  return undefined;
}

/** Type-checks a catalogue: every message has both languages. */
export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, Message> {
  return messages;
}

/** Render a message in the current (or given) language, filling {name} placeholders. */
export function t(message: Message, params: Record<string, string | number> = {}, lang: Lang = current): string {
  const template = message[lang];
  // most messages have no placeholder (a report card asks for dozens of labels)
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
