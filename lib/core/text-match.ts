// Whole-word keyword matching over lower-cased free text (any language).

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  return c > 127 && ch.toLowerCase() !== ch.toUpperCase();
}

/** True when `keyword` (lower case) occurs in `text` (lower case) with no letter or digit glued to either end. */
export function containsWord(text: string, keyword: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(keyword, from);
    if (at < 0) return false;
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + keyword.length])) return true;
    from = at + 1;
  }
}

/** The keywords of the list found in the text, in list order. */
export function matchedKeywords(text: string, keywords: readonly string[]): string[] {
  if (text === '') return [];
  const found: string[] = [];
  for (const k of keywords) if (containsWord(text, k.toLowerCase())) found.push(k);
  return found;
}
