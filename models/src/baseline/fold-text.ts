/**
 * Folds text for matching without changing its length: lower case, Vietnamese and other diacritics
 * dropped (đ -> d), so an offset into the folded text is the same offset into the original. This is
 * what lets evidence spans point at the exact characters the analyst sees.
 */
export function foldPreservingOffsets(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text[i]!;
    const code = unit.charCodeAt(0);
    // Surrogate halves and ASCII pass through (ASCII only needs lower-casing).
    if (code < 0x80) {
      out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : unit;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      out += unit;
      continue;
    }
    out += foldUnit(unit);
  }
  return out;
}

const cache = new Map<string, string>();

function foldUnit(unit: string): string {
  let folded = cache.get(unit);
  if (folded === undefined) {
    const lower = unit.toLowerCase();
    const base = (lower.length === 1 ? lower : unit).normalize('NFD')[0] ?? unit;
    folded = base === 'đ' ? 'd' : base;
    // Keep one UTF-16 unit per unit so offsets line up.
    if (folded.length !== 1) folded = unit;
    cache.set(unit, folded);
  }
  return folded;
}
