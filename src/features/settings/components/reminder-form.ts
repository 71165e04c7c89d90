/** Reading the reminder form's free-text fields (pure, unit-tested). */

/** '14, 3' → [14, 3]: one to five different whole numbers of days from 1 to 90; null otherwise. */
export function parseLeadDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length < 1 || parts.length > 5 || !parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  const days = parts.map(Number);
  if (days.some((d) => d < 1 || d > 90) || new Set(days).size !== days.length) return null;
  return days.sort((a, b) => b - a);
}

/** Dates separated by commas, spaces or lines: the valid ones (sorted, once each) and what is not a date. */
export function parseQuietDays(text: string): { days: string[]; invalid: string[] } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const days = new Set<string>();
  const invalid: string[] = [];
  for (const part of parts) {
    const at = new Date(`${part}T00:00:00Z`);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(part) && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(part);
    if (valid) days.add(part);
    else invalid.push(part);
  }
  return { days: [...days].sort(), invalid };
}
