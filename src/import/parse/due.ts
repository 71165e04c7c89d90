/** A deadline the goal names: 'innen 1. mars 2026' → '2026-03-01', 'innan utgangen av 2027' → '2027-12'. */

const MONTHS = [
  'januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember',
];
const MONTH_RE = MONTHS.join('|');
const BY = '(?:innen|innan|senest|seinast|i løpet av|i løpet av)';
const END_OF = '(?:(?:utgangen|slutten|enden)\\s+av\\s+)?';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function extractDue(text: string): string | undefined {
  const full = new RegExp(`\\b${BY}\\s+(\\d{1,2})\\.?\\s*(${MONTH_RE})\\s+(20\\d\\d)\\b`, 'iu').exec(text);
  if (full) {
    const y = Number(full[3]);
    const m = monthNumber(full[2] ?? '');
    const d = Number(full[1]);
    if (validDate(y, m, d)) return `${y}-${pad(m)}-${pad(d)}`;
  }
  const numeric = new RegExp(`\\b${BY}\\s+(\\d{1,2})\\.(\\d{1,2})\\.(20\\d\\d)\\b`, 'iu').exec(text);
  if (numeric) {
    const y = Number(numeric[3]);
    const m = Number(numeric[2]);
    const d = Number(numeric[1]);
    if (validDate(y, m, d)) return `${y}-${pad(m)}-${pad(d)}`;
  }
  const month = new RegExp(`\\b${BY}\\s+${END_OF}(${MONTH_RE})\\s+(20\\d\\d)\\b`, 'iu').exec(text);
  if (month) return `${month[2]}-${pad(monthNumber(month[1] ?? ''))}`;
  const half = new RegExp(`\\b${BY}\\s+${END_OF}(første|fyrste|1\\.|andre|2\\.)\\s+halvår\\s+(20\\d\\d)\\b`, 'iu').exec(text);
  if (half) return `${half[2]}-${/^(første|fyrste|1\.)$/iu.test(half[1] ?? '') ? '06' : '12'}`;
  const year = new RegExp(`\\b${BY}\\s+${END_OF}(?:året\\s+)?(20\\d\\d)\\b`, 'iu').exec(text);
  if (year) return `${year[1]}-12`;
  return undefined;
}
