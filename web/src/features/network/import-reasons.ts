/**
 * A file row's reason in the reader's language. The server writes each reason once in both,
 * `Indonesian (English)`: the text before the last top-level parentheses, or inside them.
 */
export function reasonIn(reason: string, lang: string): string {
  const m = /^(.+?) \(([^()]+)\)$/.exec(reason.trim());
  if (!m) return reason;
  return lang.startsWith('en') ? m[2]! : m[1]!;
}
