/**
 * The baseline's hand-written cues, matched on folded text (lower case, no diacritics). Weights are
 * log-odds contributions chosen by hand, not learned: this is the honest floor the trained model of
 * models/ must beat, and the fallback when no trained model is present.
 */
import type { RiskLabel } from '@tg-risk/schemas';

export interface Cue {
  label: RiskLabel;
  pattern: RegExp;
  weight: number;
  kind: string;
}

const w = (label: RiskLabel, weight: number, kind: string, ...words: string[]): Cue[] =>
  words.map((word) => ({
    label,
    weight,
    kind,
    // \p{L}\p{N} boundaries instead of \b so Cyrillic and Vietnamese words match whole.
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'gu'),
  }));

export const CUES: readonly Cue[] = [
  // fraud: promises of profit, task scams, phishing, stolen data
  ...w('fraud', 2.2, 'lexicon', 'guaranteed profit', 'guaranteed returns?', 'lai \\d+%', 'loi nhuan \\d+%', 'x2 (?:your )?deposit'),
  ...w('fraud', 2.0, 'lexicon', 'viec nhe luong cao', 'easy work,? high pay', 'like videos? and earn', 'cvv', 'fullz', 'dumps?', 'otp bypass', 'sim swap'),
  ...w('fraud', 1.6, 'lexicon', 'verify your account', 'account (?:will be )?(?:suspended|locked)', 'claim your (?:prize|reward)', 'stolen accounts?', 'logs? for sale', 'bank logs?', 'carding', 'cashout'),
  ...w('fraud', 1.5, 'lexicon', 'гарантированн\\p{L}* доход', 'пробив', 'дропы?', 'обнал\\p{L}*', 'нужны дропы', 'sao ke', 'ban tai khoan', 'mua ban tk ngan hang'),
  ...w('fraud', 1.2, 'returns', '\\d+(?:[.,]\\d+)? ?% ?(?:/|per|mỗi|moi|в) ?(?:day|ngay|день|hari)'),
  ...w('fraud', 0.8, 'lexicon', 'usdt', 'nap tien', 'rut tien', 'hoa hong', 'invest now', 'dau tu'),
  // drugs: sale offers, slang menus, drops
  ...w('drugs', 2.2, 'lexicon', 'закладк\\p{L}*', 'клад\\p{L}*', 'мефедрон', 'меф', 'альфа-?пвп', 'шишки', 'гашиш', 'амфетамин', 'кокаин'),
  ...w('drugs', 2.0, 'lexicon', 'mdma', 'ketamine', 'cocaine', 'meth', 'xtc pills?', 'weed for sale', 'plug', 'stealth shipping', 'discreet (?:shipping|delivery)'),
  ...w('drugs', 1.8, 'lexicon', 'ke', 'ma tuy', 'thuoc lac', 'can sa', 'hang da', 'banh ke', 'hang tu', 'ship hang kin'),
  ...w('drugs', 1.2, 'price', '\\d+(?:[.,]\\d+)? ?(?:g|gr|гр|грамм|gram) ?(?:[-–=:]|за)? ?\\d+'),
  ...w('drugs', 0.8, 'lexicon', 'oxy', 'xanax', 'adderall', 'без рецепта', 'without prescription', 'shop bot', 'магазин', 'курьер\\p{L}*', 'вес'),
  // terrorism: recruitment, funding, glorification, calls to violence
  ...w('terrorism', 2.2, 'lexicon', 'join the (?:jihad|mujahideen|brigade|front)', 'martyrdom operation', 'kill the (?:infidels|kafir|enemies of)', 'support the mujahideen'),
  ...w('terrorism', 1.8, 'lexicon', 'donate (?:to|for) (?:the )?(?:fighters|brothers|mujahideen|front)', 'glory to the martyrs?', 'heroic (?:attack|operation)', 'вступай\\p{L}* в ряды', 'шахид\\p{L}*', 'джихад\\p{L}*'),
  ...w('terrorism', 1.5, 'lexicon', 'recruit\\p{L}*', 'armed struggle', 'caliphate', 'strike (?:them|the crusaders)', 'bomb the', 'death to'),
];

/** Phrases that mark talk *about* an activity (news, warnings, recovery); they lower every score. */
export const ABOUT_CUES: readonly RegExp[] = [
  'police', 'arrest\\p{L}*', 'seiz\\p{L}*', 'warning', 'beware', 'scam alert', 'report(?:ed|s)?', 'court', 'sentenced',
  'recovery', 'harm reduction', 'rehab', 'overdose', 'naloxone', 'condemn\\p{L}*', 'researchers?', 'news',
  'cong an', 'bat giu', 'triet pha', 'canh bao', 'lua dao', 'toa an', 'xet xu', 'cai nghien', 'tin tuc',
  'полици\\p{L}*', 'задержа\\p{L}*', 'изъят\\p{L}*', 'осторожно', 'мошенник\\p{L}*', 'суд', 'приговор\\p{L}*',
  'реабилитац\\p{L}*', 'новости',
].map((word) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'gu'));
