/**
 * Course pack 3: "Kiinni työelämässä jatkuvan oppimisen avulla", one of the AuroraAI programme's
 * three original life events (never built in the programme).
 *
 * Real data: the AuroraAI labelling sheet's services for adults who study to stay in or return to
 * working life (career guidance, labour-market training, adult education allowance, self-motivated
 * studies on unemployment benefit, vocational and adult upper secondary education, adult education
 * centres in Oulu, Mikkeli, Turku and Tampere), imported unchanged with the services-table import,
 * with the sheet's 3X10D marks; the PTV general description of apprenticeship training
 * (oppisopimuskoulutus) through the PTV import. Hand-entered (tagged): the life event, needs,
 * personas, organisations and links, and the cleared "EI MUKAAN" marks (listed in the provenance).
 */
import type { CoursePack } from '../../../shared/course/types';
import type { EntityInput, LinkInput } from '../../../shared/model';
import { assemblePack, buildBase, link, type ExerciseSource, type Text } from '../lib';

const T = (fi: string, sv: string, en: string): Text => ({ fi, sv, en });

export const PACK_ID = 'jatkuva-oppiminen';
const LE = 'le-jatkuva-oppiminen';

const S = {
  aikuiskoulutustuki: 'srv-b2b3e82e-0919-4bbd-b7f7-97e61d967a07',
  omaehtoinen: 'srv-598f8e56-d437-4173-b1f7-2a5912f4510a',
  tyovoimakoulutus: 'srv-0f43cc47-de92-4f1e-b3a8-b3524b32cb92',
  uraohjaus: 'srv-67384a79-8541-4c1e-b78e-bec4c57a8f6b',
  koulutusneuvonta: 'srv-f3a9e069-40b8-4415-857b-1b091a079eb8',
  hakuAmmatilliseen: 'srv-6b71a1c5-1270-4247-bcd7-cb921e11284b',
  kelaTyottomat: 'srv-8c6e25e9-e186-49fd-852c-f6f168d1351f',
  ammattitutkintostipendi: 'srv-73605467-cfee-4d72-8008-47368b3ba1f3',
  koulutuskokeilu: 'srv-2e9cddd0-9f1a-42fd-83ef-02f246bcb139',
  tyovaenopistoTampere: 'srv-0ae42926-579b-4287-b15d-01520d4c021c',
  uravalmennusOulu: 'srv-1a3ac5a1-0629-44ba-ad26-7ecd7d4ea600',
  kansalaisopistoOulu: 'srv-ecae3102-d901-42f9-b2f8-790bfa18b71d',
  aikuislukioOulu: 'srv-8c38573d-7f33-4e5c-8e8d-b29065d396fe',
  ammatillinenOulu: 'srv-fc07b996-2983-4c9b-9f21-327962da9823',
  kansalaisopistoMikkeli: 'srv-e37af729-6099-4e16-b3d6-b9619a8c63d8',
  aikuislukioMikkeli: 'srv-affdc8c0-006b-4cbc-a3a5-474f98490861',
  tyottomienOhjausMikkeli: 'srv-2efc99b2-5158-4cdf-a367-b31d12cad6f8',
  tyovaenopistoTurku: 'srv-20c713a0-397f-4895-b9b9-fba5468030e5',
  ammatillinenTurku: 'srv-858f5857-f08b-4d41-8799-8b329532013e',
} as const;
const GD_OPPISOPIMUS = '3a5e2ffe-a85f-4ad0-b2ef-3c9e546057a7';
const OPPISOPIMUS = `srv-${GD_OPPISOPIMUS}`;

