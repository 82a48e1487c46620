/**
 * Course pack 2: "Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään", one of the
 * AuroraAI programme's three original life events (never built in the programme).
 *
 * Real data: national and municipal services of the AuroraAI labelling sheet (residence permit and
 * registration, recognition of qualifications, job search, career guidance, integration training,
 * employment-terms advice, adult education in Oulu and Turku), imported unchanged with the
 * services-table import; two PTV general descriptions with life event KE5 (Finnish or Swedish as a
 * second language; service guidance for immigrants). Hand-entered (tagged): the life event, needs,
 * personas, organisations and links, and the cleared "EI MUKAAN" marks (listed in the provenance).
 */
import type { CoursePack } from '../../../shared/course/types';
import type { EntityInput, LinkInput } from '../../../shared/model';
import { assemblePack, buildBase, link, type ExerciseSource, type Text } from '../lib';

const T = (fi: string, sv: string, en: string): Text => ({ fi, sv, en });

export const PACK_ID = 'ulkomaiset-opiskelijat';
const LE = 'le-ulkomaiset-opiskelijat';

const S = {
  tutkinnot: 'srv-074cb357-8561-4a20-93e3-da01a5c32e45',
  tyosuhdeneuvonta: 'srv-fa40c7a4-633e-4282-9ca6-67f2fc4b6d61',
  rekisterointi: 'srv-e96066b8-ef80-4d64-9c44-ff71ccb291d9',
  oleskelulupaTutkija: 'srv-1c4af507-f347-419c-9435-f5465a7ee21e',
  kotoutumiskoulutus: 'srv-506aa5c2-7f1d-49fe-854d-0de33e03f6f1',
  kelaMaahanmuutto: 'srv-b5c945e5-a4d6-47b9-9362-0fe0f20adc2e',
  tyonhaunNeuvonta: 'srv-662d226e-1d3f-4b87-80f1-bb1462bc6878',
  tyonhakijaksi: 'srv-9e47824b-3d05-4f74-9be5-6d14aca2bc5e',
  uraohjaus: 'srv-67384a79-8541-4c1e-b78e-bec4c57a8f6b',
  uravalmennusOulu: 'srv-1a3ac5a1-0629-44ba-ad26-7ecd7d4ea600',
  uranostajatOulu: 'srv-576c3b3a-ed3b-4c52-a0f9-77fffdcbbd3e',
  kansalaisopistoOulu: 'srv-ecae3102-d901-42f9-b2f8-790bfa18b71d',
  tyovaenopistoTurku: 'srv-20c713a0-397f-4895-b9b9-fba5468030e5',
  tyollisyysTurku: 'srv-26e9e015-07a0-400f-bb25-38b8146f7202',
} as const;
const GD = { kieliToisena: '19d221a3-d355-4763-a11d-aeb607ea56cd', palveluohjaus: '64d6572c-aa48-4270-a7c7-3fc3b6da0721' } as const;
const G = { kieliToisena: `srv-${GD.kieliToisena}`, palveluohjaus: `srv-${GD.palveluohjaus}` } as const;

