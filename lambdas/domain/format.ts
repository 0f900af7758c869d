// Numbers in the report's sentences.

/**
 * A number as typed (the shortest decimal that round-trips) with thousands separators in
 * its whole part: 1200 → "1,200", 0.55 → "0.55". Exponent forms are left as they are.
 */
export function formatNumber(x: number): string {
  const text = String(x);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+$)/g, ',')}${m[3] ?? ''}`;
}

/** A value in its unit where the unit reads as a suffix: "82%"; otherwise the bare number. */
export function formatValue(x: number, unit: string): string {
  return unit === '%' ? `${formatNumber(x)}%` : formatNumber(x);
}
