/**
 * Fagforbundet's national Strategiplan 2026–2027: the six priority areas with their national goals
 * and strategies, in bokmål and nynorsk. Used by the importer as a reference to recognise areas,
 * national goal lists and strategy lists, and by the app to let a board start a plan from scratch.
 */

export type TemplateLanguage = 'nb' | 'nn';

export interface TemplateArea {
  readonly number: number;
  readonly title: string;
  readonly nationalGoals: readonly string[];
  readonly strategies: readonly string[];
}

export type NationalTemplate = Readonly<Record<TemplateLanguage, readonly TemplateArea[]>>;

export const NATIONAL_PERIOD = { from: 2026, to: 2027 } as const;

const NB: readonly TemplateArea[] = [
  {
    number: 1,
    title: 'Tariffmakt og organisasjonsbygging',
    nationalGoals: [
      'Øke organisasjonsgraden i kommunal sektor og i Spekter helse',
      'Øke tallet på yrkesaktive medlemmer med 1,5 prosent årlig',
      'Øke tillitsvalgtdekningen innen private områder',
    ],
    strategies: [
      'Bygge velfungerende klubber, med godt skolerte tillitsvalgte',
      'Prioritere verveinnsatsen på områder der den gir størst effekt, som i kommunal sektor og i Spekter helse',
      'Sørge for at rekruttering av nye medlemmer fortrinnsvis skjer på arbeidsplassen',
      'Tett oppfølging av unge medlemmer i overgangen fra elev/student/lærling til yrkesaktivt medlem',
      'Fagforbundet skal være synlig under hele utdanningsløpet',
    ],
  },
  {
    number: 2,
    title: 'Heltid, likelønn og kampen for mindre forskjeller',
    nationalGoals: [
      'Flere arbeidsgivere, særlig innen helse og omsorg, har startet arbeidet med å etablere en heltidskultur',
      'Redusere bruken av deltid, og sørge for at flere av Fagforbundets medlemmer har hele, faste stillinger',
      'Redusere lønnsforskjeller gjennom å løfte hele laget',
      'Forbedre og trygge medlemmenes pensjonsrettigheter',
    ],
    strategies: [
      'Bruke partssamarbeidet for å få til flere hele stillinger',
      'Videreføre og forsterke arbeidet med å fjerne kjønnsbaserte lønnsforskjeller',
      'Tariffeste kjønnsnøytrale og livsvarige pensjonsordninger i privat sektor',
    ],
  },
  {
    number: 3,
    title: 'Gode offentlige tjenester med egne ansatte',
    nationalGoals: [
      'Offentlig finansierte tjenester konkurranseutsettes ikke, og en større andel av tjenestene i kommuner, fylkeskommuner og helseforetak drives med egne ansatte',
      'Konkurranseutsetting, privatisering og sosial dumping bekjempes gjennom kunnskap, kartlegging, skolering og påvirkningsarbeid',
      'Styring og ledelse i offentlig sektor bygger på tillit og partssamarbeid',
    ],
    strategies: [
      'Synliggjøre fordelene og mulighetene ved offentlig eierskap og drift i egen regi',
      'Synliggjøre kostnader og ulemper ved konkurranseutsetting og privatisering, og sammenhengene mellom konkurranseutsetting, sosial dumping og større forskjeller i samfunnet',
      'Være pådriver til vedtak om tillitsbasert styring og ledelse og partssamarbeid i stat, kommuner og fylkeskommuner',
    ],
  },
  {
    number: 4,
    title: 'Et trygt og inkluderende arbeidsliv',
    nationalGoals: [
      'Sykelønnsordningen står sterkt i perioden',
      'Arbeidstidsutviklingen går i helsefremmende retning, og støtter opp om et godt arbeidsmiljø',
      'Endre rettsutviklingen som har etablert seg, om at ansatte med redusert arbeidsevne som ikke kan fylle sin 100 % stilling, kan sies opp',
      'Sikre yrkesskadedekning i alle våre tariffområder',
      'Det er framforhandlet ny IA-avtale i alle våre tariffområder, og Fagforbundets viktigste saker er ivaretatt',
    ],
    strategies: [
      'Danne brede allianser med organisasjoner og partier som støtter vår politikk',
      'Informere om hvordan svekkede vilkår for sykelønn vil ramme arbeidstakere og samfunnet som helhet',
      'Sikre medlemmene våre full lønn under sykdom',
    ],
  },
  {
    number: 5,
    title: 'Alliansebygging, myndighetskontakt og fagligpolitisk påvirkning',
    nationalGoals: [
      'Fagforbundets medlemmer bruker stemmeretten i kommune- og fylkestingsvalget, samt kirkevalget i 2027',
      'Tallet på lokale samarbeidsavtaler med politiske partier skal økes',
      'Flere læreplasser og utdanninger som er tilpasset samfunnets behov',
    ],
    strategies: [
      'Fagforeninger og fylker arbeider opp mot partienes programprosess',
      'Løfte fagligpolitiske kandidater på partienes nominasjonsmøter',
      'Bygge allianser for å sikre størst mulig gjennomslag for Fagforbundets kjernesaker',
      'Samarbeide med utdanningsinstitusjoner, arbeidsgivere og politiske aktører om gode utdanninger og rett til livslang læring',
    ],
  },
  {
    number: 6,
    title: 'Digitalisering',
    nationalGoals: [
      'Tillitsvalgte forstår digitale verktøy og er i stand til å påvirke gjennom partssamarbeid',
      'Tillitsvalgte bruker digitale verktøy i oppfølging av medlemmene',
      'Tillitsvalgte og medlemmer er trygge i digitale omstillingsprosesser på arbeidsplassen',
      'KI tas først i bruk i offentlig sektor når det foreligger klare og definerte rammer for hvordan dette kan lette arbeidet, samtidig som man ivaretar fagkompetanse og kvalitet',
    ],
    strategies: [
      'Bidra til å motvirke digitalt utenforskap',
      'Sørge for at digitale løsninger er integrert i partssamarbeidet',
      'Målrette den digitale kompetansen hos tillitsvalgte mot systemer som forbundet bruker',
    ],
  },
];