const ORGS: EntityInput[] = [
  { kind: 'organisation', id: 'org-migri', name: { fi: 'Maahanmuuttovirasto', sv: 'Migrationsverket', en: 'Finnish Immigration Service' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-dvv', name: { fi: 'Digi- ja väestötietovirasto', sv: 'Myndigheten för digitalisering och befolkningsdata', en: 'Digital and Population Data Services Agency' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-oph', name: { fi: 'Opetushallitus', sv: 'Utbildningsstyrelsen', en: 'Finnish National Agency for Education' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-te', name: { fi: 'TE-palvelut', sv: 'TE-tjänsterna', en: 'TE Services (employment services)' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-kela', name: { fi: 'Kansaneläkelaitos (Kela)', sv: 'Folkpensionsanstalten (FPA)', en: 'Social Insurance Institution of Finland (Kela)' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-oulu', name: { fi: 'Oulun kaupunki', sv: 'Uleåborgs stad', en: 'City of Oulu' }, orgType: 'municipality', municipality: '564' },
  { kind: 'organisation', id: 'org-turku', name: { fi: 'Turun kaupunki', sv: 'Åbo stad', en: 'City of Turku' }, orgType: 'municipality', municipality: '853' },
  { kind: 'organisation', id: 'org-tampere', name: { fi: 'Tampereen kaupunki', sv: 'Tammerfors stad', en: 'City of Tampere' }, orgType: 'municipality', municipality: '837' },
];

const need = (id: string, name: Text, description: Text, keywords: string[]): EntityInput => ({ kind: 'need', id, name, description, keywords });

const NEEDS: EntityInput[] = [
  need('need-oleskelulupa', T('Oleskelulupa ja rekisteröinti valmistumisen jälkeen', 'Uppehållstillstånd och registrering efter examen', 'Residence permit and registration after graduation'), T('Oleskeluluvan jatkaminen työnhakua tai työtä varten, henkilötunnus ja väestötietojen rekisteröinti.', 'Förlängt uppehållstillstånd för arbetssökande eller arbete, personbeteckning och registrering i befolkningsdatasystemet.', 'Extending the residence permit to look for work or to work, a personal identity code and registration.'), ['oleskelulupa', 'rekisteröinti']),
  need('need-kieli', T('Suomen kielen taito työelämää varten', 'Finska språkkunskaper för arbetslivet', 'Finnish language skills for working life'), T('Suomen tai ruotsin opiskelu niin, että kielitaito riittää työpaikkaan.', 'Studier i finska eller svenska så att språkkunskaperna räcker för en arbetsplats.', 'Studying Finnish or Swedish well enough for a job.'), ['suomen kieli', 'kielitaito', 'toisena kielenä']),
  need('need-tyonhaku', T('Työnhaku ja ensimmäinen työpaikka Suomessa', 'Att söka jobb och det första jobbet i Finland', 'Job search and the first job in Finland'), T('Työpaikkojen löytäminen, työnhakijaksi ilmoittautuminen ja uraohjaus.', 'Att hitta lediga jobb, anmäla sig som arbetssökande och karriärvägledning.', 'Finding vacancies, registering as a jobseeker and career guidance.'), ['työnhaku', 'työnhakija', 'uraohjaus']),
  need('need-tutkinto', T('Tutkinnon ja osaamisen tunnustaminen', 'Erkännande av examen och kunnande', 'Recognition of qualifications and skills'), T('Ulkomailla suoritetun tutkinnon tai opintojen rinnastaminen ja ammattipätevyyden tunnustaminen.', 'Jämställande av en utländsk examen eller studier och erkännande av yrkeskompetens.', 'Recognition of a foreign degree or studies and of professional qualifications.'), ['tutkintojen tunnustaminen', 'ammattipätevyys']),
  need('need-tyosuhde', T('Työsuhteen ehdot ja oikeudet', 'Anställningsvillkor och rättigheter', 'Terms of employment and rights'), T('Palkka, työaika ja työsopimus: mitä työntekijällä on oikeus saada.', 'Lön, arbetstid och arbetsavtal: vad en arbetstagare har rätt till.', 'Pay, working hours and the employment contract: what an employee is entitled to.'), ['työsuhde', 'työsopimus']),
  need('need-ohjaus', T('Ohjaus ja kotoutuminen', 'Vägledning och integration', 'Guidance and integration'), T('Neuvonta siitä, mistä palvelut löytyvät, ja kotoutumista tukevat palvelut.', 'Rådgivning om var tjänsterna finns och tjänster som stöder integrationen.', 'Advice on where to find services, and services that support integration.'), ['kotoutuminen', 'palveluohjaus']),
];

const PERSONAS: EntityInput[] = [
  {
    kind: 'persona',
    id: 'persona-tampere-26-en-ict',
    name: { fi: '26-vuotias ICT-alan maisteriopiskelija Tampereella', sv: '26-årig masterstuderande i IKT i Tammerfors', en: '26-year-old ICT master’s student in Tampere' },
    description: { fi: 'Keksitty tyyppihenkilö: tullut Intiasta opiskelemaan, valmistuu keväällä, haluaa jäädä Suomeen töihin; puhuu englantia ja vähän suomea.', sv: 'Påhittad typperson: kom från Indien för att studera, tar examen i vår och vill stanna i Finland och arbeta; talar engelska och lite finska.', en: 'Made-up typical person: came from India to study, graduates in spring and wants to stay and work in Finland; speaks English and a little Finnish.' },
    ageMin: 25,
    ageMax: 27,
    municipality: '837',
    language: 'en',
    meters: { health: 8, resilience: 6, housing: 6, working_studying: 4, family: 5, friends: 4, finance: 4, improvement_of_strengths: 6, self_esteem: 6, life_satisfaction: 6 },
    peoplePerYear: 500,
    tags: ['synteettinen'],
  },
  {
    kind: 'persona',
    id: 'persona-turku-24-en-hoitaja',
    name: { fi: '24-vuotias sairaanhoitajaopiskelija Turussa', sv: '24-årig sjukskötarstuderande i Åbo', en: '24-year-old nursing student in Turku' },
    description: { fi: 'Keksitty tyyppihenkilö: tullut Vietnamista, opiskelee englanninkielisessä ammattikorkeakouluohjelmassa, tekee osa-aikatöitä vanhustenhoidossa.', sv: 'Påhittad typperson: kom från Vietnam, studerar i ett engelskspråkigt yrkeshögskoleprogram och arbetar deltid inom äldreomsorgen.', en: 'Made-up typical person: came from Vietnam, studies in an English-language programme at a university of applied sciences, works part-time in elderly care.' },
    ageMin: 23,
    ageMax: 25,
    municipality: '853',
    language: 'en',
    meters: { health: 7, resilience: 5, housing: 5, working_studying: 5, family: 4, friends: 5, finance: 3, improvement_of_strengths: 6, self_esteem: 5, life_satisfaction: 5 },
    peoplePerYear: 300,
    tags: ['synteettinen'],
  },
  {
    kind: 'persona',
    id: 'persona-oulu-31-en-tutkija',
    name: { fi: '31-vuotias väitellyt tutkija Oulussa', sv: '31-årig disputerad forskare i Uleåborg', en: '31-year-old researcher with a doctorate in Oulu' },
    description: { fi: 'Keksitty tyyppihenkilö: väitteli tohtoriksi Oulun yliopistossa, perhe mukana, etsii työtä yrityksistä.', sv: 'Påhittad typperson: disputerade vid Uleåborgs universitet, har familjen med sig och söker arbete i företag.', en: 'Made-up typical person: earned a doctorate at the University of Oulu, has the family along and looks for work in companies.' },
    ageMin: 30,
    ageMax: 32,
    municipality: '564',
    language: 'en',
    meters: { health: 8, resilience: 6, housing: 7, working_studying: 3, family: 7, friends: 4, finance: 4, improvement_of_strengths: 5, self_esteem: 5, life_satisfaction: 5 },
    peoplePerYear: 120,
    tags: ['synteettinen'],
  },
];

const HAND_LINKS: LinkInput[] = [
  ...NEEDS.map((n) => link('hasNeed', LE, n.id)),
  link('personaNeed', 'persona-tampere-26-en-ict', 'need-oleskelulupa', { importance: 5 }),
  link('personaNeed', 'persona-tampere-26-en-ict', 'need-tyonhaku', { importance: 5 }),
  link('personaNeed', 'persona-tampere-26-en-ict', 'need-kieli', { importance: 4 }),
  link('personaNeed', 'persona-tampere-26-en-ict', 'need-ohjaus', { importance: 3 }),
  link('personaNeed', 'persona-turku-24-en-hoitaja', 'need-kieli', { importance: 5 }),
  link('personaNeed', 'persona-turku-24-en-hoitaja', 'need-tyonhaku', { importance: 4 }),
  link('personaNeed', 'persona-turku-24-en-hoitaja', 'need-tyosuhde', { importance: 2 }),
  link('personaNeed', 'persona-oulu-31-en-tutkija', 'need-oleskelulupa', { importance: 5 }),
  link('personaNeed', 'persona-oulu-31-en-tutkija', 'need-tyonhaku', { importance: 4 }),
  link('personaNeed', 'persona-oulu-31-en-tutkija', 'need-tutkinto', { importance: 3 }),
  // Which service meets which need: read from each service's own name and summary.
  link('addresses', S.oleskelulupaTutkija, 'need-oleskelulupa', { evidence: 'käsin: palvelun nimi "Oleskelulupahakemus Suomessa tutkimustyön suorittaneelle"' }),
  link('addresses', S.rekisterointi, 'need-oleskelulupa', { evidence: 'käsin: palvelun nimi "Ulkomaalaisen rekisteröinti väestötietojärjestelmään"' }),
  link('addresses', S.kotoutumiskoulutus, 'need-kieli', { evidence: 'käsin: tiivistelmä "saat kielitaidon opetuksen…"' }),
  link('addresses', G.kieliToisena, 'need-kieli', { evidence: 'käsin: pohjakuvauksen nimi "Suomen tai ruotsin opetus toisena kielenä"' }),
  link('addresses', S.kansalaisopistoOulu, 'need-kieli', { evidence: 'käsin: kansalaisopiston kielikurssit' }),
  link('addresses', S.tyovaenopistoTurku, 'need-kieli', { evidence: 'käsin: työväenopiston kielikurssit' }),
  link('addresses', S.tyonhaunNeuvonta, 'need-tyonhaku', { evidence: 'käsin: tiivistelmä "TE-toimisto neuvoo ja ohjaa työn hakemisessa"' }),
  link('addresses', S.tyonhakijaksi, 'need-tyonhaku', { evidence: 'käsin: palvelun nimi' }),
  link('addresses', S.uraohjaus, 'need-tyonhaku', { evidence: 'käsin: palvelun nimi "Ammatinvalinta- ja uraohjaus"' }),
  link('addresses', S.uravalmennusOulu, 'need-tyonhaku', { evidence: 'käsin: tiivistelmä "urasuunnittelun ja työnhaun tueksi"' }),
  link('addresses', S.uranostajatOulu, 'need-tyonhaku', { evidence: 'käsin: palvelun nimi "Uranostajat-työnhakuryhmät"' }),
  link('addresses', S.tyollisyysTurku, 'need-tyonhaku', { evidence: 'käsin: palvelun nimi "Työllisyyspalvelut"' }),
  link('addresses', S.tyosuhdeneuvonta, 'need-tyosuhde', { evidence: 'käsin: tiivistelmä "neuvoo ulkomaalaistaustaisia työntekijöitä"' }),
  link('addresses', G.palveluohjaus, 'need-ohjaus', { evidence: 'käsin: pohjakuvauksen nimi "Maahanmuuttajien palveluohjaus"' }),
  link('addresses', S.kelaMaahanmuutto, 'need-ohjaus', { evidence: 'käsin: tiivistelmä "ohjaus ja neuvonta… maahanmuuton yhteydessä"' }),
  ...[...Object.values(S), ...Object.values(G)].map((s) => link('inLifeEvent', s, LE)),
  link('provides', 'org-migri', S.oleskelulupaTutkija, { role: 'responsible' }),
  link('provides', 'org-dvv', S.rekisterointi, { role: 'responsible' }),
  link('provides', 'org-oph', S.tutkinnot, { role: 'responsible' }),
  link('provides', 'org-te', S.kotoutumiskoulutus, { role: 'responsible' }),
  link('provides', 'org-te', S.tyonhaunNeuvonta, { role: 'responsible' }),
  link('provides', 'org-te', S.tyonhakijaksi, { role: 'responsible' }),
  link('provides', 'org-te', S.uraohjaus, { role: 'responsible' }),
  link('provides', 'org-kela', S.kelaMaahanmuutto, { role: 'responsible' }),
  link('provides', 'org-oulu', S.uravalmennusOulu, { role: 'responsible' }),
  link('provides', 'org-oulu', S.uranostajatOulu, { role: 'responsible' }),
  link('provides', 'org-oulu', S.kansalaisopistoOulu, { role: 'responsible' }),
  link('provides', 'org-turku', S.tyovaenopistoTurku, { role: 'responsible' }),
  link('provides', 'org-turku', S.tyollisyysTurku, { role: 'responsible' }),
];

const CLEARED = [S.tutkinnot, S.tyosuhdeneuvonta, S.rekisterointi, S.oleskelulupaTutkija, S.kotoutumiskoulutus, S.kelaMaahanmuutto];

const PROVENANCE =
  'Services: the AuroraAI network 3X10D labelling sheet (labels/auroraai-3x10d-labels.csv; vrk-kpa/auroraai-core-components test data, MIT; content PTV open data), imported unchanged with the app’s services-table import; ' +
  'PTV general descriptions "Suomen tai ruotsin opetus toisena kielenä" and "Maahanmuuttajien palveluohjaus" (ptv/general-descriptions.json, vrk-kpa/ptv-releases, MIT) through the PTV import (their life-event code KE5 gives the life event "Maahanmuuttajana Suomeen" from the code list). ' +
  'Written by the Kohtaanto course authors (tagged "käsin-syötetty"): the life event "Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään", needs, personas (synthetic), organisations and their provides links, service→need links (each with its evidence). ' +
  'The sheet marked six of these services "EI MUKAAN" for the youth life event; the authors cleared the mark for this life event (tagged "ei-mukaan-poistettu-käsin"): Tutkintojen tunnustaminen, Maahanmuuttajien työsuhdeneuvonta, Ulkomaalaisen rekisteröinti väestötietojärjestelmään, Oleskelulupahakemus Suomessa tutkimustyön suorittaneelle, Kotoutumiskoulutus, Kelan ohjaus ja neuvonta maastamuuton sekä maahanmuuton yhteydessä. ' +
  'Where the sheet names no municipality the import takes a service as nationwide.';

export async function buildPack(): Promise<CoursePack> {
  const base = await buildBase({
    title: T('Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään', 'Utländska studerande fäster sig vid det finländska arbetslivet', 'International students attaching to Finnish working life'),
    description: T(
      'Kurssityötila: palvelut, joita Suomessa opiskeleva ulkomaalainen tarvitsee jäädäkseen Suomeen töihin. Palvelut ovat oikeita PTV-palveluja AuroraAI-verkon luokitteluaineistosta ja PTV:n pohjakuvauksista; elämäntapahtuma, tarpeet ja asiakasprofiilit ovat keksittyjä.',
      'Kursarbetsyta: tjänster som en utländsk studerande i Finland behöver för att stanna och arbeta här. Tjänsterna är verkliga PTV-tjänster ur AuroraAI-nätverkets klassificeringsmaterial och PTV:s grundbeskrivningar; livshändelsen, behoven och kundprofilerna är påhittade.',
      'Course workspace: services an international student in Finland needs to stay and work here. Services are real PTV services from the AuroraAI labelling data and PTV general descriptions; the life event, needs and personas are made up.',
    ),
    provenance: PROVENANCE,
    labelRows: Object.values(S).map((s) => s.slice(4)),
    generalDescriptions: [GD.kieliToisena, GD.palveluohjaus],
    clearExcluded: CLEARED,
    entities: [
      {
        kind: 'lifeEvent',
        id: LE,
        name: { fi: 'Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään', sv: 'Utländska studerande fäster sig vid det finländska arbetslivet', en: 'International students attaching to Finnish working life' },
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
      startWorkspace: { id: 'ulkomaiset-opiskelijat', title: T('Ulkomaiset opiskelijat: lähtötilanne', 'Utländska studerande: utgångsläge', 'International students: starting point'), json: base },
      exercise: {
        id: 'e1-asiakasprofiili',
        title: T('Oululainen opiskelija asiakasprofiiliksi', 'En studerande i Uleåborg som kundprofil', 'A student in Oulu as a persona'),
        instructions: T(
          'Oulun ammattikorkeakoulun edustaja kertoo työpajassa, että moni konetekniikan kansainvälinen opiskelija muuttaa valmistuttuaan pois Suomesta, koska ei löydä töitä eikä opi suomea opintojen aikana. Lisää kartalle asiakasprofiili: 23–29-vuotias opiskelija Oulussa (kieli englanti). Yhdistä profiili tarpeisiin "Suomen kielen taito työelämää varten" ja "Työnhaku ja ensimmäinen työpaikka Suomessa".',
          'En representant för Uleåborgs yrkeshögskola berättar på workshoppen att många internationella studerande i maskinteknik flyttar bort från Finland efter examen, eftersom de inte hittar jobb och inte lär sig finska under studierna. Lägg till en kundprofil på kartan: en 23–29-årig studerande i Uleåborg (språk engelska). Koppla profilen till behoven ”Finska språkkunskaper för arbetslivet” (Suomen kielen taito työelämää varten) och ”Att söka jobb och det första jobbet i Finland” (Työnhaku ja ensimmäinen työpaikka Suomessa).',
          'A representative of Oulu University of Applied Sciences tells the workshop that many international mechanical-engineering students leave Finland after graduating, because they find no work and learn no Finnish during their studies. Add a persona to the map: a student aged 23–29 in Oulu (language English). Link it to the needs "Finnish language skills for working life" (Suomen kielen taito työelämää varten) and "Job search and the first job in Finland" (Työnhaku ja ensimmäinen työpaikka Suomessa).',
        ),
        hints: [T('Ikähaarukan alaraja saa olla vähintään 23 ja yläraja enintään 29.', 'Åldersspannets nedre gräns ska vara minst 23 och den övre högst 29.', 'The lower age must be at least 23 and the upper at most 29.')],
        start: { from: 'workspace', workspace: 'ulkomaiset-opiskelijat' },
        checks: [
          {
            id: 'profiili-oulu-kieli',
            title: T('23–29-vuotias oululainen profiili, joka tarvitsee suomen kieltä', 'En 23–29-årig profil i Uleåborg som behöver finska', 'A persona aged 23–29 in Oulu who needs Finnish'),
            hint: T('Tarkista profiilin ikä, kunta (Oulu) ja linkki tarpeeseen "Suomen kielen taito työelämää varten".', 'Kontrollera profilens ålder, kommun (Uleåborg) och länken till behovet ”Suomen kielen taito työelämää varten”.', 'Check the persona’s age, municipality (Oulu) and the link to the need "Suomen kielen taito työelämää varten".'),
            rule: { type: 'entityExists', match: { kind: 'persona', ageMin: 23, ageMax: 29, municipality: '564', linkedTo: { id: 'need-kieli' } } },
          },
          {
            id: 'profiili-oulu-tyonhaku',
            title: T('Profiililla on myös työnhaun tarve', 'Profilen har också behovet att söka jobb', 'The persona also has the job-search need'),
            hint: T('Vedä profiilista tarvelinkki tarpeeseen "Työnhaku ja ensimmäinen työpaikka Suomessa".', 'Dra en behovslänk från profilen till behovet ”Työnhaku ja ensimmäinen työpaikka Suomessa”.', 'Draw a need link from the persona to the need "Työnhaku ja ensimmäinen työpaikka Suomessa".'),
            rule: { type: 'linkExists', linkType: 'personaNeed', source: { kind: 'persona', ageMin: 23, ageMax: 29, municipality: '564' }, target: { kind: 'need', nameContains: 'Työnhaku' } },
          },
        ],
      },
      answer: [
        {
          op: 'addEntity',
          entity: {
            kind: 'persona',
            id: 'persona-oulu-25-en-konetekniikka',
            name: { fi: '25-vuotias konetekniikan opiskelija Oulussa', sv: '25-årig studerande i maskinteknik i Uleåborg', en: '25-year-old mechanical-engineering student in Oulu' },
            description: { fi: 'Keksitty tyyppihenkilö (kurssitehtävä): tullut Nigeriasta, valmistuu vuoden päästä, ei ole vielä opiskellut suomea.', sv: 'Påhittad typperson (kursuppgift): kom från Nigeria, tar examen om ett år och har ännu inte studerat finska.', en: 'Made-up typical person (course exercise): came from Nigeria, graduates in a year and has not yet studied Finnish.' },
            ageMin: 24,
            ageMax: 26,
            municipality: '564',
            language: 'en',
            meters: { health: 8, resilience: 6, housing: 6, working_studying: 5, family: 5, friends: 4, finance: 4, improvement_of_strengths: 6, self_esteem: 6, life_satisfaction: 6 },
            peoplePerYear: 150,
            tags: ['synteettinen'],
          },
        },
        { op: 'addLink', link: link('personaNeed', 'persona-oulu-25-en-konetekniikka', 'need-kieli', { importance: 5 }) },
        { op: 'addLink', link: link('personaNeed', 'persona-oulu-25-en-konetekniikka', 'need-tyonhaku', { importance: 5 }) },
      ],
    },
    {
      exercise: {
        id: 'e2-tutkinto',
        title: T('Aukko: tutkinnon tunnustaminen', 'Lucka: erkännande av examen', 'Gap: recognition of qualifications'),
        instructions: T(
          'Aja kohtaantoanalyysi elämäntapahtumalle. Oululaisen tutkijan tarve "Tutkinnon ja osaamisen tunnustaminen" jää aukoksi, vaikka kartalla on Opetushallituksen palvelu "Tutkintojen tunnustaminen". Palvelua ei ole kirjattu vastaamaan mihinkään tarpeeseen. Lue palvelun kuvaus, yhdistä se oikeaan tarpeeseen ja aja analyysi uudelleen.',
          'Kör matchningsanalysen för livshändelsen. Forskarens behov ”Erkännande av examen och kunnande” (Tutkinnon ja osaamisen tunnustaminen) blir en lucka, fast kartan har Utbildningsstyrelsens tjänst ”Tutkintojen tunnustaminen”. Tjänsten är inte registrerad som svar på något behov. Läs tjänstens beskrivning, koppla den till rätt behov och kör analysen på nytt.',
          'Run the matching analysis for the life event. The Oulu researcher’s need "Recognition of qualifications and skills" (Tutkinnon ja osaamisen tunnustaminen) is a gap, although the map has the Finnish National Agency for Education’s service "Tutkintojen tunnustaminen". The service is not recorded as meeting any need. Read the service’s description, link it to the right need and run the analysis again.',
        ),
        hints: [T('Aukkoluettelo kertoo myös, mikä palvelu oli lähimpänä tarpeen täyttämistä.', 'Listan över luckor visar också vilken tjänst som var närmast att uppfylla behovet.', 'The list of gaps also shows which service came closest to meeting the need.')],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'tunnustaminen-linkki',
            title: T('"Tutkintojen tunnustaminen" vastaa tunnustamisen tarpeeseen', '”Tutkintojen tunnustaminen” svarar mot behovet av erkännande', '"Tutkintojen tunnustaminen" meets the recognition need'),
            hint: T('Vedä linkki palvelusta tarpeeseen "Tutkinnon ja osaamisen tunnustaminen".', 'Dra en länk från tjänsten till behovet ”Tutkinnon ja osaamisen tunnustaminen”.', 'Draw a link from the service to the need "Tutkinnon ja osaamisen tunnustaminen".'),
            rule: { type: 'linkExists', linkType: 'addresses', source: { kind: 'service', nameContains: 'Tutkintojen tunnustaminen' }, target: { kind: 'need', nameContains: 'tunnustaminen' } },
          },
          {
            id: 'ei-aukkoja',
            title: T('Elämäntapahtumassa ei ole aukkoja', 'Livshändelsen har inga luckor', 'The life event has no gaps'),
            hint: T('Aja analyysi ja katso, mikä tarve on vielä aukko.', 'Kör analysen och se vilket behov som fortfarande är en lucka.', 'Run the analysis and see which need is still a gap.'),
            rule: { type: 'matching', lifeEvent: { id: LE }, measure: 'gaps', comparison: 'atMost', value: 0 },
          },
        ],
      },
      answer: [{ op: 'addLink', link: link('addresses', S.tutkinnot, 'need-tutkinto', { evidence: 'kurssitehtävä (käsin): tiivistelmä "Ulkomaisten korkeakoulututkintojen… rinnastaminen ja ammattipätevyyden tunnustaminen"' }) }],
    },
    {
      exercise: {
        id: 'e3-yhden-luukun-piste',
        title: T('Yhden luukun neuvontapiste Tampereelle', 'En gemensam rådgivningspunkt i Tammerfors', 'A one-stop advice point for Tampere'),
        instructions: T(
          'Tamperelainen ICT-opiskelija joutuu asioimaan kolmessa organisaatiossa (Digi- ja väestötietovirasto, Kela ja TE-palvelut). Suunnitelkaa Tampereen kaupungille uusi palvelu: kansainvälisten osaajien neuvontapiste, jossa saa samasta paikasta neuvoa oleskeluluvasta ja rekisteröinnistä, työnhausta, suomen kielen kursseista ja muista palveluista (vrt. International House -palvelupisteet). Lisää palvelu kartalle, merkitse Tampereen kaupunki sen tuottajaksi ja yhdistä se tarpeisiin, joihin se vastaa. Aja analyysi uudelleen.',
          'IKT-studeranden i Tammerfors måste uträtta ärenden hos tre organisationer (Myndigheten för digitalisering och befolkningsdata, FPA och TE-tjänsterna). Planera en ny tjänst för Tammerfors stad: en rådgivningspunkt för internationella experter, där man på ett ställe får råd om uppehållstillstånd och registrering, jobbsökning, kurser i finska och andra tjänster (jfr International House-servicepunkterna). Lägg till tjänsten på kartan, ange Tammerfors stad som producent och koppla den till de behov den svarar mot. Kör analysen på nytt.',
          'The ICT student in Tampere must deal with three organisations (the Digital and Population Data Services Agency, Kela and TE Services). Design a new service for the City of Tampere: an advice point for international talent, offering in one place advice on residence permits and registration, job search, Finnish courses and other services (compare the International House service points). Add the service to the map, mark the City of Tampere as its provider and link it to the needs it meets. Run the analysis again.',
        ),
        hints: [
          T('Käyntipaikkoja laskettaessa yksi organisaatio on yksi käynti. Uusi palvelu vähentää käyntejä vain, jos se vastaa kaikkiin tarpeisiin, joiden takia profiili nyt asioi muualla.', 'När besöksställen räknas är en organisation ett besök. Den nya tjänsten minskar besöken bara om den svarar mot alla behov som profilen nu uträttar på andra ställen.', 'One organisation counts as one visit. The new service reduces visits only if it meets every need for which the persona now goes elsewhere.'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'tampere-tuottaa-pisteen',
            title: T('Tampereen kaupunki tuottaa palvelun, joka neuvoo oleskeluluvassa', 'Tammerfors stad tillhandahåller en tjänst som ger råd om uppehållstillstånd', 'The City of Tampere provides a service advising on residence permits'),
            hint: T('Vedä tuottajalinkki Tampereen kaupungista uuteen palveluun, ja palvelusta linkki tarpeeseen "Oleskelulupa ja rekisteröinti valmistumisen jälkeen".', 'Dra en producentlänk från Tammerfors stad till den nya tjänsten, och en länk från tjänsten till behovet ”Oleskelulupa ja rekisteröinti valmistumisen jälkeen”.', 'Draw a provider link from the City of Tampere to the new service, and a link from the service to the need "Oleskelulupa ja rekisteröinti valmistumisen jälkeen".'),
            rule: { type: 'linkExists', linkType: 'provides', source: { kind: 'organisation', municipality: '837' }, target: { kind: 'service', linkedTo: { id: 'need-oleskelulupa' } } },
          },
          {
            id: 'tampere-yksi-luukku',
            title: T('Tamperelainen opiskelija asioi yhdessä paikassa', 'Studeranden i Tammerfors besöker ett ställe', 'The Tampere student visits one place'),
            hint: T('Katso analyysista, mihin organisaatioihin profiili vielä joutuu, ja mitkä tarpeet sen takia jäävät uuden palvelun ulkopuolelle.', 'Se i analysen vilka organisationer profilen ännu måste besöka, och vilka behov som därför blir utanför den nya tjänsten.', 'See in the analysis which organisations the persona must still visit, and which needs the new service therefore leaves out.'),
            rule: { type: 'matching', lifeEvent: { id: LE }, measure: 'countersToVisit', persona: { id: 'persona-tampere-26-en-ict' }, comparison: 'atMost', value: 1 },
          },
        ],
      },
      answer: [
        {
          op: 'addEntity',
          entity: {
            kind: 'service',
            id: 'srv-tampere-osaajapiste',
            name: { fi: 'Kansainvälisten osaajien neuvontapiste – Tampere', sv: 'Rådgivningspunkt för internationella experter – Tammerfors', en: 'Advice point for international talent – Tampere' },
            description: { fi: 'Kurssitehtävän suunnitelma (ei PTV-palvelu): yhden luukun neuvonta oleskeluluvasta, rekisteröinnistä, työnhausta ja suomen kielen kursseista.', sv: 'Plan i en kursuppgift (inte en PTV-tjänst): rådgivning på ett ställe om uppehållstillstånd, registrering, jobbsökning och kurser i finska.', en: 'Plan from a course exercise (not a PTV service): one-stop advice on residence permits, registration, job search and Finnish courses.' },
            areaType: 'limited',
            areas: ['837'],
            languages: ['fi', 'sv', 'en'],
          },
        },
        { op: 'addLink', link: link('provides', 'org-tampere', 'srv-tampere-osaajapiste', { role: 'responsible' }) },
        { op: 'addLink', link: link('inLifeEvent', 'srv-tampere-osaajapiste', LE) },
        ...['need-oleskelulupa', 'need-tyonhaku', 'need-kieli', 'need-ohjaus'].map((n) => ({ op: 'addLink' as const, link: link('addresses', 'srv-tampere-osaajapiste', n, { evidence: 'kurssitehtävä (käsin): suunniteltu palvelu' }) })),
      ],
    },
    {
      exercise: {
        id: 'e4-tyosuhdeneuvonta',
        title: T('Suosittelija ja työsuhteen ehdot', 'Rekommenderaren och anställningsvillkoren', 'The recommender and terms of employment'),
        instructions: T(
          'Turkulainen sairaanhoitajaopiskelija kertoo, että osa-aikatyön työnantaja maksaa vähemmän kuin työehtosopimus edellyttää. Profiilissa tarve "Työsuhteen ehdot ja oikeudet" on kirjattu tärkeydellä 2. Muuta tärkeydeksi 5 ja katso suosittelijasta, nouseeko "Maahanmuuttajien työsuhdeneuvonta" kolmen ensimmäisen joukkoon.',
          'Sjukskötarstuderanden i Åbo berättar att arbetsgivaren på hens deltidsjobb betalar mindre än kollektivavtalet kräver. I profilen har behovet ”Anställningsvillkor och rättigheter” (Työsuhteen ehdot ja oikeudet) vikten 2. Ändra vikten till 5 och se i rekommenderaren om ”Maahanmuuttajien työsuhdeneuvonta” stiger till de tre första.',
          'The nursing student in Turku says that the employer of the part-time job pays less than the collective agreement requires. In the persona, the need "Terms of employment and rights" (Työsuhteen ehdot ja oikeudet) has importance 2. Change it to 5 and see in the recommender whether "Maahanmuuttajien työsuhdeneuvonta" rises into the first three.',
        ),
        hints: [T('Tarpeen tärkeys muutetaan profiilin ja tarpeen välisen linkin tiedoista.', 'Behovets vikt ändras i uppgifterna för länken mellan profilen och behovet.', 'The importance is changed in the details of the link between the persona and the need.')],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'tyosuhdeneuvonta-top3',
            title: T('"Maahanmuuttajien työsuhdeneuvonta" on turkulaisen opiskelijan kolmen kärjessä', '”Maahanmuuttajien työsuhdeneuvonta” är bland Åbo-studerandens tre främsta', '"Maahanmuuttajien työsuhdeneuvonta" is in the Turku student’s top three'),
            hint: T('Nosta profiilin tarpeen "Työsuhteen ehdot ja oikeudet" tärkeys viiteen.', 'Höj vikten för profilens behov ”Työsuhteen ehdot ja oikeudet” till fem.', 'Raise the importance of the persona’s need "Työsuhteen ehdot ja oikeudet" to five.'),
            rule: { type: 'recommenderTopK', persona: { id: 'persona-turku-24-en-hoitaja' }, service: { id: S.tyosuhdeneuvonta }, k: 3 },
          },
        ],
      },
      answer: [
        { op: 'removeLink', id: link('personaNeed', 'persona-turku-24-en-hoitaja', 'need-tyosuhde').id },
        { op: 'addLink', link: link('personaNeed', 'persona-turku-24-en-hoitaja', 'need-tyosuhde', { importance: 5 }) },
      ],
    },
    {
      exercise: {
        id: 'e5-mittari',
        title: T('Mittari: jäävätkö valmistuneet Suomeen töihin?', 'Indikator: stannar de utexaminerade i Finland och arbetar?', 'Indicator: do graduates stay to work in Finland?'),
        instructions: T(
          'Elämäntapahtuman tavoite on, että Suomessa valmistuneet ulkomaalaiset jäävät tänne töihin. Lisää tilannekuvaan mittari "Suomessa työllistyneiden osuus valmistuneista ulkomaalaisista opiskelijoista" (yksikkö %, suurempi on parempi) lähtötasoineen ja tavoitteineen, ja kerro kouluttajalle, mistä tieto saataisiin.',
          'Livshändelsens mål är att utlänningar som tar examen i Finland stannar här och arbetar. Lägg till indikatorn ”Andel utexaminerade utländska studerande som fått arbete i Finland” (fi: Suomessa työllistyneiden osuus valmistuneista ulkomaalaisista opiskelijoista; enhet %, högre är bättre) med utgångsnivå och mål i lägesbilden, och berätta för utbildaren varifrån uppgiften skulle fås.',
          'The life event’s goal is that foreigners who graduate in Finland stay here to work. Add the indicator "Share of graduated international students employed in Finland" (fi: Suomessa työllistyneiden osuus valmistuneista ulkomaalaisista opiskelijoista; unit %, higher is better) with a baseline and a target to the situational picture, and tell the trainer where the figure would come from.',
        ),
        hints: [T('Lähtötaso ja tavoite tarvitsevat kumpikin päivämäärän ja arvon; tavoitteen päivän pitää olla lähtötason jälkeen.', 'Utgångsnivån och målet behöver båda ett datum och ett värde; målets datum ska vara efter utgångsnivåns.', 'Baseline and target each need a date and a value; the target’s date must come after the baseline’s.')],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'mittari-tyollistyneet',
            title: T('Mittari työllistyneiden osuudesta, jolla on lähtötaso ja tavoite', 'En indikator för andelen som fått arbete, med utgångsnivå och mål', 'An indicator of the share employed, with a baseline and a target'),
            hint: T('Mittarin suomenkielisessä nimessä pitää olla sana "työllistyneiden".', 'Indikatorns finska namn ska innehålla ordet ”työllistyneiden”.', 'The indicator’s Finnish name must contain the word "työllistyneiden".'),
            rule: { type: 'indicator', nameContains: 'työllistyneiden', needsBaseline: true, needsTarget: true },
          },
          {
            id: 'vastaus-tietolahde',
            title: T('Vastaus kouluttajalle', 'Svar till utbildaren', 'Answer for the trainer'),
            hint: T('Kirjoita vastaus tehtäväpaneeliin.', 'Skriv svaret i uppgiftspanelen.', 'Write the answer in the exercise panel.'),
            rule: { type: 'freeAnswer', prompt: T('Mistä mittarin tieto saataisiin ja kuka sen mittaa? Mitä mittari ei kerro?', 'Varifrån skulle indikatorns uppgift fås och vem mäter den? Vad berättar indikatorn inte?', 'Where would the indicator’s figure come from, and who measures it? What does the indicator not tell?') },
          },
        ],
      },
      answer: [
        {
          op: 'addItem',
          item: {
            id: 'ind-ulkomaiset-tyollistyneet',
            kind: 'indicator',
            name: { fi: 'Suomessa työllistyneiden osuus valmistuneista ulkomaalaisista opiskelijoista', sv: 'Andel utexaminerade utländska studerande som fått arbete i Finland', en: 'Share of graduated international students employed in Finland' },
            unit: '%',
            direction: 'higher',
            baseline: { date: '2026-01-15', value: 50 },
            target: { date: '2029-01-15', value: 75 },
            dataSource: 'Kurssitehtävän malliratkaisu (käsin): lukuja ei ole otettu tilastosta',
          },
        },
      ],
    },
  ];
  return assemblePack(
    {
      id: PACK_ID,
      revision: 1,
      title: T('Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään', 'Utländska studerande fäster sig vid det finländska arbetslivet', 'International students attaching to Finnish working life'),
      description: T(
        'Harjoituksia AuroraAI-ohjelman alkuperäisellä elämäntapahtumalla, jota ohjelmassa ei ehditty toteuttaa: asiakasprofiili, aukko, yhden luukun palvelun suunnittelu, suosittelija ja mittari. Palvelut ovat oikeita PTV-palveluja; elämäntapahtuma, tarpeet ja profiilit ovat keksittyjä.',
        'Övningar med en av AuroraAI-programmets ursprungliga livshändelser, som programmet aldrig hann genomföra: kundprofil, lucka, planering av en gemensam servicepunkt, rekommenderaren och en indikator. Tjänsterna är verkliga PTV-tjänster; livshändelsen, behoven och profilerna är påhittade.',
        'Exercises on one of the AuroraAI programme’s original life events, which the programme never built: a persona, a gap, designing a one-stop service, the recommender and an indicator. Services are real PTV services; the life event, needs and personas are made up.',
      ),
      learningGoals: [
        T('Osaan kuvata asiakasprofiilin ja sen tarpeet', 'Jag kan beskriva en kundprofil och dess behov', 'I can describe a persona and its needs'),
        T('Osaan etsiä aukon syyn palvelun tiedoista', 'Jag kan söka orsaken till en lucka i tjänstens uppgifter', 'I can find the cause of a gap in a service’s data'),
        T('Osaan arvioida, vähentääkö uusi palvelu asiointipaikkoja', 'Jag kan bedöma om en ny tjänst minskar antalet besöksställen', 'I can judge whether a new service reduces the places to visit'),
        T('Osaan asettaa elämäntapahtumalle mitattavan tavoitteen', 'Jag kan sätta ett mätbart mål för en livshändelse', 'I can set a measurable goal for a life event'),
      ],
      provenance: [
        { source: 'labels/auroraai-3x10d-labels.csv (vrk-kpa/auroraai-core-components, MIT; content PTV open data)', note: '14 services imported unchanged with the services-table import.' },
        { source: 'ptv/general-descriptions.json (vrk-kpa/ptv-releases, MIT)', note: 'General descriptions Suomen tai ruotsin opetus toisena kielenä; Maahanmuuttajien palveluohjaus (PTV import).' },
        { source: 'Kohtaanto course authors', note: PROVENANCE, handEntered: true },
      ],
    },
    exercises,
  );
}
