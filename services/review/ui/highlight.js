/* global document */
/**
 * Message text with its evidence spans marked per label. Offsets are UTF-16 code units (label.v1),
 * which is how JavaScript strings index, so slicing is exact. Overlapping spans split the text at
 * every span edge; each piece is a text node, marked with the labels of the spans covering it.
 */
import { h } from './dom.js';

/** Pieces of `text` with the labels (and evidence kinds) covering each. */
export function evidenceSegments(text, evidence) {
  const spans = evidence.filter(
    (e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end && e.end <= text.length,
  );
  const edges = new Set([0, text.length]);
  for (const e of spans) {
    edges.add(e.start);
    edges.add(e.end);
  }
  const points = [...edges].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((e) => e.start <= a && e.end >= b);
    segments.push({
      text: text.slice(a, b),
      labels: [...new Set(covering.map((e) => e.label))],
      kinds: [...new Set(covering.map((e) => e.kind))],
    });
  }
  return segments;
}

/** The text as DOM: plain text nodes and <mark> elements, never markup. */
export function highlightedText(text, evidence) {
  return evidenceSegments(text, evidence).map((s) =>
    s.labels.length === 0
      ? document.createTextNode(s.text)
      : h(
          'mark',
          {
            class: ['ev', ...s.labels.map((l) => `ev-${l}`)],
            title: `${s.labels.join(', ')} evidence (${s.kinds.join(', ')})`,
          },
          s.text,
        ),
  );
}
