/**
 * Text folded for search without diacritics: "Phản ánh" and "phan anh" match (đ → d, lower case).
 * The public list stores it beside each petition and folds the query the same way.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()
}
