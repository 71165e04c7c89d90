/**
 * Measures and deadlines as real plans write them, in bokmål and nynorsk: number words, qualifiers,
 * per cent, recurrences (including quarters and half years), the thing counted, numbers that are no
 * target, and deadlines given as seasons, half years and year ends.
 */
import { describe, expect, it } from 'vitest';
import type { DraftMeasure } from '../../src/import/draft.ts';
import { extractDue } from '../../src/import/parse/due.ts';
import { extractMeasure } from '../../src/import/parse/measure.ts';

type Row = readonly [text: string, value: number, unit: string, per: DraftMeasure['per']];

describe('extractMeasure: number words', () => {
  it.each<Row>([
    ['Arrangere to medlemsmøter i året', 2, 'medlemsmøter', 'year'],
    ['Holde tre kurs årlig for nye tillitsvalgte', 3, 'kurs', 'year'],
    ['Vi skal verve fem nye medlemmer', 5, 'medlemmer', null],
    ['Gjennomføre seks arbeidsplassbesøk hver måned', 6, 'arbeidsplassbesøk', 'month'],
    ['Besøke sju barnehager i løpet av året', 7, 'barnehager', 'year'],
    ['Minst syv verneombud skal kurses', 7, 'verneombud', null],
    ['Åtte tillitsvalgte skal gjennomføre grunnskolering', 8, 'tillitsvalgte', null],
    ['Rekruttere ni plasstillitsvalgte på sykehjemmene', 9, 'plasstillitsvalgte', null],
    ['Øke organisasjonsgraden med ti prosent', 10, 'prosent', null],
    ['Ha elleve kontaktpersoner i bydelene', 11, 'kontaktpersoner', null],
    ['Verve tolv lærlinger', 12, 'lærlinger', null],
    ['Få femten nye medlemmer i ungdomsutvalget', 15, 'medlemmer', null],
    ['Verve tjuefem medlemmer i året', 25, 'medlemmer', 'year'],
    ['Ha femogtjue aktive tillitsvalgte', 25, 'tillitsvalgte', null],
    // nynorsk
    ['Verve tjuge nye medlemmar kvart år', 20, 'medlemmar', 'year'],
    ['Skipe tjugefem klubbar i kommunen', 25, 'klubbar', null],
    ['Halde fire medlemsmøte årleg', 4, 'medlemsmøte', 'year'],
    ['Gjennomføre to samlingar for tillitsvalde i året', 2, 'samlingar', 'year'],
    ['Besøkje tre arbeidsplassar kvar månad', 3, 'arbeidsplassar', 'month'],
    ['Lære opp fem tillitsvalde i medlemsregisteret', 5, 'tillitsvalde', null],
  ])('%s', (text, value, unit, per) => {
    expect(extractMeasure(text)).toEqual({ value, unit, per });
  });
});

describe('extractMeasure: "en", "ei", "ett" count only as a count', () => {
  it.each<Row>([
    ['Ha ett møte med hovedtillitsvalgte i året', 1, 'møte', 'year'],
    ['Arrangere ei samling i året', 1, 'samling', 'year'],
    ['Halde eitt opplæringskurs kvart år', 1, 'opplæringskurs', 'year'],
    ['Ta kontakt med de nyinnmeldte en gang i måneden', 1, 'gang', 'month'],
    ['Styret skal møte leiinga ein gong i månaden', 1, 'gong', 'month'],
    ['Minst ett medlemsmøte skal holdes digitalt', 1, 'medlemsmøte', null],
    ['Ha minimum en tillitsvalgt på hver arbeidsplass', 1, 'tillitsvalgt', null],
    ['Velge én ungdomskontakt', 1, 'ungdomskontakt', null],
    ['Vi skal ha minst éin tillitsvald på kvar skule', 1, 'tillitsvald', null],
    // 'ett' / 'eitt' are the numeral (the neuter articles are 'et' / 'eit'), unless after a preposition
    ['Holde ett felles møte om turnus før sommeren', 1, 'møte', null],
    ['Skipe eitt nettverk for unge tillitsvalde', 1, 'nettverk', null],
    ['Gjennomføre ett verneombudskurs for alle nye verneombud hvert halvår', 2, 'verneombudskurs', 'year'],
    ['Halde ei samling for tillitsvalde i barnehagane i året', 1, 'samling', 'year'],
  ])('%s', (text, value, unit, per) => {
    expect(extractMeasure(text)).toEqual({ value, unit, per });
  });

  it.each([
    'Ha en god dialog med arbeidsgiver i året som kommer',
    'Lage en plan for verving',
    'Gi en oversikt over alle tillitsvalgte',
    'Samarbeide med arbeidsgiver om en heltidskultur',
    'Alle nyansatte skal få en fadder i løpet av første uke',
    'Lage ei oversikt over alle tillitsvalde',
    'Ha ein god dialog med leiinga',
    'Vere ein synleg aktør i lokalsamfunnet',
    'Etablere et dusin nye kontakter',
    'Arrangere et par medlemsmøter i året',
    'Vurdere om en gang er nok',
    'Samle alle rutinene i ett dokument',
    'Ha en tett dialog med arbeidsgiver hvert år',
    'Vere ein tydeleg stemme for heiltid kvart år',
  ])('no measure: %s', (text) => {
    expect(extractMeasure(text)).toBeUndefined();
  });
});

