// A rule, lexicon, model or registry file that cannot be used: file:line:column and the problem.
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
    /** further problems in the same file (a schema check reports every issue, not only the first) */
    readonly more: readonly RuleFileError[] = [],
  ) {
    super(`${file}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${detail}`);
    this.name = 'RuleFileError';
  }
}
