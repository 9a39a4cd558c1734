const UNSAFE_SCHEME = /^(javascript|vbscript|data):/;

/**
 * The unsafe scheme a browser would see in a URL (`javascript`, `vbscript`, `data`), or null. Markdown
 * has already decoded character references (`&#106;`); browsers also drop control characters and
 * whitespace inside the scheme (`java\tscript:`).
 */
export function unsafeScheme(url: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop control characters from a URL, so they must go before the scheme is read
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return UNSAFE_SCHEME.exec(squeezed)?.[1] ?? null;
}
