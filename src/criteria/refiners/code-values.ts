// A threshold written as code: "Pass rate: `100%`", "Build success: `>= 95%`", "Latency: `< 300 ms`". A comparison
// or a percentage in the span, or a bare figure right after a colon; a code span naming anything else stays code.
const CODE_VALUE = /`(\s*(?:[<>]=?|[≤≥=])\s*[-+]?\d[\d.,]*\s*(?:%|[a-zµ]{1,7})?\s*|\s*[-+]?\d[\d.,]*\s*%\s*)`|(?<=:\s*)`(\s*[-+]?\d[\d.,]*\s*(?:[a-zµ]{1,7})?\s*)`/giu;

/** The text with the backticks around a threshold made spaces, so every other word keeps its place. */
export function unwrapCodeValues(text: string): string {
  return text.includes('`') ? text.replace(CODE_VALUE, (span) => ` ${span.slice(1, -1)} `) : text;
}
