/**
 * Hand-written, clearly separable training and held-out texts for tests of the transformers
 * backend: drug sale offers, fraud lures and neutral channel chatter. Fiction, no real handles.
 */

export interface LabelledText {
  text: string;
  labels: string[];
}

const drugs = [
  'Selling weed and hash, discreet delivery in the city, message me',
  'Fresh mephedrone in stock, stash drops in every district, pay in crypto',
  'Top quality cocaine, 1g for 90, delivery tonight',
  'Pills and powder available, dead drops ready, write to the shop bot',
  'Weed 5g for 40, same day stash drop, DM for the price list',
  'New batch of hash arrived, delivery or pickup, discreet packaging',
  'Buy mephedrone crystals, reliable stash drops, payment in bitcoin',
  'We ship pills across the country, stealth packaging, order via bot',
  'Cocaine and ecstasy pills in stock, prices in the bot, fast delivery',
  'Stash drops restocked: weed, hash, mephedrone. Order now',
  'Закладки мефедрон в каждом районе, оплата криптой',
  'Продам шишки и гашиш, доставка по городу, пиши',
  'Quality weed from the grower, 10g discount, delivery tonight',
  'Powder and pills, stash drop coordinates after payment',
  'Ecstasy pills 10 for 100, discreet delivery, write to the bot',
  'Hash and weed price list updated, stash drops in the north district',
  'Pure cocaine, tested, delivery within an hour, crypto only',
  'Mephedrone and pills, new stash drops every morning',
  'Grams of weed and hash, delivery across town, order in the shop bot',
  'Fresh stock of powder, stash drop after bitcoin payment',
];

const fraud = [
  'Guaranteed profit 30% per week, invest USDT now and double your money',
  'Send 0.1 BTC and receive 0.2 BTC back, official giveaway, limited time',
  'Earn 500 dollars a day from home, just pay the registration fee',
  'Crypto investment platform with guaranteed daily returns, deposit today',
  'Double your USDT in 24 hours, trusted trader, send to my wallet',
  'Your account is blocked, verify your card details at this link to unlock',
  'Win an iPhone, pay only the delivery fee, click the link',
  'Passive income guaranteed, invest 100 USDT and get 1000 in a week',
  'Elon giveaway: send ETH to this wallet and get double back',
  'Bank security: confirm your card number and code to avoid blocking',
  'Гарантированный доход 20% в день, инвестируй USDT сейчас',
  'Заработок от 5000 в день без вложений, оплати только регистрацию',
  'Investment signals with guaranteed profit, pay the fee and join the VIP',
  'Recover your lost crypto, pay the recovery fee to our agent',
  'Limited offer: deposit to the wallet and withdraw double profit tomorrow',
  'Lottery winner! Pay the tax fee to receive your prize',
  'Trusted trader doubles your bitcoin, guaranteed returns, send now',
  'Verify your account at this link or your wallet will be blocked',
  'Invest once and earn daily profit forever, guaranteed by our fund',
  'Send your card details to receive the compensation payment',
];

const neutral = [
  'Good morning everyone, the weather is lovely today',
  'The meeting is moved to Thursday at five, see you there',
  'Here are the photos from the weekend hike in the mountains',
  'Does anyone know a good dentist in the city centre?',
  'New episode of our podcast is out, listen on the website',
  'The football match last night was amazing, what a goal',
  'Reminder: the library closes early on Sunday',
  'Happy birthday to our admin, thanks for running the channel',
  'Recipe of the day: tomato soup with basil and garlic',
  'Traffic is heavy on the bridge this morning, take the tunnel',
  'Доброе утро, сегодня отличная погода для прогулки',
  'Встреча переносится на четверг, приходите все',
  'Our cat finally learned to open the door, send help',
  'The concert tickets go on sale on Friday morning',
  'Photos from the city festival are in the album',
  'Who is going to the book club meeting this week?',
  'School holidays start next Monday, enjoy the break',
  'The new bakery on the corner has great bread',
  'Road works on the main street until the end of the month',
  'Thanks for the recommendations, the film was great',
];

/** 60 training examples: 20 drugs, 20 fraud, 20 neutral (no label). */
export const TINY_TRAINING_EXAMPLES: readonly LabelledText[] = [
  ...drugs.map((text) => ({ text, labels: ['drugs'] })),
  ...fraud.map((text) => ({ text, labels: ['fraud'] })),
  ...neutral.map((text) => ({ text, labels: [] })),
];

/** Unseen texts built from the same cues; the expected labels are what an obvious reading says. */
export const TINY_HELD_OUT: readonly LabelledText[] = [
  { text: 'Weed and mephedrone stash drops, discreet delivery tonight', labels: ['drugs'] },
  { text: 'Cocaine and pills in stock, order via the bot', labels: ['drugs'] },
  { text: 'Закладки гашиш и мефедрон, доставка', labels: ['drugs'] },
  { text: 'Guaranteed profit: invest USDT today and double your money', labels: ['fraud'] },
  { text: 'Your card is blocked, verify your details at this link', labels: ['fraud'] },
  { text: 'Send BTC to the wallet and receive double back, giveaway', labels: ['fraud'] },
  { text: 'The book club meeting is on Thursday, see you there', labels: [] },
  { text: 'Lovely weather for the festival this weekend', labels: [] },
  { text: 'Доброе утро, встреча в четверг', labels: [] },
];
