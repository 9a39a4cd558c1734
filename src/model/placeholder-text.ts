// Text that stands for something not yet written: "TBD", "N/A", "<owner>", "[date]", "NAME_OF_TEAM", "XX%".
const PLACEHOLDER_WORD = /^(?:tbd|tbc|todo|fixme|n\/?a|none|-+|…|\.\.\.|\?+|to be (?:defined|decided|confirmed)|<[^<>]+>|\[[^\]]+\]|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|x{2,}%?)\.?$/i;
// The same markers inside a sentence ("Reduce errors by XX%"); upper case only, as authors write them.
// `<owner>` counts only as a whole value: inside a sentence, angle brackets are as likely to be markup.
const PLACEHOLDER_MARKER = /\b(?:TBD|TBC|TODO|FIXME|X{2,})\b|\[(?:date|name|owner|team|tbd|[A-Z_]+)\]/;

/** Whether text holds nothing but placeholders, such as `TBD` or `<owner>, [date]`. */
export function isPlaceholderText(text: string): boolean {
  const trimmed = text.trim();
  if (PLACEHOLDER_WORD.test(trimmed)) return true;
  // Word by word, stopping at the first real one: sections are long and rarely placeholders.
  const words = /[^\s,;]+/g;
  let any = false;
  for (let word = words.exec(trimmed); word; word = words.exec(trimmed)) {
    if (!PLACEHOLDER_WORD.test(word[0])) return false;
    any = true;
  }
  return any;
}

/** The first placeholder in text, whole or inside a sentence; null when there is none. */
export function findPlaceholder(text: string): string | null {
  if (isPlaceholderText(text)) return text.trim();
  return PLACEHOLDER_MARKER.exec(text)?.[0] ?? null;
}
