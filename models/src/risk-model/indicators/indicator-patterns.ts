/**
 * Language-independent indicators: things that mark a message as an offer or a lure whatever its
 * language. Each pattern runs on the original text, so its span is exactly what the analyst sees.
 */
export type IndicatorKind =
  | 'wallet_btc'
  | 'wallet_eth'
  | 'wallet_tron'
  | 'phone'
  | 'handle'
  | 'bot'
  | 'shortener'
  | 'invite_link'
  | 'tme_link'
  | 'price'
  | 'price_per_unit'
  | 'returns_per_period';

export interface IndicatorPattern {
  kind: IndicatorKind;
  pattern: RegExp;
}

const B58 = '[1-9A-HJ-NP-Za-km-z]';
const CURRENCY =
  '(?:\\$|usd|usdt|btc|eth|€|eur|£|gbp|₽|руб\\.?|р\\.?|rub|₫|vnd|vnđ|đ|k|tr|triệu|trieu|củ|cu|lít|lit|¥|元|块|rp|idr|ribu|rb|jt|juta|฿|บาท|baht|mxn|cop|ars|pesos?|soles|₴|грн|тг|₸)';
const UNIT =
  '(?:g|gr|gram|grams|gramm|гр|грамм|г|kg|кг|ml|мл|pcs|шт|tab|tabs|viên|vien|pills?|piece|oz|qp|hp|zip|ball|粒|克|แผง|เม็ด|gramos?|butir|paket)';

export const INDICATOR_PATTERNS: readonly IndicatorPattern[] = [
  // Bech32 (bc1...) and legacy/P2SH base58 addresses.
  {
    kind: 'wallet_btc',
    pattern: new RegExp(`(?<![\\w])(?:bc1[02-9ac-hj-np-z]{25,62}|[13]${B58}{25,34})(?![\\w])`, 'g'),
  },
  { kind: 'wallet_eth', pattern: /(?<![\w])0x[0-9a-fA-F]{40}(?![\w])/g },
  { kind: 'wallet_tron', pattern: new RegExp(`(?<![\\w])T${B58}{33}(?![\\w])`, 'g') },
  // International or long local numbers, allowing masked digits (x) as channels post them.
  {
    kind: 'phone',
    pattern: /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(?\d[\dx]{1,3}\)?[\s.-]?){2,4}[\dx]{2,4}(?![\w])/gi,
  },
  {
    kind: 'bot',
    pattern: /(?<![\w@])@[A-Za-z][A-Za-z0-9_]{1,30}bot(?![\w])|t\.me\/[A-Za-z][A-Za-z0-9_]{1,30}bot\b/gi,
  },
  { kind: 'handle', pattern: /(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\w])/g },
  { kind: 'invite_link', pattern: /(?:t\.me|telegram\.me)\/(?:\+|joinchat\/)[\w-]{6,}/gi },
  { kind: 'tme_link', pattern: /(?:t\.me|telegram\.me)\/[A-Za-z][\w]{3,31}(?:\/\d+)?/gi },
  {
    kind: 'shortener',
    pattern:
      /(?<![\w.])(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|cutt\.ly|is\.gd|rb\.gy|shorturl\.at|ow\.ly|tiny\.cc|s\.id|clck\.ru|u\.to|v\.ht|rebrand\.ly)\/[\w-]+/gi,
  },
  // "3.5g $40", "1г - 2500₽", "2 viên 500k": a quantity with a unit next to an amount.
  {
    kind: 'price_per_unit',
    pattern: new RegExp(
      `\\d+(?:[.,]\\d+)?\\s?${UNIT}(?![\\p{L}])\\s?(?:[-–—=:/]|за|=>|->|giá|gia|price|harga|por|ราคา)?\\s?(?:(?:\\$|€|£|₽|¥|฿)\\s?\\d+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?\\s?${CURRENCY})`,
      'giu',
    ),
  },
  {
    kind: 'price',
    pattern: new RegExp(
      `(?:\\$|€|£|₽|¥|฿)\\s?\\d+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?\\s?${CURRENCY}(?![\\p{L}])`,
      'giu',
    ),
  },
  // "5%/ngày", "3% в день", "2% per day", "10% mỗi tuần", "profit 5% daily"
  {
    kind: 'returns_per_period',
    pattern:
      /\d+(?:[.,]\d+)?\s?%\s?(?:\/|per|a|mỗi|moi|một|mot|в|за|в\s|каждый|per\s|tiap|setiap|por|al|ต่อ|每)?\s?(?:day|daily|week|weekly|month|monthly|hour|ngày|ngay|tuần|tuan|tháng|thang|день|неделю|месяц|сутки|час|hari|minggu|bulan|día|dia|semana|mes|วัน|สัปดาห์|เดือน|天|日|周|月)/giu,
  },
];
