/** Sizes of the classes for N learners: ⌈N / max⌉ classes, learners spread evenly (120 by 30 → 4 × 30). */
export function splitLearners(learners: number, maxSize: number): number[] {
  const n = Math.ceil(learners / maxSize);
  const base = Math.floor(learners / n);
  return Array.from({ length: n }, (_, i) => base + (i < learners % n ? 1 : 0));
}
