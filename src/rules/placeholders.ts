// The placeholders of a rule's explanation template, read the same way where the pack checks them
// (pack.ts compileRule) and where a finding's explanation is rendered (explain.ts).

/** A placeholder of an explanation template: {{key}}, where a matched key may name alternatives ({{matched.a|b}}). */
export const PLACEHOLDER = /\{\{\s*([\w.|]+)\s*\}\}/g;

/** The keys a placeholder stands for: "matched.a|b" → ["matched.a", "matched.b"]; any other key alone. */
export function placeholderKeys(key: string): string[] {
  return key.startsWith('matched.') ? key.slice(8).split('|').map((name) => `matched.${name}`) : [key];
}
