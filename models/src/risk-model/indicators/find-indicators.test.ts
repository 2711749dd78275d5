import { describe, expect, it } from 'vitest';
import { findIndicators } from './find-indicators.ts';

const kinds = (t: string) => findIndicators(t).map((h) => [h.kind, h.text]);

describe('findIndicators', () => {
  it('finds crypto wallets of the three chains', () => {
    expect(kinds('USDT TRC20: TXyz1aBcDeFgHjKmNpQrStUvWxYz234567 ok')).toEqual([
      ['wallet_tron', 'TXyz1aBcDeFgHjKmNpQrStUvWxYz234567'],
    ]);
    expect(kinds('ETH 0x52908400098527886E0F7030069857D2E4169EE7')).toEqual([
      ['wallet_eth', '0x52908400098527886E0F7030069857D2E4169EE7'],
    ]);
    expect(kinds('btc bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh')).toEqual([
      ['wallet_btc', 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh'],
    ]);
  });

  it('tells bots from handles and finds phones, links and shorteners with exact spans', () => {
    const text = 'call +84 912 345 000 or @dealer_shop, menu @menu_shop_bot, t.me/+AbCdEf123, bit.ly/3xYz12';
    const hits = findIndicators(text);
    expect(hits.map((h) => h.kind)).toEqual(['phone', 'handle', 'bot', 'invite_link', 'shortener']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
  });

  it('finds prices per unit in several notations and returns per period in several languages', () => {
    expect(kinds('Мефедрон 1г - 2500₽, 3.5g $40, 2 viên 500k')).toEqual([
      ['price_per_unit', '1г - 2500₽'],
      ['price_per_unit', '3.5g $40'],
      ['price_per_unit', '2 viên 500k'],
    ]);
    expect(kinds('ship 500k, 20$ each')).toEqual([
      ['price', '500k'],
      ['price', '20$'],
    ]);
    expect(kinds('lãi 5%/ngày, 3% в день, profit 2% daily').map((k) => k[0])).toEqual([
      'returns_per_period',
      'returns_per_period',
      'returns_per_period',
    ]);
  });

  it('does not take years, counts or short numbers for phones', () => {
    expect(kinds('in 2024 we had 15000 users and 3 cats')).toEqual([]);
  });
});
