/**
 * Metamorphic tests of the importer: one plan, described as data, rendered in different layouts
 * (Word headings, two- and three-column Word tables, a paged PDF of the table, the table flattened to
 * text, areas reordered, unnumbered or renumbered) must import to the same draft: the same areas,
 * national goals per area and local goals with their area, national goal, measure and deadline.
 * The expected draft is the plan's data itself (helpers/render-plan.ts builds the documents
 * independently of the importer).
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { importPlan, type PlanDraft } from '../../src/import/index.ts';
import { renderings, type PlanSpec, type SpecGoal } from './helpers/render-plan.ts';

const NB: PlanSpec = {
  union: 'Fagforbundet Granvik',
  language: 'nb',
  areas: [
    {
      title: 'Tariffmakt og organisasjonsbygging',
      strategies: ['Bygge velfungerende klubber, med godt skolerte tillitsvalgte'],
      nationalGoals: [
        {
          text: 'Øke organisasjonsgraden i kommunal sektor og i Spekter helse',
          goals: [
            { text: 'Verve minst 50 nye medlemmer i helse og omsorg i perioden', measure: { value: 50, unit: 'medlemmer', per: null } },
            { text: 'Gjennomføre vervekampanje på alle sykehjem hver høst' },
          ],
        },
        {
          text: 'Øke tallet på yrkesaktive medlemmer med 1,5 prosent årlig',
          goals: [{ text: 'Holde tre kurs for nye tillitsvalgte per år', measure: { value: 3, unit: 'kurs', per: 'year' } }],
        },
        {
          text: 'Øke tillitsvalgtdekningen innen private områder',
          goals: [{ text: 'Ha plasstillitsvalgt i alle private barnehager innen utgangen av 2026', due: '2026-12' }],
        },
      ],
    },
    {
      title: 'Heltid, likelønn og kampen for mindre forskjeller',
      strategies: ['Bruke partssamarbeidet for å få til flere hele stillinger'],
      nationalGoals: [
        {
          text: 'Redusere bruken av deltid, og sørge for at flere av Fagforbundets medlemmer har hele, faste stillinger',
          goals: [
            { text: 'Kreve drøftingsmøte om deltid med kommunen to ganger i året', measure: { value: 2, unit: 'ganger', per: 'year' } },
            { text: 'Andelen heltidsansatte i helse og omsorg skal øke til 60 prosent', measure: { value: 60, unit: 'prosent', per: null } },
          ],
        },
        {
          text: 'Forbedre og trygge medlemmenes pensjonsrettigheter',
          goals: [{ text: 'Holde pensjonskurs for medlemmer over 55 år innen 1. oktober 2026', due: '2026-10-01' }],
        },
      ],
    },
    {
      title: 'Digitalisering',
      strategies: [],
      nationalGoals: [
        {
          text: 'Tillitsvalgte bruker digitale verktøy i oppfølging av medlemmene',
          goals: [
            { text: 'Alle tillitsvalgte bruker KL*AR-plattformen' },
            { text: 'Gi opplæring i medlemsregisteret til alle nye tillitsvalgte innen mars 2027', due: '2027-03' },
          ],
        },
      ],
    },
  ],
  own: {
    heading: 'Fagforbundet Granvik skal i løpet av 2026–27:',
    goals: [
      { text: 'Holde seks medlemsmøter i året', measure: { value: 6, unit: 'medlemsmøter', per: 'year' } },
      { text: 'Sende ut nyhetsbrev til medlemmene hver måned' },
    ],
  },
};

const NN: PlanSpec = {
  union: 'Fagforbundet Sjøbotn',
  language: 'nn',
  areas: [
    {
      title: 'Eit trygt og inkluderande arbeidsliv',
      strategies: ['Sikre medlemmane våre full løn under sjukdom'],
      nationalGoals: [
        {
          text: 'Sjukelønnsordninga står sterkt i perioden',
          goals: [{ text: 'Informere om sjukelønnsordninga på eitt medlemsmøte i året', measure: { value: 1, unit: 'medlemsmøte', per: 'year' } }],
        },
        {
          text: 'Sikre yrkesskadedekning i alle tariffområda våre',
          goals: [
            { text: 'Kartleggje yrkesskadedekninga hos dei private arbeidsgivarane innan juni 2026', due: '2026-06' },
            { text: 'Setje av kr 10 000 til kurs for verneomboda', measure: { value: 10000, unit: 'kr', per: null } },
          ],
        },
      ],
    },
    {
      title: 'Gode offentlege tenester med eigne tilsette',
      strategies: [],
      nationalGoals: [
        {
          text: 'Styring og leiing i offentleg sektor byggjer på tillit og partssamarbeid',
          goals: [
            { text: 'Hovudtillitsvald skal ha faste møte med kommunedirektøren' },
            { text: 'Krevje at kommunen lagar ein plan for tillitsbasert leiing innan utgangen av 2027', due: '2027-12' },
          ],
        },
      ],
    },
    {
      title: 'Tariffmakt og organisasjonsbygging',
      strategies: ['Byggje velfungerande klubbar, med godt skolerte tillitsvalde'],
      nationalGoals: [
        {
          text: 'Auke organisasjonsgraden i kommunal sektor og i Spekter helse',
          goals: [{ text: 'Verve 30 nye medlemmar på sjukehuset i perioden', measure: { value: 30, unit: 'medlemmar', per: null } }],
        },
        {
          text: 'Auke tillitsvaldsdekninga innan private område',
          goals: [{ text: 'Få vald tillitsvald i alle private barnehagar' }],
        },
      ],
    },
  ],
  own: {
    heading: 'Fagforbundet Sjøbotn skal i løpet av 2026–27:',
    goals: [
      { text: 'Halde fire medlemsmøte kvar månad', measure: { value: 4, unit: 'medlemsmøte', per: 'month' } },
      { text: 'Leggje fram rapport om handlingsplanen på årsmøtet' },
    ],
  },
};

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/gu, ' ').replace(/:$/, '').trim().toLowerCase();

interface GoalKey {
  readonly area: string;
  readonly nationalGoal: string;
  readonly text: string;
  readonly measure: string;
  readonly due: string;
}

const measureKey = (m: SpecGoal['measure'] | null | undefined): string => (m ? `${m.value} ${norm(m.unit)} ${m.per ?? '-'}` : '');

const byText = (a: GoalKey, b: GoalKey): number => (a.area + a.text).localeCompare(b.area + b.text);

/** The draft reduced to what every rendering must agree on. */
function summary(draft: PlanDraft, reordered: boolean) {
  const areas = draft.areas.map((a) => norm(a.title));
  const goals: GoalKey[] = draft.areas.flatMap((a) =>
    a.localGoals.map((g) => ({
      area: norm(a.title),
      nationalGoal: norm(g.nationalGoal),
      text: norm(g.text),
      measure: measureKey(g.measure),
      due: g.due ?? '',
    })),
  );
  return {
    union: draft.union,
    language: draft.language,
    areas: reordered ? [...areas].sort() : areas,
    nationalGoals: Object.fromEntries(draft.areas.map((a) => [norm(a.title), a.nationalGoals.map(norm)])),
    goals: [...goals].sort(byText),
  };
}

