/**
 * A table the reader looks up by an author's word. It has no prototype, so a word such as `constructor` or
 * `toString` is no entry of it, where a plain object would answer with a member of every object.
 */
export function wordTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
