/** Lower case, no diacritics (đ → d): "Điện Biên" matches "dien bien". The server's fold, for every search box. */
export { foldVi as fold } from '@contracts/text.ts';