function expected(spec: PlanSpec, reordered: boolean) {
  const own = norm(spec.own.heading);
  const areas = [...spec.areas.map((a) => norm(a.title)), own];
  const goals: GoalKey[] = [
    ...spec.areas.flatMap((a) =>
      a.nationalGoals.flatMap((n) =>
        n.goals.map((g) => ({ area: norm(a.title), nationalGoal: norm(n.text), text: norm(g.text), measure: measureKey(g.measure), due: g.due ?? '' })),
      ),
    ),
    ...spec.own.goals.map((g) => ({ area: own, nationalGoal: '', text: norm(g.text), measure: measureKey(g.measure), due: g.due ?? '' })),
  ];
  return {
    union: spec.union,
    language: spec.language,
    areas: reordered ? [...areas].sort() : areas,
    nationalGoals: Object.fromEntries([...spec.areas.map((a) => [norm(a.title), a.nationalGoals.map((n) => norm(n.text))]), [own, []]]),
    goals: [...goals].sort(byText),
  };
}

for (const spec of [NB, NN]) {
  describe(`${spec.union} (${spec.language}): every layout imports to the same draft`, async () => {
    const all = await renderings(spec);
    it('the paged PDF of the table runs over more than one page', async () => {
      const pdf = all.find((r) => r.fileName.endsWith('.pdf'));
      expect(pdf).toBeDefined();
      expect((await PDFDocument.load(pdf?.bytes ?? new Uint8Array())).getPageCount()).toBeGreaterThan(1);
    });
    for (const r of all) {
      it(r.name, async () => {
        const draft = await importPlan(r.bytes.slice(), r.fileName);
        expect(summary(draft, r.reordered)).toEqual(expected(spec, r.reordered));
      });
    }
  });
}
