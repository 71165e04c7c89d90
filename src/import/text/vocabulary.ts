/** Words and patterns of the handlingsplan template, in bokmål and nynorsk. */
import { normKey } from './normalize.ts';

/** Header row of the "nåsituasjon og utfordringer" table, as one line or as joined cells. */
export function isSituationHeader(text: string): boolean {
  const k = normKey(text);
  return /\bomr[åa]d/.test(k) && /situasjon/.test(k) && /\b(kort|lang) sikt\b/.test(k) && k.split(' ').length <= 16;
}

/** 'Nasjonale mål 2026 – 2027:', 'Hovedmål', 'Hovudmål:' (label alone). */
export function isNationalGoalsLabel(text: string): boolean {
  const k = normKey(text);
  return /^(nasjonale m[åa]l|hovedm[åa]l|hovudm[åa]l|nasjonale hovedm[åa]l|nasjonale hovudm[åa]l)( (for )?(20\d\d|perioden)( 20\d\d)?)?$/.test(k);
}

/** 'Hovedmål: <goal>' on one line: returns the goal, else null. */
export function inlineNationalGoal(text: string): string | null {
  const m = /^\s*(?:nasjonalt\s+)?(?:hovedmål|hovudmål|nasjonalt mål|nasjonale mål)(?:\s+\d+)?\s*[:.–-]\s*(.+)$/iu.exec(text);
  const goal = m?.[1]?.trim();
  return goal && /\p{L}{3}/u.test(goal) ? goal : null;
}

export function isStrategiesLabel(text: string): boolean {
  const k = normKey(text);
  return /^(nasjonale )?strategi(er|ar)( (for )?(20\d\d|perioden)( 20\d\d)?)?$/.test(k);
}

/** A label announcing the union's own goals: 'Fagforbundet X mål:', 'Lokale mål:', 'Tiltak:'. */
export function isLocalGoalsLabel(text: string): boolean {
  const t = text.trim();
  if (!/:$/.test(t) || t.length > 80) return false;
  const k = normKey(t);
  return (
    /\b(m[åa]l|m[åa]lsetting(ar|er)?|m[åa]lsetjing(ar)?|tiltak|aktivitet(ar|er)?)$/.test(k) &&
    k.split(' ').length <= 7
  );
}

const BOILERPLATE: readonly RegExp[] = [
  /^vedlegg \d+$/,
  /^(innledning|innleiing|forord)$/,
  /^handlingsplan(en)?( for)?( \p{L}+)?( 20\d\d( 20\d\d)?)?$/u,
  /^handlingsplanen (beskriv|skildr|er |dannar|danner|byggjer|bygger)/,
  /^(samtidig|samstundes) m[åa] planen/,
  /^kostnad(ene|ane|er) som f[øo]lgj?er av handlingsplanen/,
  /^strategiplan(en)?( for)? 20\d\d( 20\d\d)?$/,
  /^strategiplanen er /,
  /^i strategiplanen for 20\d\d/,
  /^kommentar (hovedm[åa]l|hovudm[åa]l)/,
  /^fagforeningen skriv(er)? inn sine egne/,
  /^fagforeininga skriv inn sine eigne/,
  /^i arbeidet med [åa] utforme handlingsplanen/,
  /^(under|tabellen under)$/,
  /^fagforening(ens|a sin|a si)? (n[åo] ?situasjon|n[åo]situasjon)/,
  /^fagforeining(a sin|a si|as)? (n[åo] ?situasjon)/,
  /^20\d\d ?20\d\d$/,
  /^handlingsprogram(met)?,? organisasjonsprogrammet/,
];

/** Template text shared by every plan (introduction, instructions); never a goal. */
export function isBoilerplate(text: string): boolean {
  const k = normKey(text);
  if (!k) return true;
  return BOILERPLATE.some((re) => re.test(k));
}

/** Heading of a closing section: 'I perioden skal fagforeninga:' / 'I 2026 og 2027 vil vi:'. */
export function isClosingListHeading(text: string): boolean {
  const t = text.trim();
  if (!/:$/.test(t) || t.length > 120) return false;
  const k = normKey(t);
  if (/^(i (heile |hele )?(handlingsplan|plan)?perioden|i (l[øo]pet av )?20\d\d (og|til) 20\d\d|(fagforeninga|fagforeningen|fagforeininga|styret|vi) (skal|vil) i (heile |hele )?perioden)\b/.test(k)) return true;
  // 'Fagforbundet Lyngdal skal i løpet av 2026–27:', 'Fagforeininga vil i 2026 og 2027:'
  return /^(fagforbundet( \p{L}+){1,4}|fagforeninga|fagforeningen|fagforeininga|styret|vi) (skal|vil)( i l[øo]pet av| i| innen| innan)? (perioden|20\d\d( (og|til) 20\d\d| \d\d| 20\d\d)?)$/u.test(k);
}

/** Heading of a local section that is not a national area: 'Lokale utfordringar', 'Lokale mål'. */
export function isLocalSectionHeading(text: string): boolean {
  // 'Lokale mål:' with a colon introduces the area's own goals: a label, not a section.
  if (/:\s*$/.test(text)) return false;
  const k = normKey(text);
  return /^(\d+ )?(lokale?|v[åa]re|eigne|egne) (utfordring(ar|er)|m[åa]l|satsing(ar|er|sområde|sområder)|tiltak|prioritering(ar|er))( for fagforening(a|en)| i fagforeininga)?$/.test(k);
}

/** A closing note rather than a goal: the adoption ('Vedtatt på årsmøtet …'), thanks and greetings. */
export function isClosingNote(text: string): boolean {
  const k = normKey(text);
  // Word edges by letters, not \b (which knows only ASCII letters: 'årsmøtet' has no \b before its 'å').
  return (
    /^(vedtatt|vedteke|vedteken|godkjent|godkjend)(?!\p{L}).*(?<!\p{L})(årsmøte|årsmøtet|styret|styremøte)(?!\p{L})/u.test(k) ||
    /(?<!\p{L})(ønsker|ønskjer|takker|takkar) (alle|dere|dykk|for|medlemmene|medlemmane)(?!\p{L})/u.test(k) ||
    /^(med )?(vennlig|venleg|beste) (hilsen|helsing)/u.test(k) ||
    /^(godt nytt år|god jul)/u.test(k)
  );
}