const NN: readonly TemplateArea[] = [
  {
    number: 1,
    title: 'Tariffmakt og organisasjonsbygging',
    nationalGoals: [
      'Auke organisasjonsgraden i kommunal sektor og i Spekter helse',
      'Auke talet på yrkesaktive medlemmar med 1,5 prosent årleg',
      'Auke tillitsvaldsdekninga innan private område',
    ],
    strategies: [
      'Byggje velfungerande klubbar, med godt skolerte tillitsvalde',
      'Prioritere verveinnsatsen der han gir størst effekt, som i kommunal sektor og i Spekter helse',
      'Sørgje for at rekruttering av nye medlemmar hovudsakleg skjer på arbeidsplassen',
      'Tett oppfølging av unge medlemmar i overgangen frå elev/student/lærling til yrkesaktivt medlem',
      'Fagforbundet skal vere synleg gjennom heile utdanningsløpet',
    ],
  },
  {
    number: 2,
    title: 'Heiltid, likeløn og kampen for mindre forskjellar',
    nationalGoals: [
      'Fleire arbeidsgivarar, særleg innan helse og omsorg, har starta arbeidet med å etablere ein heiltidskultur',
      'Redusere bruken av deltid og sørgje for at fleire av Fagforbundet sine medlemmar har heile, faste stillingar',
      'Redusere lønnsskilnader gjennom å løfte heile laget',
      'Forbetre og tryggje pensjonsrettane til medlemmane',
    ],
    strategies: [
      'Bruke partssamarbeidet for å få til fleire heile stillingar',
      'Vidareføre og forsterke arbeidet med å fjerne kjønnsbaserte lønsskilnader',
      'Tariffeste kjønnsnøytrale og livsvarige pensjonsordningar i privat sektor',
    ],
  },
  {
    number: 3,
    title: 'Gode offentlege tenester med eigne tilsette',
    nationalGoals: [
      'Offentleg finansierte tenester blir ikkje konkurranseutsette, og ein større del av tenestene i kommunar, fylkeskommunar og helseføretak blir drivne med eigne tilsette',
      'Konkurranseutsetjing, privatisering og sosial dumping blir motarbeidd gjennom kunnskap, kartlegging, skolering og påverknadsarbeid',
      'Styring og leiing i offentleg sektor byggjer på tillit og partssamarbeid',
    ],
    strategies: [
      'Synleggjere fordelane og moglegheitene ved offentleg eigarskap og drift i eiga regi',
      'Synleggjere kostnader og ulemper ved konkurranseutsetjing og privatisering, og samanhengen mellom konkurranseutsetjing, sosial dumping og aukande skilnader i samfunnet',
      'Vere pådrivar til vedtak om tillitsbasert styring og leiing, og partssamarbeid i stat, kommunar og fylkeskommunar',
    ],
  },
  {
    number: 4,
    title: 'Eit trygt og inkluderande arbeidsliv',
    nationalGoals: [
      'Sjukelønnsordninga står sterkt i perioden',
      'Utviklinga i arbeidstid går i ei helsefremjande retning og støttar opp om eit godt arbeidsmiljø',
      'Endre rettsutviklinga som har etablert seg, der tilsette med redusert arbeidsevne som ikkje kan fylle si 100 % stilling, kan seiast opp',
      'Sikre yrkesskadedekning i alle tariffområda våre',
      'Det er forhandla fram ny IA-avtale i alle tariffområda våre, og dei viktigaste sakene til Fagforbundet er tekne vare på',
    ],
    strategies: [
      'Danne breie alliansar med organisasjonar og parti som støttar politikken vår',
      'Informere om korleis svekte vilkår for sjukeløn vil råke arbeidstakarar og samfunnet som heilskap',
      'Sikre medlemmane våre full løn under sjukdom',
    ],
  },
  {
    number: 5,
    title: 'Alliansebygging, myndigheitskontakt og fagleg-politisk påverknad',
    nationalGoals: [
      'Medlemmane i Fagforbundet brukar stemmeretten i kommune- og fylkestingsvalet, samt kyrkjevalet i 2027',
      'Talet på lokale samarbeidsavtalar med politiske parti skal aukast',
      'Fleire læreplassar og utdanningar som er tilpassa behova i samfunnet',
    ],
    strategies: [
      'Fagforeiningar og fylke arbeider opp mot programprosessane til partia',
      'Løfte fagleg-politiske kandidatar på nominasjonsmøta til partia',
      'Byggje alliansar for å sikre størst mogleg gjennomslag for kjernesakene til Fagforbundet',
      'Samarbeide med utdanningsinstitusjonar, arbeidsgivarar og politiske aktørar om gode utdanningar og rett til livslang læring',
    ],
  },
  {
    number: 6,
    title: 'Digitalisering',
    nationalGoals: [
      'Tillitsvalde forstår digitale verktøy og er i stand til å påverke gjennom partssamarbeidet',
      'Tillitsvalde brukar digitale verktøy i oppfølginga av medlemmane',
      'Tillitsvalde og medlemmar er trygge i digitale omstillingsprosessar på arbeidsplassen',
      'KI blir først teken i bruk i offentleg sektor når det ligg føre klare og definerte rammer for korleis dette kan lette arbeidet, samstundes som ein tek vare på fagkompetanse og kvalitet',
    ],
    strategies: [
      'Bidra til å motverke digitalt utanforskap',
      'Sørgje for at digitale løysingar er integrerte i partssamarbeidet',
      'Målrette den digitale kompetansen hos tillitsvalde mot system som forbundet nyttar',
    ],
  },
];

export const NATIONAL_TEMPLATE: NationalTemplate = { nb: NB, nn: NN };

/** The template areas in both languages, paired by number. */
export function templateAreaPairs(): ReadonlyArray<readonly [TemplateArea, TemplateArea]> {
  return NB.map((nb, i) => [nb, NN[i] ?? nb] as const);
}
