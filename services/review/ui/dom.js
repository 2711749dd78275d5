/* global Node, document */
/**
 * Building the page without markup strings: every element is created with createElement and every
 * piece of text set as a text node, so message text can never become HTML, script, style or a link.
 * (The page's CSP also requires Trusted Types, so an innerHTML assignment would throw.)
 */

/**
 * Creates an element. `props` sets attributes (strings), `class`, `on*` listeners and `dataset`;
 * children are nodes or strings (strings become text nodes), nested arrays are flattened, null skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) {
      // Handlers are functions only: an "on..." attribute string would be inline script.
      if (typeof value !== 'function') throw new TypeError(`${key} must be a function`);
      el.addEventListener(key.slice(2), value);
    } else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An SVG element (for charts): attributes only, no markup. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  append(el, children);
  return el;
}

/** A percentage for display. */
export function pct(x) {
  return `${(x * 100).toFixed(1)}%`;
}

/** A score for display. */
export function score(x) {
  return x.toFixed(3);
}

/** A date-time for display (UTC, as stored). */
export function when(iso) {
  return iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '';
}
