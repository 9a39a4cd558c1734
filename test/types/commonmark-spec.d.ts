// The CommonMark spec's examples, as the `commonmark-spec` package exports them.
declare module 'commonmark-spec' {
  export const tests: ReadonlyArray<{ markdown: string; html: string; number: number; section: string }>;
  export const text: string;
}
