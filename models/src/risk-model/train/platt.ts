/**
 * Platt scaling (Platt 1999, with the target smoothing of Lin, Lin & Weng 2007, "A note on Platt's
 * probabilistic outputs for support vector machines"): fits p = sigmoid(a*z + b) on held-out
 * logits z by Newton's method with backtracking.
 */
export interface PlattParameters {
  a: number;
  b: number;
}

/** Fits a and b on validation logits and 0/1 targets. */
export function fitPlatt(logits: ArrayLike<number>, targets: ArrayLike<number>): PlattParameters {
  const n = logits.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += targets[i]!;
  const negatives = n - positives;
  // Smoothed targets keep the fit finite when the classes separate perfectly.
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const t = Array.from({ length: n }, (_, i) => (targets[i]! === 1 ? hi : lo));
  let a = 1;
  let b = Math.log((negatives + 1) / (positives + 1));
  b = -b;
  const loss = (A: number, B: number) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const z = A * logits[i]! + B;
      // log(1 + e^z) - t z, computed stably.
      f += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t[i]! * z;
    }
    return f;
  };
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-12;
    let hAB = 0;
    let hBB = 1e-12;
    for (let i = 0; i < n; i++) {
      const z = a * logits[i]! + b;
      const p = 1 / (1 + Math.exp(-z));
      const d = p - t[i]!;
      const w = p * (1 - p);
      gA += d * logits[i]!;
      gB += d;
      hAA += w * logits[i]! * logits[i]!;
      hAB += w * logits[i]!;
      hBB += w;
    }
    if (Math.abs(gA) < 1e-9 && Math.abs(gB) < 1e-9) break;
    const det = hAA * hBB - hAB * hAB;
    const dA = -(hBB * gA - hAB * gB) / det;
    const dB = -(-hAB * gA + hAA * gB) / det;
    let step = 1;
    while (step > 1e-10) {
      const next = loss(a + step * dA, b + step * dB);
      if (next < current + 1e-4 * step * (gA * dA + gB * dB)) {
        a += step * dA;
        b += step * dB;
        current = next;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-10) break;
  }
  return { a, b };
}

/** The calibrated probability of a logit. */
export function plattProbability(p: PlattParameters, logit: number): number {
  return 1 / (1 + Math.exp(-(p.a * logit + p.b)));
}