const ORGS: EntityInput[] = [
  { kind: 'organisation', id: 'org-te', name: { fi: 'TE-palvelut', sv: 'TE-tjänsterna', en: 'TE Services (employment services)' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-kela', name: { fi: 'Kansaneläkelaitos (Kela)', sv: 'Folkpensionsanstalten (FPA)', en: 'Social Insurance Institution of Finland (Kela)' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-tyollisyysrahasto', name: { fi: 'Työllisyysrahasto', sv: 'Sysselsättningsfonden', en: 'Employment Fund' }, orgType: 'other' },
  { kind: 'organisation', id: 'org-oulu', name: { fi: 'Oulun kaupunki', sv: 'Uleåborgs stad', en: 'City of Oulu' }, orgType: 'municipality', municipality: '564' },
  { kind: 'organisation', id: 'org-mikkeli', name: { fi: 'Mikkelin kaupunki', sv: 'S:t Michels stad', en: 'City of Mikkeli' }, orgType: 'municipality', municipality: '491' },
  { kind: 'organisation', id: 'org-turku', name: { fi: 'Turun kaupunki', sv: 'Åbo stad', en: 'City of Turku' }, orgType: 'municipality', municipality: '853' },
];

const need = (id: string, name: Text, description: Text, keywords: string[]): EntityInput => ({ kind: 'need', id, name, description, keywords });

const NEEDS: EntityInput[] = [
  need('need-uraohjaus', T('Urasuunnittelu ja ohjaus', 'Karriärplanering och vägledning', 'Career planning and guidance'), T('Mitä osaan, mihin ammattiin voisin vaihtaa ja mitä koulutusta se vaatii.', 'Vad jag kan, till vilket yrke jag kunde byta och vilken utbildning det kräver.', 'What I can do, which occupation I could switch to and what training it takes.'), ['uraohjaus', 'urasuunnittelu', 'ammatinvalinta']),
  need('need-tutkinto', T('Uuden ammatin tai tutkinnon opiskelu', 'Att studera för ett nytt yrke eller en examen', 'Studying for a new occupation or degree'), T('Tutkintoon johtava koulutus aikuisena: ammatillinen koulutus, oppisopimus tai lukio.', 'Examensinriktad utbildning som vuxen: yrkesutbildning, läroavtal eller gymnasium.', 'Degree-oriented education as an adult: vocational education, apprenticeship or upper secondary school.'), ['ammatillinen koulutus', 'tutkinto', 'oppisopimus']),
  need('need-rahoitus', T('Toimeentulo opiskelun aikana', 'Utkomst under studierna', 'Income while studying'), T('Miten aikuinen elää opiskelun aikana: aikuiskoulutustuki, työttömyysetuus opiskeluun, stipendit.', 'Hur en vuxen klarar sig under studierna: vuxenutbildningsstöd, arbetslöshetsförmån för studier, stipendier.', 'How an adult lives while studying: adult education allowance, unemployment benefit for studies, grants.'), ['aikuiskoulutustuki', 'opiskelu työttömyysetuudella']),
  need('need-kurssit', T('Lyhyet kurssit ja täydennyskoulutus', 'Korta kurser och fortbildning', 'Short courses and further training'), T('Digitaidot, kielet ja muut taidot, joita nykyinen työ vaatii.', 'Digitala färdigheter, språk och andra färdigheter som det nuvarande arbetet kräver.', 'Digital skills, languages and other skills the current job requires.'), ['täydennyskoulutus', 'kurssit', 'työväenopisto', 'kansalaisopisto']),
];

const PERSONAS: EntityInput[] = [
  {
    kind: 'persona',
    id: 'persona-mikkeli-45-tehdas',
    name: { fi: '45-vuotias mikkeliläinen, tehdas lopettaa', sv: '45-åring i S:t Michel vars fabrik läggs ned', en: '45-year-old in Mikkeli whose factory is closing' },
    description: { fi: 'Keksitty tyyppihenkilö: ollut 20 vuotta prosessinhoitajana, irtisanotaan puolen vuoden kuluttua.', sv: 'Påhittad typperson: har arbetat 20 år som processoperatör och sägs upp om ett halvt år.', en: 'Made-up typical person: 20 years as a process operator, to be dismissed in six months.' },
    ageMin: 44,
    ageMax: 46,
    municipality: '491',
    language: 'fi',
    meters: { health: 7, resilience: 5, housing: 7, working_studying: 3, family: 6, friends: 6, finance: 4, improvement_of_strengths: 4, self_esteem: 5, life_satisfaction: 5 },
    peoplePerYear: 250,
    tags: ['synteettinen'],
  },
  {
    kind: 'persona',
    id: 'persona-oulu-38-lahihoitaja',
    name: { fi: '38-vuotias oululainen lähihoitaja, haluaa sairaanhoitajaksi', sv: '38-årig närvårdare i Uleåborg som vill bli sjukskötare', en: '38-year-old practical nurse in Oulu who wants to become a registered nurse' },
    description: { fi: 'Keksitty tyyppihenkilö: vakituinen työ, kaksi lasta, ei varaa jäädä palkattomalle opintovapaalle.', sv: 'Påhittad typperson: fast jobb, två barn, har inte råd med obetald studieledighet.', en: 'Made-up typical person: permanent job, two children, cannot afford unpaid study leave.' },
    ageMin: 37,
    ageMax: 39,
    municipality: '564',
    language: 'fi',
    meters: { health: 6, resilience: 6, housing: 7, working_studying: 6, family: 7, friends: 6, finance: 4, improvement_of_strengths: 3, self_esteem: 6, life_satisfaction: 6 },
    peoplePerYear: 400,
    tags: ['synteettinen'],
  },
  {
    kind: 'persona',
    id: 'persona-turku-58-sv-digi',
    name: { fi: '58-vuotias ruotsinkielinen turkulainen, digitaidot vanhentuneet', sv: '58-årig svenskspråkig i Åbo vars digitala färdigheter föråldrats', en: '58-year-old Swedish-speaker in Turku whose digital skills are out of date' },
    description: { fi: 'Keksitty tyyppihenkilö: toimistotyöntekijä, työpaikalla otetaan käyttöön uusia järjestelmiä.', sv: 'Påhittad typperson: kontorsanställd, arbetsplatsen tar i bruk nya system.', en: 'Made-up typical person: office worker; the workplace is introducing new systems.' },
    ageMin: 57,
    ageMax: 59,
    municipality: '853',
    language: 'sv',
    meters: { health: 7, resilience: 6, housing: 8, working_studying: 5, family: 7, friends: 7, finance: 7, improvement_of_strengths: 4, self_esteem: 5, life_satisfaction: 6 },
    peoplePerYear: 300,
    tags: ['synteettinen'],
  },
];

const HAND_LINKS: LinkInput[] = [
  ...NEEDS.map((n) => link('hasNeed', LE, n.id)),
  link('personaNeed', 'persona-mikkeli-45-tehdas', 'need-uraohjaus', { importance: 5 }),
  link('personaNeed', 'persona-mikkeli-45-tehdas', 'need-tutkinto', { importance: 4 }),
  link('personaNeed', 'persona-mikkeli-45-tehdas', 'need-rahoitus', { importance: 5 }),
  link('personaNeed', 'persona-oulu-38-lahihoitaja', 'need-tutkinto', { importance: 5 }),
  link('personaNeed', 'persona-oulu-38-lahihoitaja', 'need-rahoitus', { importance: 3 }),
  link('personaNeed', 'persona-turku-58-sv-digi', 'need-kurssit', { importance: 5 }),
  link('personaNeed', 'persona-turku-58-sv-digi', 'need-uraohjaus', { importance: 2 }),
  // Which service meets which need: read from each service's own name and summary.
  link('addresses', S.uraohjaus, 'need-uraohjaus', { evidence: 'käsin: palvelun nimi "Ammatinvalinta- ja uraohjaus"' }),
  link('addresses', S.koulutusneuvonta, 'need-uraohjaus', { evidence: 'käsin: tiivistelmä "koulutukseen hakeutumisesta"' }),
  link('addresses', S.uravalmennusOulu, 'need-uraohjaus', { evidence: 'käsin: tiivistelmä "urasuunnittelun ja työnhaun tueksi"' }),
  link('addresses', S.tyovoimakoulutus, 'need-tutkinto', { evidence: 'käsin: tiivistelmä "kehität ja täydennät osaamistasi"' }),
  link('addresses', S.hakuAmmatilliseen, 'need-tutkinto', { evidence: 'käsin: palvelun nimi "Haku ammatilliseen koulutukseen"' }),
  link('addresses', S.ammatillinenTurku, 'need-tutkinto', { evidence: 'käsin: palvelun nimi "Ammatillinen koulutus"' }),
  link('addresses', S.aikuislukioMikkeli, 'need-tutkinto', { evidence: 'käsin: palvelun nimi "Etä- ja aikuislukiokoulutus"' }),
  link('addresses', S.aikuiskoulutustuki, 'need-rahoitus', { evidence: 'käsin: palvelun nimi "Aikuiskoulutustuen hakeminen"' }),
  link('addresses', S.omaehtoinen, 'need-rahoitus', { evidence: 'käsin: palvelun nimi "Omaehtoinen opiskelu työttömyysetuudella"' }),
  link('addresses', S.kansalaisopistoOulu, 'need-kurssit', { evidence: 'käsin: tiivistelmä "yleissivistäviä… aineita"' }),
  link('addresses', S.kansalaisopistoMikkeli, 'need-kurssit', { evidence: 'käsin: palvelun nimi "Mikkelin kansalaisopisto"' }),
  link('addresses', S.tyovaenopistoTampere, 'need-kurssit', { evidence: 'käsin: palvelun nimi "Tampereen seudun työväenopisto"' }),
  ...[...Object.values(S), OPPISOPIMUS].map((s) => link('inLifeEvent', s, LE)),
  link('provides', 'org-te', S.uraohjaus, { role: 'responsible' }),
  link('provides', 'org-te', S.koulutusneuvonta, { role: 'responsible' }),
  link('provides', 'org-te', S.tyovoimakoulutus, { role: 'responsible' }),
  link('provides', 'org-te', S.omaehtoinen, { role: 'responsible' }),
  link('provides', 'org-tyollisyysrahasto', S.aikuiskoulutustuki, { role: 'responsible' }),
  link('provides', 'org-tyollisyysrahasto', S.ammattitutkintostipendi, { role: 'responsible' }),
  link('provides', 'org-kela', S.kelaTyottomat, { role: 'responsible' }),
  link('provides', 'org-oulu', S.uravalmennusOulu, { role: 'responsible' }),
  link('provides', 'org-oulu', S.kansalaisopistoOulu, { role: 'responsible' }),
  link('provides', 'org-oulu', S.aikuislukioOulu, { role: 'responsible' }),
  link('provides', 'org-mikkeli', S.kansalaisopistoMikkeli, { role: 'responsible' }),
  link('provides', 'org-mikkeli', S.aikuislukioMikkeli, { role: 'responsible' }),
  link('provides', 'org-mikkeli', S.tyottomienOhjausMikkeli, { role: 'responsible' }),
  link('provides', 'org-turku', S.tyovaenopistoTurku, { role: 'responsible' }),
  link('provides', 'org-turku', S.ammatillinenTurku, { role: 'responsible' }),
];

const CLEARED = [S.ammattitutkintostipendi, S.koulutuskokeilu];

const PROVENANCE =
  'Services: the AuroraAI network 3X10D labelling sheet (labels/auroraai-3x10d-labels.csv; vrk-kpa/auroraai-core-components test data, MIT; content PTV open data), imported unchanged with the app’s services-table import, with the sheet’s 3X10D marks; ' +
  'the PTV general description "Oppisopimuskoulutus" (ptv/general-descriptions.json, vrk-kpa/ptv-releases, MIT) through the PTV import. ' +
  'Written by the Kohtaanto course authors (tagged "käsin-syötetty"): the life event "Kiinni työelämässä jatkuvan oppimisen avulla", needs, personas (synthetic), organisations and their provides links (the Employment Fund pays the adult education allowance and the vocational qualification grant), service→need links (each with its evidence). ' +
  'The sheet marked "Ammattitutkintostipendin hakeminen" and "Koulutuskokeilu" "EI MUKAAN" for the youth life event; the authors cleared the mark for this life event (tagged "ei-mukaan-poistettu-käsin"). ' +
  'Where the sheet names no municipality the import takes a service as nationwide (so "Tampereen seudun työväenopisto", on the sheet’s national tab, is nationwide here).';

export async function buildPack(): Promise<CoursePack> {
  const base = await buildBase({
    title: T('Kiinni työelämässä jatkuvan oppimisen avulla', 'Kvar i arbetslivet genom kontinuerligt lärande', 'Staying in working life through continuous learning'),
    description: T(
      'Kurssityötila: palvelut aikuiselle, joka opiskelee pysyäkseen työelämässä tai palatakseen sinne. Palvelut ovat oikeita PTV-palveluja AuroraAI-verkon luokitteluaineistosta ja PTV:n pohjakuvauksista; elämäntapahtuma, tarpeet ja asiakasprofiilit ovat keksittyjä.',
      'Kursarbetsyta: tjänster för en vuxen som studerar för att stanna kvar i eller återvända till arbetslivet. Tjänsterna är verkliga PTV-tjänster ur AuroraAI-nätverkets klassificeringsmaterial och PTV:s grundbeskrivningar; livshändelsen, behoven och kundprofilerna är påhittade.',
      'Course workspace: services for an adult who studies to stay in or return to working life. Services are real PTV services from the AuroraAI labelling data and PTV general descriptions; the life event, needs and personas are made up.',
    ),
    provenance: PROVENANCE,
    labelRows: Object.values(S).map((s) => s.slice(4)),
    generalDescriptions: [GD_OPPISOPIMUS],
    clearExcluded: CLEARED,
    entities: [
      {
        kind: 'lifeEvent',
        id: LE,
        name: { fi: 'Kiinni työelämässä jatkuvan oppimisen avulla', sv: 'Kvar i arbetslivet genom kontinuerligt lärande', en: 'Staying in working life through continuous learning' },
        description: { fi: 'AuroraAI-ohjelman alkuperäinen elämäntapahtuma (ohjelman väliarviointi).', sv: 'En av AuroraAI-programmets ursprungliga livshändelser (programmets halvtidsutvärdering).', en: 'One of the AuroraAI programme’s original life events (the programme’s mid-term evaluation).' },
      },
      ...ORGS,
      ...NEEDS,
      ...PERSONAS,
    ],
    links: HAND_LINKS,
  });

  const exercises: ExerciseSource[] = [
    {
      startWorkspace: { id: 'jatkuva-oppiminen', title: T('Jatkuva oppiminen: lähtötilanne', 'Kontinuerligt lärande: utgångsläge', 'Continuous learning: starting point'), json: base },
      exercise: {
        id: 'e1-asiakasprofiili',
        title: T('Ikääntyvä työntekijä Tampereella', 'En äldre arbetstagare i Tammerfors', 'An older worker in Tampere'),
        instructions: T(
          'Tampereen kaupungin työllisyyspalveluiden edustaja kertoo, että yli 50-vuotiaat jäävät usein ilman täydennyskoulutusta, koska työnantaja ei tarjoa sitä eikä työntekijä tiedä, mistä kysyä. Lisää kartalle asiakasprofiili: 50–64-vuotias työntekijä Tampereella. Yhdistä profiili tarpeisiin "Lyhyet kurssit ja täydennyskoulutus" ja "Urasuunnittelu ja ohjaus".',
          'En representant för Tammerfors stads sysselsättningstjänster berättar att personer över 50 ofta blir utan fortbildning, eftersom arbetsgivaren inte erbjuder den och arbetstagaren inte vet var man kan fråga. Lägg till en kundprofil på kartan: en 50–64-årig arbetstagare i Tammerfors. Koppla profilen till behoven ”Korta kurser och fortbildning” (Lyhyet kurssit ja täydennyskoulutus) och ”Karriärplanering och vägledning” (Urasuunnittelu ja ohjaus).',
          'A representative of the City of Tampere employment services says that people over 50 often go without further training, because the employer does not offer it and the employee does not know where to ask. Add a persona to the map: a worker aged 50–64 in Tampere. Link it to the needs "Short courses and further training" (Lyhyet kurssit ja täydennyskoulutus) and "Career planning and guidance" (Urasuunnittelu ja ohjaus).',
        ),
        hints: [T('Ikähaarukan alaraja vähintään 50, yläraja enintään 64; kunnaksi Tampere.', 'Åldersspannets nedre gräns minst 50, den övre högst 64; kommun Tammerfors.', 'Lower age at least 50, upper at most 64; municipality Tampere.')],
        start: { from: 'workspace', workspace: 'jatkuva-oppiminen' },
        checks: [
          {
            id: 'profiili-tampere-kurssit',
            title: T('50–64-vuotias tamperelainen profiili, joka tarvitsee täydennyskoulutusta', 'En 50–64-årig profil i Tammerfors som behöver fortbildning', 'A persona aged 50–64 in Tampere who needs further training'),
            hint: T('Tarkista profiilin ikä, kunta (Tampere) ja linkki tarpeeseen "Lyhyet kurssit ja täydennyskoulutus".', 'Kontrollera profilens ålder, kommun (Tammerfors) och länken till behovet ”Lyhyet kurssit ja täydennyskoulutus”.', 'Check the persona’s age, municipality (Tampere) and the link to the need "Lyhyet kurssit ja täydennyskoulutus".'),
            rule: { type: 'entityExists', match: { kind: 'persona', ageMin: 50, ageMax: 64, municipality: '837', linkedTo: { id: 'need-kurssit' } } },
          },
          {
            id: 'profiili-tampere-ura',
            title: T('Profiililla on myös urasuunnittelun tarve', 'Profilen har också behovet av karriärplanering', 'The persona also needs career planning'),
            hint: T('Vedä profiilista tarvelinkki tarpeeseen "Urasuunnittelu ja ohjaus".', 'Dra en behovslänk från profilen till behovet ”Urasuunnittelu ja ohjaus”.', 'Draw a need link from the persona to the need "Urasuunnittelu ja ohjaus".'),
            rule: { type: 'linkExists', linkType: 'personaNeed', source: { kind: 'persona', ageMin: 50, ageMax: 64, municipality: '837' }, target: { kind: 'need', nameContains: 'Urasuunnittelu' } },
          },
        ],
      },
      answer: [
        {
          op: 'addEntity',
          entity: {
            kind: 'persona',
            id: 'persona-tampere-56-varasto',
            name: { fi: '56-vuotias tamperelainen varastotyöntekijä', sv: '56-årig lagerarbetare i Tammerfors', en: '56-year-old warehouse worker in Tampere' },
            description: { fi: 'Keksitty tyyppihenkilö (kurssitehtävä): varasto automatisoidaan, työnantaja ei tarjoa koulutusta.', sv: 'Påhittad typperson (kursuppgift): lagret automatiseras, arbetsgivaren erbjuder ingen utbildning.', en: 'Made-up typical person (course exercise): the warehouse is being automated, the employer offers no training.' },
            ageMin: 55,
            ageMax: 57,
            municipality: '837',
            language: 'fi',
            meters: { health: 6, resilience: 5, housing: 7, working_studying: 4, family: 6, friends: 6, finance: 5, improvement_of_strengths: 3, self_esteem: 5, life_satisfaction: 5 },
            peoplePerYear: 350,
            tags: ['synteettinen'],
          },
        },
        { op: 'addLink', link: link('personaNeed', 'persona-tampere-56-varasto', 'need-kurssit', { importance: 5 }) },
        { op: 'addLink', link: link('personaNeed', 'persona-tampere-56-varasto', 'need-uraohjaus', { importance: 4 }) },
      ],
    },
    {
      exercise: {
        id: 'e2-alue',
        title: T('Väärä alue, väärä suositus', 'Fel område, fel rekommendation', 'Wrong area, wrong recommendation'),
        instructions: T(
          'Avaa suosittelija turkulaiselle profiilille "58-vuotias ruotsinkielinen turkulainen, digitaidot vanhentuneet". Ensimmäisenä on Tampereen seudun työväenopisto. Syy on aineistossa: AuroraAI:n luokittelutaulukko listasi palvelun valtakunnallisten palvelujen välilehdellä ilman kuntaa, joten se tuli kartalle valtakunnallisena. Korjaa palvelun alueeksi Tampere. Turun oma työväenopisto on kartalla, mutta sitä ei ole kirjattu vastaamaan mihinkään tarpeeseen: yhdistä se tarpeeseen "Lyhyet kurssit ja täydennyskoulutus".',
          'Öppna rekommenderaren för profilen ”58-årig svenskspråkig i Åbo vars digitala färdigheter föråldrats”. Först kommer Tampereen seudun työväenopisto (arbetarinstitutet i Tammerforsregionen). Orsaken finns i materialet: AuroraAI:s klassificeringstabell listade tjänsten på fliken för nationella tjänster utan kommun, så den kom till kartan som nationell. Ändra tjänstens område till Tammerfors. Åbos eget arbetarinstitut finns på kartan men är inte registrerat som svar på något behov: koppla det till behovet ”Korta kurser och fortbildning” (Lyhyet kurssit ja täydennyskoulutus).',
          'Open the recommender for the persona "58-year-old Swedish-speaker in Turku whose digital skills are out of date". First comes the Tampere region adult education centre (Tampereen seudun työväenopisto). The reason is in the data: the AuroraAI labelling sheet listed the service on its national tab without a municipality, so it came onto the map as nationwide. Change the service’s area to Tampere. Turku’s own adult education centre is on the map but not recorded as meeting any need: link it to the need "Short courses and further training" (Lyhyet kurssit ja täydennyskoulutus).',
        ),
        hints: [T('Palvelun alue muutetaan palvelun lomakkeella: aluetyypiksi rajattu ja kunnaksi Tampere.', 'Tjänstens område ändras i tjänstens formulär: områdestyp begränsad och kommun Tammerfors.', 'Change the area in the service form: area type limited, municipality Tampere.')],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'turku-opisto-linkki',
            title: T('Turun työväenopisto vastaa täydennyskoulutuksen tarpeeseen', 'Åbo arbetarinstitut svarar mot behovet av fortbildning', 'Turku’s adult education centre meets the further-training need'),
            hint: T('Vedä linkki palvelusta "Turun suomenkielinen työväenopisto" tarpeeseen "Lyhyet kurssit ja täydennyskoulutus".', 'Dra en länk från ”Turun suomenkielinen työväenopisto” till behovet ”Lyhyet kurssit ja täydennyskoulutus”.', 'Draw a link from "Turun suomenkielinen työväenopisto" to the need "Lyhyet kurssit ja täydennyskoulutus".'),
            rule: { type: 'linkExists', linkType: 'addresses', source: { kind: 'service', nameContains: 'Turun suomenkielinen työväenopisto' }, target: { kind: 'need', nameContains: 'kurssit' } },
          },
          {
            id: 'turku-opisto-ensin',
            title: T('Suosittelija ehdottaa turkulaiselle ensimmäisenä Turun työväenopistoa', 'Rekommenderaren föreslår först Åbo arbetarinstitut för personen i Åbo', 'The recommender suggests Turku’s adult education centre first for the Turku persona'),
            hint: T('Niin kauan kuin Tampereen opisto on valtakunnallinen, se kilpailee turkulaisen suosituksista. Korjaa sen alue.', 'Så länge Tammerforsinstitutet är nationellt konkurrerar det om rekommendationerna för personen i Åbo. Rätta dess område.', 'As long as the Tampere centre is nationwide, it competes for the Turku persona’s recommendations. Fix its area.'),
            rule: { type: 'recommenderTopK', persona: { id: 'persona-turku-58-sv-digi' }, service: { id: S.tyovaenopistoTurku }, k: 1 },
          },
        ],
      },
      answer: [
        { op: 'updateEntity', id: S.tyovaenopistoTampere, set: { areaType: 'limited', areas: ['837'] } },
        { op: 'addLink', link: link('addresses', S.tyovaenopistoTurku, 'need-kurssit', { evidence: 'kurssitehtävä (käsin): palvelun nimi "Turun suomenkielinen työväenopisto"' }) },
      ],
    },
    {
      exercise: {
        id: 'e3-nakyva-aukko',
        title: T('Aukko, jota aineisto ei täytä', 'En lucka som materialet inte fyller', 'A gap the data does not fill'),
        instructions: T(
          'Oululainen lähihoitaja haluaa opiskella sairaanhoitajaksi työn ohessa. Se on ammattikorkeakoulututkinto, eikä kartalla ole yhtään korkeakoulujen palvelua: aineistossa niitä ei ole. Hyvä kartta näyttää aukon eikä piilota sitä. Lisää elämäntapahtumaan tarve "Korkeakouluopinnot työn ohessa", anna se oululaiselle profiilille tärkeydellä 5 ja aja analyysi. Aukon pitää näkyä.',
          'Närvårdaren i Uleåborg vill studera till sjukskötare vid sidan av arbetet. Det är en yrkeshögskoleexamen, och kartan har inte en enda tjänst från högskolorna: materialet saknar dem. En bra karta visar luckan i stället för att dölja den. Lägg till behovet ”Högskolestudier vid sidan av arbetet” (fi: Korkeakouluopinnot työn ohessa) i livshändelsen, ge det till profilen från Uleåborg med vikten 5 och kör analysen. Luckan ska synas.',
          'The practical nurse in Oulu wants to study to become a registered nurse while working. That is a university of applied sciences degree, and the map has no higher-education service at all: the data has none. A good map shows the gap instead of hiding it. Add the need "Higher education studies while working" (fi: Korkeakouluopinnot työn ohessa) to the life event, give it to the Oulu persona with importance 5 and run the analysis. The gap must show.',
        ),
        hints: [T('Älä yhdistä tarpeeseen palvelua, joka ei siihen oikeasti vastaa: silloin aukko katoaa vain kartalta.', 'Koppla inte en tjänst som inte verkligen svarar mot behovet: då försvinner luckan bara från kartan.', 'Do not link a service that does not really meet the need: then the gap only disappears from the map.')],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'tarve-korkeakoulu',
            title: T('Elämäntapahtumalla on korkeakouluopintojen tarve', 'Livshändelsen har behovet av högskolestudier', 'The life event has the higher-education need'),
            hint: T('Tarpeen suomenkielisessä nimessä pitää olla sana "korkeakoulu", ja elämäntapahtumasta pitää olla linkki siihen.', 'Behovets finska namn ska innehålla ordet ”korkeakoulu”, och livshändelsen ska ha en länk till det.', 'The need’s Finnish name must contain the word "korkeakoulu", and the life event must link to it.'),
            rule: { type: 'linkExists', linkType: 'hasNeed', source: { kind: 'lifeEvent', nameContains: 'jatkuvan oppimisen' }, target: { kind: 'need', nameContains: 'korkeakoulu' } },
          },
          {
            id: 'aukko-nakyy',
            title: T('Analyysi näyttää vähintään yhden aukon', 'Analysen visar minst en lucka', 'The analysis shows at least one gap'),
            hint: T('Anna uusi tarve oululaiselle profiilille; aukko syntyy vasta, kun jollakulla on tarve, johon mikään palvelu ei vastaa.', 'Ge det nya behovet till profilen från Uleåborg; en lucka uppstår först när någon har ett behov som ingen tjänst svarar mot.', 'Give the new need to the Oulu persona; a gap appears only when someone has a need no service meets.'),
            rule: { type: 'matching', lifeEvent: { id: LE }, measure: 'gaps', comparison: 'atLeast', value: 1 },
          },
        ],
      },
      answer: [
        { op: 'addEntity', entity: need('need-korkeakoulu', T('Korkeakouluopinnot työn ohessa', 'Högskolestudier vid sidan av arbetet', 'Higher education studies while working'), T('Ammattikorkeakoulu- tai yliopisto-opinnot aikuisena, esimerkiksi monimuoto-opetuksena.', 'Studier vid yrkeshögskola eller universitet som vuxen, till exempel som flerformsundervisning.', 'Studies at a university of applied sciences or university as an adult, for example blended learning.'), ['ammattikorkeakoulu', 'yliopisto', 'korkeakoulu']) },
        { op: 'addLink', link: link('hasNeed', LE, 'need-korkeakoulu') },
        { op: 'addLink', link: link('personaNeed', 'persona-oulu-38-lahihoitaja', 'need-korkeakoulu', { importance: 5 }) },
      ],
    },
    {
      exercise: {
        id: 'e4-oppisopimus',
        title: T('Oppisopimus: opiskelua palkalla', 'Läroavtal: studier med lön', 'Apprenticeship: studying on a wage'),
        instructions: T(
          'Mikkeliläisen tehdastyöntekijän suurin huoli on toimeentulo opiskelun aikana. Oppisopimuskoulutuksessa opiskellaan työpaikalla ja saadaan palkkaa, mutta kartalla oppisopimus ei vastaa mihinkään tarpeeseen. Yhdistä "Oppisopimuskoulutus" tarpeisiin "Uuden ammatin tai tutkinnon opiskelu" ja "Toimeentulo opiskelun aikana" ja katso, nouseeko se profiilin kolmen kärkeen.',
          'Fabriksarbetarens i S:t Michel största oro är utkomsten under studierna. I läroavtalsutbildning studerar man på arbetsplatsen och får lön, men på kartan svarar läroavtalet inte mot något behov. Koppla ”Oppisopimuskoulutus” (läroavtalsutbildning) till behoven ”Att studera för ett nytt yrke eller en examen” (Uuden ammatin tai tutkinnon opiskelu) och ”Utkomst under studierna” (Toimeentulo opiskelun aikana), och se om den stiger till profilens tre främsta.',
          'The Mikkeli factory worker’s main worry is income while studying. In apprenticeship training one studies at the workplace and is paid a wage, but on the map apprenticeship meets no need. Link "Oppisopimuskoulutus" (apprenticeship training) to the needs "Studying for a new occupation or degree" (Uuden ammatin tai tutkinnon opiskelu) and "Income while studying" (Toimeentulo opiskelun aikana), and see whether it rises to the persona’s top three.',
        ),
        hints: [T('Palvelu, joka vastaa profiilin kahteen tärkeään tarpeeseen, saa suosittelijassa kummastakin pisteitä.', 'En tjänst som svarar mot två viktiga behov hos profilen får poäng för båda i rekommenderaren.', 'A service meeting two important needs of the persona scores for both in the recommender.')],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'oppisopimus-rahoitus',
            title: T('Oppisopimus vastaa toimeentulon tarpeeseen', 'Läroavtalet svarar mot behovet av utkomst', 'Apprenticeship meets the income need'),
            hint: T('Vedä linkki palvelusta "Oppisopimuskoulutus" tarpeeseen "Toimeentulo opiskelun aikana".', 'Dra en länk från ”Oppisopimuskoulutus” till behovet ”Toimeentulo opiskelun aikana”.', 'Draw a link from "Oppisopimuskoulutus" to the need "Toimeentulo opiskelun aikana".'),
            rule: { type: 'linkExists', linkType: 'addresses', source: { kind: 'service', nameContains: 'Oppisopimuskoulutus' }, target: { kind: 'need', nameContains: 'Toimeentulo opiskelun' } },
          },
          {
            id: 'oppisopimus-top3',
            title: T('Oppisopimus on mikkeliläisen kolmen kärjessä', 'Läroavtalet är bland de tre främsta för personen i S:t Michel', 'Apprenticeship is in the Mikkeli persona’s top three'),
            hint: T('Yhdistä oppisopimus molempiin tarpeisiin.', 'Koppla läroavtalet till båda behoven.', 'Link apprenticeship to both needs.'),
            rule: { type: 'recommenderTopK', persona: { id: 'persona-mikkeli-45-tehdas' }, service: { id: OPPISOPIMUS }, k: 3 },
          },
        ],
      },
      answer: [
        { op: 'addLink', link: link('addresses', OPPISOPIMUS, 'need-tutkinto', { evidence: 'kurssitehtävä (käsin): pohjakuvaus "Oppisopimuskoulutus"' }) },
        { op: 'addLink', link: link('addresses', OPPISOPIMUS, 'need-rahoitus', { evidence: 'kurssitehtävä (käsin): oppisopimuksessa opiskelija saa palkkaa' }) },
      ],
    },
    {
      exercise: {
        id: 'e5-mittari',
        title: T('Mittari jatkuvalle oppimiselle', 'En indikator för kontinuerligt lärande', 'An indicator for continuous learning'),
        instructions: T(
          'Sopikaa elämäntapahtumalle tavoite. Lisää tilannekuvaan mittari "Palvelutarpeiden kattavuus: jatkuva oppiminen" (yksikkö %, suurempi on parempi), sido se kohtaantoanalyysin kattavuuteen ja kirjaa lähtötaso ja tavoite. Kerro lisäksi kouluttajalle, kenen vastuulle korkeakouluopintojen aukko kuuluu.',
          'Kom överens om ett mål för livshändelsen. Lägg till indikatorn ”Täckning av servicebehov: kontinuerligt lärande” (fi: Palvelutarpeiden kattavuus: jatkuva oppiminen; enhet %, högre är bättre) i lägesbilden, bind den till matchningsanalysens täckning och ange utgångsnivå och mål. Berätta också för utbildaren vem som ansvarar för luckan i högskolestudier.',
          'Agree on a goal for the life event. Add the indicator "Coverage of service needs: continuous learning" (fi: Palvelutarpeiden kattavuus: jatkuva oppiminen; unit %, higher is better) to the situational picture, bind it to the matching analysis’s coverage and record a baseline and a target. Also tell the trainer whose responsibility the higher-education gap is.',
        ),
        hints: [T('Lähtötasoksi käy analyysin nykyinen kattavuus prosentteina.', 'Analysens nuvarande täckning i procent duger som utgångsnivå.', 'The analysis’s current coverage in per cent will do as the baseline.')],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'mittari-kattavuus',
            title: T('Kattavuusmittari, jolla on lähtötaso ja tavoite', 'En täckningsindikator med utgångsnivå och mål', 'A coverage indicator with a baseline and a target'),
            hint: T('Mittarin suomenkielisessä nimessä pitää olla sana "kattavuus".', 'Indikatorns finska namn ska innehålla ordet ”kattavuus”.', 'The indicator’s Finnish name must contain the word "kattavuus".'),
            rule: { type: 'indicator', nameContains: 'kattavuus', needsBaseline: true, needsTarget: true },
          },
          {
            id: 'vastaus-vastuu',
            title: T('Vastaus kouluttajalle', 'Svar till utbildaren', 'Answer for the trainer'),
            hint: T('Kirjoita vastaus tehtäväpaneeliin.', 'Skriv svaret i uppgiftspanelen.', 'Write the answer in the exercise panel.'),
            rule: { type: 'freeAnswer', prompt: T('Kenen pitäisi täyttää korkeakouluopintojen aukko, ja mitä tietoa kartalle tarvittaisiin siitä?', 'Vem borde fylla luckan i högskolestudier, och vilka uppgifter om det skulle behövas på kartan?', 'Who should fill the higher-education gap, and what data about it would the map need?') },
          },
        ],
      },
      answer: [
        {
          op: 'addItem',
          item: {
            id: 'ind-jatkuva-oppiminen-kattavuus',
            kind: 'indicator',
            name: { fi: 'Palvelutarpeiden kattavuus: jatkuva oppiminen', sv: 'Täckning av servicebehov: kontinuerligt lärande', en: 'Coverage of service needs: continuous learning' },
            unit: '%',
            direction: 'higher',
            baseline: { date: '2026-01-15', value: 86 },
            target: { date: '2027-06-30', value: 95 },
            binding: { figure: 'coverage', lifeEvent: LE },
            dataSource: 'Kohtaantoanalyysi (kurssitehtävän malliratkaisu, käsin)',
          },
        },
      ],
    },
  ];
  return assemblePack(
    {
      id: PACK_ID,
      revision: 1,
      title: T('Kiinni työelämässä jatkuvan oppimisen avulla', 'Kvar i arbetslivet genom kontinuerligt lärande', 'Staying in working life through continuous learning'),
      description: T(
        'Harjoituksia AuroraAI-ohjelman alkuperäisellä elämäntapahtumalla, jota ohjelmassa ei ehditty toteuttaa: asiakasprofiili, aineiston virhe ja sen vaikutus suosituksiin, näkyväksi tehty aukko, oppisopimus ja mittari. Palvelut ovat oikeita PTV-palveluja; elämäntapahtuma, tarpeet ja profiilit ovat keksittyjä.',
        'Övningar med en av AuroraAI-programmets ursprungliga livshändelser, som programmet aldrig hann genomföra: kundprofil, ett fel i materialet och dess inverkan på rekommendationerna, en lucka som synliggörs, läroavtal och en indikator. Tjänsterna är verkliga PTV-tjänster; livshändelsen, behoven och profilerna är påhittade.',
        'Exercises on one of the AuroraAI programme’s original life events, which the programme never built: a persona, a data error and its effect on recommendations, a gap made visible, apprenticeship and an indicator. Services are real PTV services; the life event, needs and personas are made up.',
      ),
      learningGoals: [
        T('Osaan kuvata asiakasprofiilin ja sen tarpeet', 'Jag kan beskriva en kundprofil och dess behov', 'I can describe a persona and its needs'),
        T('Tunnistan, miten aineiston virhe näkyy suosituksissa', 'Jag känner igen hur ett fel i materialet syns i rekommendationerna', 'I recognise how a data error shows in recommendations'),
        T('Ymmärrän, miksi aukko kannattaa näyttää eikä piilottaa', 'Jag förstår varför en lucka ska visas och inte döljas', 'I understand why a gap should be shown, not hidden'),
        T('Osaan sitoa mittarin kohtaantoanalyysin lukuun', 'Jag kan binda en indikator till ett tal i matchningsanalysen', 'I can bind an indicator to a matching figure'),
      ],
      provenance: [
        { source: 'labels/auroraai-3x10d-labels.csv (vrk-kpa/auroraai-core-components, MIT; content PTV open data)', note: '19 services imported unchanged with the services-table import.' },
        { source: 'ptv/general-descriptions.json (vrk-kpa/ptv-releases, MIT)', note: 'General description Oppisopimuskoulutus (PTV import).' },
        { source: 'Kohtaanto course authors', note: PROVENANCE, handEntered: true },
      ],
    },
    exercises,
  );
}