describe('extractMeasure: qualifiers, per cent and amounts', () => {
  it.each<Row>([
    ['Verve minst 30 medlemmer', 30, 'medlemmer', null],
    ['Over 50 medlemmer skal delta på medlemsmøtene', 50, 'medlemmer', null],
    ['Ha mer enn 20 aktive tillitsvalgte', 20, 'tillitsvalgte', null],
    ['Få meir enn 15 nye medlemmar', 15, 'medlemmar', null],
    ['Øke organisasjonsgraden opp mot 70 prosent', 70, 'prosent', null],
    ['Få minimum fire nye verneombud', 4, 'verneombud', null],
    ['Øke andelen heltid til 60 %', 60, '%', null],
    ['Organisasjonsgraden skal auke med 2,5 prosent', 2.5, 'prosent', null],
    ['Sette av kr. 15.000 til skolering', 15000, 'kr', null],
    ['Budsjettere 1 000 kroner pr. måned til kaffe', 1000, 'kr', 'month'],
  ])('%s', (text, value, unit, per) => {
    expect(extractMeasure(text)).toEqual({ value, unit, per });
  });
});

describe('extractMeasure: how often', () => {
  it.each<Row>([
    ['Verve 5 medlemmer pr år', 5, 'medlemmer', 'year'],
    ['Verve 5 medlemmer pr. år', 5, 'medlemmer', 'year'],
    ['Besøke 2 skoler per år', 2, 'skoler', 'year'],
    ['Holde 3 medlemsmøter i løpet av året', 3, 'medlemsmøter', 'year'],
    ['Holde medlemsmøter 4 ganger hvert år', 4, 'medlemsmøter', 'year'],
    ['Rekruttere 2 tillitsvalde årleg', 2, 'tillitsvalde', 'year'],
    ['Sende ut 1 nyhetsbrev månedlig', 1, 'nyhetsbrev', 'month'],
    ['Sende ut 1 nyhendebrev månadleg', 1, 'nyhendebrev', 'month'],
    ['Verve 3 medlemmer i måneden', 3, 'medlemmer', 'month'],
    ['Verve 2 medlemmer pr mnd', 2, 'medlemmer', 'month'],
    ['Besøke 1 arbeidsplass hver måned', 1, 'arbeidsplass', 'month'],
    ['Ha ett møte med ledelsen hvert kvartal', 4, 'møte', 'year'],
    ['Ha to møter hvert kvartal', 8, 'møter', 'year'],
    ['Halde eitt styremøte kvart kvartal', 4, 'styremøte', 'year'],
    ['Holde to kurs hvert halvår', 4, 'kurs', 'year'],
    ['Skipe ei samling kvart halvår', 2, 'samling', 'year'],
    ['Ha ett møte med ungdomsutvalget annenhver måned', 6, 'møte', 'year'],
    ['Samle tillitsvalde to gonger i halvåret', 4, 'gonger', 'year'],
    ['Verve 40 medlemmer i perioden 2026–2027', 40, 'medlemmer', null],
  ])('%s', (text, value, unit, per) => {
    expect(extractMeasure(text)).toEqual({ value, unit, per });
  });
});

