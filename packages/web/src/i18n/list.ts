/**
 * Lists in running text, as each language writes them: Chinese separates items with the
 * ideographic comma "、" and no space; the other languages with a comma and a space.
 */
export function listSeparator(locale: string): string {
  return locale.toLowerCase().startsWith('zh') ? '、' : ', ';
}

/** `items` joined as a list in `locale` (see {@link listSeparator}). */
export function joinList(items: readonly string[], locale: string): string {
  return items.join(listSeparator(locale));
}
