/**
 * A pure function of a text with its results kept for the texts met again: labels, headers and number formats
 * repeat across rows, tables, rules and the files of a batch. At most `limit` texts are kept (then it starts
 * afresh), so a review of strange data never grows it without bound.
 */
export function rememberedPerText<T>(fn: (text: string) => T, limit = 20000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    const value = fn(text);
    if (seen.size >= limit) seen.clear();
    seen.set(text, value);
    return value;
  };
}