describe('extractMeasure: the thing counted and the target among several numbers', () => {
  it.each<Row>([
    ['Møte de hovedtillitsvalgte to ganger pr år', 2, 'ganger', 'year'],
    ['Besøke medlemmer på sykehjemmene to ganger i året', 2, 'ganger', 'year'],
    ['Treffe leiarar og tillitsvalde fire gonger i året', 4, 'gonger', 'year'],
    ['Øke fra 40 til 60 medlemmer', 60, 'medlemmer', null],
    ['Gå fra 40 medlemmer til 60', 60, 'medlemmer', null],
    ['Auke talet på medlemmar frå 200 til 250', 250, 'medlemmar', null],
    ['I dag har vi 12 tillitsvalgte, målet er 15 tillitsvalgte', 15, 'tillitsvalgte', null],
    ['Verve 10 medlemmer under 30 år', 10, 'medlemmer', null],
    ['Øke antallet verneombud i barnehagene til 25', 25, 'verneombud', null],
    ['Auke talet på aktive tillitsvalde med minst 8', 8, 'tillitsvalde', null],
    ['Arrangere tre temamøter for pensjonister og uføre hvert år', 3, 'temamøter', 'year'],
    ['Holde to fagkurs for helsefagarbeidere over 50 år i året', 2, 'fagkurs', 'year'],
  ])('%s', (text, value, unit, per) => {
    expect(extractMeasure(text)).toEqual({ value, unit, per });
  });

  it.each([
    'Delta i 2026 og 2027 på alle konferanser',
    'Fagforbundet 1 skal delta i 1. mai-toget',
    'Følge opp punkt 3 i avtalen',
    'Styremøtene starter kl. 18',
    'Medlemsmøtet holdes 18.30 på Folkets hus',
    'Ta i bruk KL*AR og Org365',
    'Rekruttere unge under 30 år',
    '3.2 Lokale mål for verving',
    '1) Verve medlemmer',
    '2 Verve flere medlemmer',
    'Gå gjennom de tre partenes rolle',
    'Møtene holdes fra 18 til 20',
    'Alle over 62 år skal få tilbud om pensjonskurs',
    'Tre av fire medlemmer skal kjenne sin tillitsvalgte',
    'Vi skal jobbe for at en av tre nyansatte blir medlem',
    'Kontakte alle nyansatte innen to uker etter oppstart',
    'Ringe medlemmer som har vore sjukmelde i meir enn seks veker',
    'Besøke alle barnehager med flere enn tjue ansatte',
    'Prioritere arbeidsplassar med færre enn 10 medlemmar',
  ])('no measure: %s', (text) => {
    expect(extractMeasure(text)).toBeUndefined();
  });
});

describe('extractDue: deadlines in words', () => {
  it.each([
    ['Alle klubber skal ha valgt leder innen utgangen av 2026', '2026-12'],
    ['Alle klubbar skal ha vald leiar innan utgangen av 2026', '2026-12'],
    ['Ha en rekrutteringsplan klar innen 2027', '2027-12'],
    ['Lage ein plan innan 2027', '2027-12'],
    ['Kartlegge deltid innen juni 2027', '2027-06'],
    ['Velge verneombud innen 1. mars 2026', '2026-03-01'],
    ['Kurse alle i løpet av våren 2027', '2027-06'],
    ['Kurse alle innen våren 2027', '2027-06'],
    ['Gjennomføre kurs for tillitsvalgte våren 2027', '2027-06'],
    ['Ferdigstille planen innen sommeren 2027', '2027-06'],
    ['Ferdigstille planen innan sumaren 2027', '2027-06'],
    ['Gjennomføre kartlegginga i løpet av sommaren 2026', '2026-08'],
    ['Holde stand på alle skoler i løpet av høsten 2026', '2026-12'],
    ['Halde stand innan hausten 2026', '2026-12'],
    ['Ferdig med kartleggingen første halvår 2027', '2027-06'],
    ['Evaluere tiltaket andre halvår 2026', '2026-12'],
    ['Evaluere tiltaket i fyrste halvår 2027', '2027-06'],
    ['Ha avtalen på plass innen årsskiftet 2026/2027', '2026-12'],
    ['Ved utgangen av 2026 skal alle ha tatt kurset', '2026-12'],
    ['Søke midler før 1. mars 2026', '2026-03-01'],
    ['Levere rapport seinast 1. februar 2027', '2027-02-01'],
  ])('%s', (text, due) => {
    expect(extractDue(text)).toBe(due);
  });

  it.each([
    'Ha avtalen på plass innen årsskiftet',
    'Legge fram saken innen årsmøtet 2027',
    'Handlingsplanen gjelder for 2026–2027',
    'Verve medlemmer i løpet av perioden',
    'Verve medlemmer i løpet av 2026–2027',
    'Verve medlemmer i løpet av 2026 og 2027',
    'Fra våren 2026 skal vi ha faste medlemsmøter',
    'Frå hausten 2026 skal vi ha faste medlemsmøte',
    'Søke midler før 2027',
    'Kartlegge deltid innen mars',
    'I 2027 skal vi ha valg',
    'Holde fire medlemsmøter i året',
  ])('no deadline: %s', (text) => {
    expect(extractDue(text)).toBeUndefined();
  });
});
