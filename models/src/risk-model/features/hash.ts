/** FNV-1a 32-bit over UTF-16 code units: fast, stable across platforms, no dependencies. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Bucket for a feature name; bucket 0 is reserved for padding (its weights stay zero). */
export function bucketOf(name: string, buckets: number): number {
  return 1 + (fnv1a(name) % (buckets - 1));
}
