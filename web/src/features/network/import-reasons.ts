/**
 * A file row's reason in the reader's language. The server writes each reason once in both,
 * `Indonesian (English)`: the text before the last top-level parentheses, or inside them (which
 * may hold parentheses of their own, e.g. `(got 5)`).
 */
export function reasonIn(reason: string, lang: string): string {
  const text = reason.trim();
  if (!text.endsWith(')')) return text;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) {
      if (i < 2 || text[i - 1] !== ' ') return text;
      return lang.startsWith('en') ? text.slice(i + 1, -1) : text.slice(0, i - 1);
    }
  }
  return text;
}
