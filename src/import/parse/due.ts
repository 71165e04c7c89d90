/** A deadline the goal names: 'innen 1. mars 2026' → '2026-03-01', 'innan utgangen av 2027' → '2027-12'. */

const MONTHS = [
  'januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember',
];
const MONTH_RE = MONTHS.join('|');
const YEAR = '(20\\d\\d)(?![\\d\\p{L}])';
const END_OF = '(?:utgangen|slutten|enden|utløpet)\\s+av\\s+';
/** 'innen', 'innan', 'senest', 'seinast', 'i løpet av', each optionally with 'utgangen av'. */
const BY = `(?<!\\p{L})(?:innen|innan|senest|seinast|i\\s+løpet\\s+av)\\s+(?:${END_OF})?`;
/** 'før 1. mars 2026', 'ved utgangen av 2026': a deadline too, but 'før 2027' alone is not read. */
const BY_DATE = `(?:${BY}|(?<!\\p{L})før\\s+(?:${END_OF})?|(?<!\\p{L})ved\\s+${END_OF})`;
const BY_YEAR = `(?:${BY}|(?<!\\p{L})(?:før|ved)\\s+${END_OF})`;
/** Words before a bare 'våren 2027' or 'første halvår 2027' that make it a start or the past, not a deadline. */
const NOT_BY = /(?<!\p{L})(?:fra|frå|etter|siden|sidan|sia|til)\s+(?:i\s+)?$/iu;

type Matcher = (text: string) => string | undefined;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function day(y: number, m: number, d: number): string | undefined {
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** 'innen 1. mars 2026', 'innan 15 oktober 2027'. */
const spelledDate: Matcher = (text) => {
  const m = new RegExp(`${BY_DATE}(\\d{1,2})\\.?\\s*(${MONTH_RE})\\s+${YEAR}`, 'iu').exec(text);
  return m ? day(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1])) : undefined;
};

/** 'senest 3.4.2026'. */
const numericDate: Matcher = (text) => {
  const m = new RegExp(`${BY_DATE}(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}`, 'iu').exec(text);
  return m ? day(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
};

/** 'innen juni 2027', 'innen utgangen av mars 2026'. */
const monthOfYear: Matcher = (text) => {
  const m = new RegExp(`${BY_DATE}(${MONTH_RE})\\s+${YEAR}`, 'iu').exec(text);
  return m ? `${m[2]}-${pad(monthNumber(m[1] ?? ''))}` : undefined;
};

/** A bare phrase counts only where nothing before it makes it a start or the past ('fra våren 2026'). */
function firstUnprefixed(re: RegExp, text: string): RegExpExecArray | undefined {
  const global = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
  for (let m = global.exec(text); m; m = global.exec(text)) {
    if (!NOT_BY.test(text.slice(0, m.index))) return m;
  }
  return undefined;
}

/** 'innen første halvår 2027', 'andre halvår 2026' → its last month. */
const halfYear: Matcher = (text) => {
  const re = new RegExp(
    `(?<![\\p{L}\\d])(?:${BY_DATE})?(?:i\\s+)?(første|fyrste|1\\.|andre|annet|annen|siste|2\\.)\\s+halvår(?:et)?\\s+${YEAR}`,
    'iu',
  );
  const m = firstUnprefixed(re, text);
  if (!m) return undefined;
  return `${m[2]}-${/^(første|fyrste|1\.)$/iu.test(m[1] ?? '') ? '06' : '12'}`;
};

/** 'i løpet av våren 2027' → June, 'innen sommeren 2027' → June, 'i løpet av sommaren' → August, autumn → December. */
const season: Matcher = (text) => {
  const re = new RegExp(
    `(?<!\\p{L})(?:(${BY_DATE})|i\\s+)?(våren|sommeren|sommaren|sumaren|høsten|hausten)\\s+${YEAR}`,
    'iu',
  );
  const m = firstUnprefixed(re, text);
  if (!m) return undefined;
  const name = (m[2] ?? '').toLowerCase();
  const during = /løpet/iu.test(m[1] ?? '');
  const month = name === 'våren' ? 6 : /^(høsten|hausten)$/.test(name) ? 12 : during ? 8 : 6;
  return `${m[3]}-${pad(month)}`;
};

/** 'innen årsskiftet 2026/2027' → the first year's December; 'innen årsskiftet' alone names no year. */
const turnOfYear: Matcher = (text) => {
  const m = new RegExp(`${BY}årsskiftet\\s+(20\\d\\d)`, 'iu').exec(text);
  return m ? `${m[1]}-12` : undefined;
};

/** 'innen 2027', 'innan utgangen av 2027' → its last month; the period 'i løpet av 2026–2027' is none. */
const wholeYear: Matcher = (text) => {
  const m = new RegExp(`${BY_YEAR}(?:året\\s+)?${YEAR}(?!\\s*[–\\-/]\\s*\\d|\\s+og\\s+20\\d\\d)`, 'iu').exec(text);
  return m ? `${m[1]}-12` : undefined;
};

const MATCHERS: readonly Matcher[] = [spelledDate, numericDate, monthOfYear, halfYear, season, turnOfYear, wholeYear];

export function extractDue(text: string): string | undefined {
  for (const match of MATCHERS) {
    const due = match(text);
    if (due) return due;
  }
  return undefined;
}
