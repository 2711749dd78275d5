import { describe, expect, it } from 'vitest';
import { guessLanguage } from './language-guess.ts';

describe('guessLanguage', () => {
  it.each([
    ['Send BTC to this wallet and get double back in 24 hours, guaranteed', 'en'],
    ['Закладки по городу, оплата в биткоинах, пишите в бот', 'ru'],
    ['Купуйте зараз, доставка по всій Україні', 'uk'],
    ['Invierte hoy y recibe el doble mañana, envía tu depósito ya', 'es'],
    ['Kirim sekarang dan dapatkan bonus, langsung cair ke rekening kamu', 'id'],
    ['Đầu tư ngay hôm nay để nhận lợi nhuận gấp đôi', 'vi'],
    ['投资比特币，每天收益百分之五', 'zh'],
    ['ลงทุนวันนี้ รับผลตอบแทนสองเท่า', 'th'],
    ['ビットコインに投資して毎日5%の利益', 'ja'],
    ['انضموا إلينا اليوم', 'ar'],
  ])('%s -> %s', (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it('says und when the text gives nothing to go on', () => {
    expect(guessLanguage('')).toBe('und');
    expect(guessLanguage('🔥🔥🔥 $$$ 100% 👉 @plug_bot')).toBe('und');
  });
});
