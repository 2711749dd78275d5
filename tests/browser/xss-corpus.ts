/**
 * Script, style and link injections posted as Telegram messages (and a channel title): classic
 * vectors, parser-confusion tricks, encoded handlers and look-alike text. Each that ran would set
 * `window.__xss`, open a dialog, add an element, or make the CSP report a refusal.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>window.__xss = 1; alert(1)</script>',
  '<img src=x onerror="window.__xss=2;alert(2)">',
  '<svg onload="window.__xss=3;alert(3)"></svg>',
  '<iframe src="javascript:window.__xss=4;alert(4)"></iframe>',
  '"><script>window.__xss=5</script>',
  "'><img src=x onerror=window.__xss=6>",
  'javascript:window.__xss=7;alert(7)',
  '<a href="javascript:window.__xss=8;alert(8)">claim your bonus</a>',
  '<body onload="window.__xss=9">',
  '<style>*{display:none !important}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=10">',
  '<details open ontoggle="window.__xss=11;alert(11)">',
  '<input autofocus onfocus="window.__xss=12">',
  '<video><source onerror="window.__xss=13"></video>',
  '<object data="javascript:window.__xss=14"></object>',
  '<embed src="javascript:window.__xss=15">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=16">',
  '<form action="javascript:window.__xss=17"><button id=x>verify</button></form>',
  "{{constructor.constructor('window.__xss=18')()}}",
  '${window.__xss=19}',
  '<img src="x" onerror="&#119;indow.__xss=20">',
  '<scr<script>ipt>window.__xss=21</scr</script>ipt>',
  '<!--<img src="--><img src=x onerror=window.__xss=22//">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=23>">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  'Pay here \u202Egnp.exe\u202C and <b>bold</b> &amp; &lt;b&gt;',
  '<template><img src=x onerror=window.__xss=24></template><div id="sign-out">fake button</div>',
];

/** Injected elements that would mean markup from a message reached the DOM. */
export const INJECTED_SELECTOR = [
  'main script',
  'main img',
  'main iframe',
  'main object',
  'main embed',
  'main style',
  'main link',
  'main base',
  'main meta',
  'main form:not(.filters):not(.sample-form):not(#user-form):not(.login)',
  'main video',
  'main details',
  'main template',
  'main b',
  'main [onerror]',
  'main [onload]',
  'main [onfocus]',
  'main [ontoggle]',
  'main a[href^="javascript"]',
  'main svg:not(.timeline svg)',
].join(', ');
