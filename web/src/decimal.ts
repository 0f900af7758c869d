/**
 * A decimal as a person types it (`1,200.5`, `-3`, `.5`), or null when it is not one.
 * Commas are thousands separators here (the result form's hint says "A number, like 85.5").
 */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
