/** Lower case, no diacritics (đ → d): "Điện Biên" matches "dien bien". The one fold for every search box. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
