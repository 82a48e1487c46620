/**
 * Builds the built-in example workspace `nuoret-kiinni-yhteiskunnassa.json` from the real public
 * data in /work/shared/data (or $KOHTAANTO_DATA): the AuroraAI 3X10D labelling sheet, PTV general
 * descriptions, PTV code lists, PTV v11 responses and legacy PTV service channels.
 *
 *   npx tsx resources/examples/build-example.ts
 *
 * The JSON is the committed artefact; this script documents how it was made and can rebuild it.
 * What comes from the data: service ids, Finnish names and summaries, municipalities, 3X10D labels,
 * the "EI MUKAAN" marks, sv/en names and short descriptions, service classes, target groups, life
 * events and ontology terms of the matching general description (pohjakuvaus) or the v11 record, the
 * Nettilukio service and the Otavia / Kansalaisneuvonta / Nuortenelämä.fi channels. What the authors
 * wrote (and mark as such in the provenance): which organisation is responsible after the 2023
 * wellbeing-county reform, the needs and their evidence rules, the personas, and sv/en names where the
 * data has none. No PTV id is invented: every ptvId below is checked against the data.
 *
 * How the links are made (no service→need link is chosen by hand):
 * - addresses (service → need): only where the need's rule in ./evidence-rules.ts holds for the
 *   service's record: a PTV service class, a PTV target group and/or a word stem in the service's own
 *   Finnish text. The link's data.evidence names what held ("class P4.1; words: asumista"). The rules
 *   were written as a definition of each need, not fitted so that every need gets a service; a need or
 *   persona left without supply is a finding, not a bug. Classes, target groups and life-event codes
 *   are never added by hand, so the rules read nothing the authors put there.
 * - inLifeEvent: every service belongs to the youth life event the set was chosen for; to the other two
 *   when it addresses their own need (LIFE_EVENTS.coreNeeds) or carries their PTV code.
 * - expectedServices of a persona: services that address one of its needs of importance 4–5 by the same
 *   evidence, in its area and language (see expectedServices()).
 * - provides / offeredThrough: the v11 record's organisations and channels, and the PTV channels of
 *   the data (Kansalaisneuvonta, Nuortenelämä.fi, Otavan Opisto); otherwise the authors' reading: the
 *   organisation that runs the service today, and the channel the service's text names (Ohjaamo
 *   Olkkari, Byströmin Ohjaamo, NuortenTurku) or its well-known e-service, marked as without a PTV id.
 * - Areas: the labelling sheet's municipality, or the municipality a service's name names; else
 *   nationwide. Languages: the record's, else its PTV channels', else the Language Act minimum of the
 *   responsible organisation plus any language the service's own text names (serviceLanguages()).
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { METERS, ServiceSchema, WorkspaceJsonSchema, linkKindError } from '../../shared/model';
import type { EntityInput, LinkInput, LinkType, Meter, Service, WorkspaceJsonInput } from '../../shared/model';
import { NEED_RULES, needEvidence, type Clause, type ServiceRecord } from './evidence-rules';

const DATA = process.env.KOHTAANTO_DATA ?? path.resolve(__dirname, '../../../shared/data');
const OUT = path.resolve(__dirname, 'nuoret-kiinni-yhteiskunnassa.json');

type Lang = 'fi' | 'sv' | 'en';
type Text = Partial<Record<Lang, string>>;

// ---------------------------------------------------------------------------------------------
// Real data readers
// ---------------------------------------------------------------------------------------------

interface LabelRow {
  id: string;
  municipality_code: string;
  sheet: string;
  name: string;
  summary: string;
  excluded: string;
  [meter: string]: string;
}

function readJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(path.join(DATA, ...parts), 'utf8')) as T;
}

function readLabels(): Map<string, LabelRow> {
  const text = fs.readFileSync(path.join(DATA, 'labels/auroraai-3x10d-labels.csv'), 'utf8');
  const parsed = Papa.parse<LabelRow>(text, { header: true, skipEmptyLines: true });
  const out = new Map<string, LabelRow>();
  // The same PTV id can sit on several sheets (e.g. a national service listed under Oulu too):
  // keep the first row, which is the one with the sheet the service belongs to.
  for (const row of parsed.data) if (row.id && !out.has(row.id)) out.set(row.id, row);
  return out;
}

/** Cleans the Excel artefacts of the labelling sheet (`_x000D_` line ends, stray spaces). */
function clean(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/_x000D_/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface CodeEntry {
  Notation: string;
  OldUri?: string | null;
  Label: { Fi?: string; Sv?: string; En?: string };
}

function oldUriMap(file: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of readJson<CodeEntry[]>('codes', file)) if (c.OldUri) m.set(c.OldUri, c.Notation);
  return m;
}

function codeLabels(file: string): Map<string, CodeEntry['Label']> {
  const m = new Map<string, CodeEntry['Label']>();
  for (const c of readJson<CodeEntry[]>('codes', file)) m.set(c.Notation, c.Label);
  return m;
}

interface GdLabel {
  Lang: string;
  Label: string;
}
interface GeneralDescription {
  Id: string;
  Name: GdLabel[];
  ShortDescription: GdLabel[];
  ServiceClass: { Key: string; Value: string }[];
  OntologyTerm: { Key: string; Value: string }[];
  TargetGroup: { Key: string; Value: string }[];
  LifeEvent: { Key: string; Value: string }[];
}

function texts(labels: GdLabel[]): Text {
  const t: Text = {};
  for (const l of labels) if ((l.Lang === 'fi' || l.Lang === 'sv' || l.Lang === 'en') && l.Label?.trim()) t[l.Lang] = l.Label.trim();
  return t;
}

// ---------------------------------------------------------------------------------------------
// Curated content: organisations
// ---------------------------------------------------------------------------------------------

type OrgKey =
  | 'vm'
  | 'dvv'
  | 'digifinland'
  | 'kela'
  | 'te'
  | 'oph'
  | 'vero'
  | 'oulu'
  | 'turku'
  | 'mikkeli'
  | 'otavia'
  | 'tampere'
  | 'pphva'
  | 'eshva'
  | 'vshva'
  | 'kesaduunari';

interface OrgSpec {
  name: Text;
  orgType: 'state' | 'municipality' | 'wellbeingCounty' | 'ngo' | 'company' | 'other';
  description: Text;
  municipality?: string;
  /** Only ids that occur in the data (checked below). */
  ptvId?: string;
  businessId?: string;
  /** Wellbeing services county code in codes/wellbeing-counties.json: names are taken from there. */
  countyCode?: string;
  tags?: string[];
}

const ORGS: Record<OrgKey, OrgSpec> = {
  vm: {
    name: { fi: 'Valtiovarainministeriö', sv: 'Finansministeriet', en: 'Ministry of Finance' },
    orgType: 'state',
    description: {
      fi: 'Asetti AuroraAI-ohjelman (VN/1332/2020, 2020–2022) ja omistaa sen tavoitteet: sujuvampi asiointi valituissa elämäntapahtumissa, tilannekuvajohtaminen ja yhteistyön uudet keinot.',
      en: 'Set up the AuroraAI programme (2020–2022) and owns its goals.',
    },
    tags: ['AuroraAI'],
  },
  dvv: {
    name: {
      fi: 'Digi- ja väestötietovirasto',
      sv: 'Myndigheten för digitalisering och befolkningsdata',
      en: 'Digital and Population Data Services Agency',
    },
    orgType: 'state',
    description: {
      fi: 'Rakensi AuroraAI-verkon ydinkomponentit (suosittelija, profiilinhallinta, rajapinta) ja ylläpitää Suomi.fi-palvelutietovarantoa (PTV). Vastaa Kansalaisneuvonnasta. (Aineiston vanhat PTV-tiedot ovat edeltäjä Väestörekisterikeskuksen nimissä.)',
      en: 'Built the AuroraAI network core components and maintains the Finnish Service Catalogue (PTV); runs Citizen’s Advice.',
    },
    tags: ['AuroraAI'],
  },
  digifinland: {
    name: { fi: 'DigiFinland Oy', sv: 'DigiFinland Ab', en: 'DigiFinland Oy' },
    orgType: 'company',
    description: {
      fi: 'Julkisomisteinen erityistehtäväyhtiö; toteutti AuroraAI-verkon käyttöliittymätuotteita nuorille (2019–2022).',
      en: 'Publicly owned special-assignment company; built AuroraAI user-interface products for young people.',
    },
    tags: ['AuroraAI'],
  },
  kela: {
    name: { fi: 'Kansaneläkelaitos (Kela)', sv: 'Folkpensionsanstalten (FPA)', en: 'Social Insurance Institution of Finland (Kela)' },
    orgType: 'state',
    description: {
      fi: 'Opintotuki, yleinen asumistuki, työttömyysturva (peruspäiväraha, työmarkkinatuki) ja perustoimeentulotuki.',
      en: 'Student financial aid, general housing allowance, basic unemployment benefits and basic social assistance.',
    },
  },
  te: {
    name: {
      fi: 'TE-palvelut (TE-toimistot, KEHA-keskus / Työmarkkinatori)',
      sv: 'TE-tjänsterna (TE-byråerna, UF-centret / Jobbmarknaden)',
      en: 'TE Services (TE Offices, KEHA Centre / Job Market Finland)',
    },
    orgType: 'state',
    description: {
      fi: 'Työnhakijaksi ilmoittautuminen, työnhaun ja uravalinnan ohjaus, koulutusneuvonta, työkokeilu ja EURES. Aineiston palvelukuvaukset ovat TE-toimistojen ajalta; vuodesta 2025 palvelut järjestävät kuntien työllisyysalueet, ja Työmarkkinatoria ylläpitää KEHA-keskus.',
      en: 'Jobseeker registration, job-search and career guidance, education advice, work trials and EURES. Since 2025 municipal employment areas run these services; KEHA Centre maintains Job Market Finland.',
    },
  },
  oph: {
    name: { fi: 'Opetushallitus', sv: 'Utbildningsstyrelsen', en: 'Finnish National Agency for Education' },
    orgType: 'state',
    description: {
      fi: 'Ylläpitää mm. Maailmalle.net-palvelua nuorten kansainvälistymisestä ja Opintopolku-hakupalvelua.',
      en: 'Runs the Maailmalle.net service on going abroad and the Studyinfo application service.',
    },
  },
  vero: {
    name: { fi: 'Verohallinto', sv: 'Skatteförvaltningen', en: 'Finnish Tax Administration' },
    orgType: 'state',
    description: {
      fi: 'Verokortti ja OmaVero. Ehdotti AuroraAI-ohjelmaan myös läheisen kuoleman elämäntapahtumaa.',
      en: 'Tax cards and MyTax. Also proposed the “death of a close relative” life event to AuroraAI.',
    },
  },
  oulu: {
    name: { fi: 'Oulun kaupunki', sv: 'Uleåborgs stad', en: 'City of Oulu' },
    orgType: 'municipality',
    municipality: '564',
    description: {
      fi: 'AuroraAI-ohjelman pilottikaupunki. Nuorisopalvelut (Byströmin Ohjaamo, etsivä nuorisotyö, työpajat, kesätyöseteli); nuorten tieto- ja neuvontatyön osaamiskeskus Koordinaatti ja Nuortenelämä.fi.',
      en: 'AuroraAI pilot city. Youth services (Byström One-Stop Guidance Centre, outreach youth work, workshops, summer job voucher).',
    },
    tags: ['AuroraAI'],
  },
  turku: {
    name: { fi: 'Turun kaupunki', sv: 'Åbo stad', en: 'City of Turku' },
    orgType: 'municipality',
    municipality: '853',
    description: {
      fi: 'AuroraAI-ohjelman pilottikaupunki; kaksikielinen. NuortenTurku, nuorisotilat, työllisyyspalvelut, lukiot (myös Katedralskolan i Åbo) ja Turun ammatti-instituutti.',
      sv: 'Pilotstad i AuroraAI-programmet; tvåspråkig. Ungdomstjänster, sysselsättningstjänster och gymnasier (också Katedralskolan i Åbo).',
      en: 'AuroraAI pilot city; bilingual. Youth advice, youth centres, employment services, upper secondary schools.',
    },
    tags: ['AuroraAI'],
  },
  mikkeli: {
    name: { fi: 'Mikkelin kaupunki', sv: 'S:t Michels stad', en: 'City of Mikkeli' },
    orgType: 'municipality',
    municipality: '491',
    ptvId: 'cd8efa0a-44f3-4748-a667-6402242e327d',
    businessId: '0165116-3',
    description: {
      fi: 'AuroraAI-ohjelman pilottikaupunki. Nuorisopalvelut (Ohjaamo Olkkari, etsivä nuorisotyö, nuorisotilat) ja kansalaisopisto.',
      en: 'AuroraAI pilot city. Youth services (Ohjaamo Olkkari one-stop centre, outreach youth work, youth centres) and adult education centre.',
    },
    tags: ['AuroraAI'],
  },
  otavia: {
    name: { fi: 'Mikkelin kaupungin liikelaitos Otavia', sv: 'Affärsverket Otavia, S:t Michels stad', en: 'Otavia, municipal enterprise of the City of Mikkeli' },
    orgType: 'municipality',
    municipality: '491',
    ptvId: 'df0c2f24-d2bd-4ba7-bdcd-fcfc9f0d65a7',
    description: {
      fi: 'Otavan Opisto: Nettilukio, Nettiperuskoulu ja aineopiskelu verkossa koko Suomeen.',
      en: 'Otava Folk High School: online upper secondary school and single-subject studies, nationwide.',
    },
  },
  tampere: {
    name: { fi: 'Tampereen kaupunki', sv: 'Tammerfors stad', en: 'City of Tampere' },
    orgType: 'municipality',
    municipality: '837',
    description: {
      fi: 'AuroraAI-ohjelman pilottikaupunki. Aineistossa on vain yksi Tampereen palvelu (Tampereen seudun työväenopisto): kaupungin omat nuorten palvelut puuttuvat luokitellusta aineistosta.',
      en: 'AuroraAI pilot city. The labelled data holds only one Tampere service (the adult education centre).',
    },
    tags: ['AuroraAI'],
  },
  pphva: {
    orgType: 'wellbeingCounty',
    countyCode: '19',
    name: {},
    description: {
      fi: 'Järjestää 1.1.2023 alkaen Oulun sosiaali- ja terveyspalvelut sekä opiskeluhuollon. Aineiston PTV-kuvaukset (2021) ovat vielä Oulun kaupungin julkaisemia.',
      en: 'Responsible for social, health and student welfare services in Oulu since 2023; the PTV records in the data (2021) were published by the city.',
    },
  },
  eshva: {
    orgType: 'wellbeingCounty',
    countyCode: '12',
    name: {},
    description: {
      fi: 'Eloisa; järjestää 1.1.2023 alkaen Mikkelin seudun sote-palvelut (aiemmin Essote). Aineiston PTV-kuvaukset ovat Essoten ajalta.',
      en: 'Eloisa; responsible for social and health services around Mikkeli since 2023 (formerly Essote).',
    },
  },
  vshva: {
    orgType: 'wellbeingCounty',
    countyCode: '05',
    name: {},
    description: {
      fi: 'Järjestää 1.1.2023 alkaen Turun sosiaali- ja terveyspalvelut ja opiskeluhuollon kuraattori- ja psykologipalvelut.',
      en: 'Responsible for social and health services and student welfare in Turku since 2023.',
    },
  },
  kesaduunari: {
    name: {
      fi: 'Palkansaajakeskusjärjestöt SAK, Akava ja STTK',
      sv: 'Löntagarcentralorganisationerna FFC, Akava och STTK',
      en: 'Trade union confederations SAK, Akava and STTK',
    },
    orgType: 'ngo',
    description: {
      fi: 'Järjestävät yhdessä maksuttoman Kesäduunari-infon kesätyöntekijöille.',
      en: 'Jointly run the free Summer Job Info service for summer workers.',
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Needs, life events
// ---------------------------------------------------------------------------------------------

type NeedKey =
  | 'ohjaus'
  | 'opiskelupaikka'
  | 'toinen-aste'
  | 'tyo'
  | 'toimeentulo'
  | 'asunto'
  | 'mielenterveys'
  | 'paihteet'
  | 'yksinaisyys'
  | 'talous'
  | 'verot'
  | 'kansainvalinen';

interface NeedSpec {
  name: Text;
  description: Text;
  rule: Clause[];
  /** Words for the recommender's text evidence (the need's `keywords`). */
  keywords: string[];
}

const NEEDS: Record<NeedKey, NeedSpec> = {
  ohjaus: {
    name: { fi: 'Ohjaus: mistä aloittaa', sv: 'Vägledning: var ska jag börja', en: 'Guidance on where to start' },
    description: {
      fi: 'Nuori ei tiedä, mikä palvelu sopii ja kuka auttaa; tarvitsee yhden paikan, josta saa ohjausta eteenpäin (matalan kynnyksen ohjaus, Ohjaamo).',
      en: 'Does not know which service fits or who helps; needs one low-threshold place that guides onwards.',
    },
    rule: NEED_RULES['ohjaus'],
    keywords: ['ohjaamo', 'etsivä nuorisotyö', 'palveluohjaus', 'kansalaisneuvonta'],
  },
  opiskelupaikka: {
    name: { fi: 'Opiskelupaikan löytäminen', sv: 'Att hitta en studieplats', en: 'Finding a place to study' },
    description: {
      fi: 'Sopivan alan ja oppilaitoksen löytäminen, haku (yhteishaku, jatkuva haku) ja ammatinvalinta.',
      en: 'Finding a field and school, applying (joint or continuous application) and choosing a career.',
    },
    rule: NEED_RULES['opiskelupaikka'],
    keywords: ['ammatinvalinta', 'koulutusneuvonta', 'yhteishaku', 'opinto-ohjaus'],
  },
  'toinen-aste': {
    name: {
      fi: 'Toisen asteen opintojen loppuun saattaminen',
      sv: 'Att slutföra studier på andra stadiet',
      en: 'Completing upper secondary studies',
    },
    description: {
      fi: 'Keskeytymisen ehkäisy ja keskeytyneiden opintojen jatkaminen lukiossa tai ammatillisessa koulutuksessa (oppivelvollisuus 18 ikävuoteen).',
      en: 'Preventing drop-out and resuming interrupted general or vocational upper secondary studies.',
    },
    rule: NEED_RULES['toinen-aste'],
    keywords: ['lukio', 'ammatillinen koulutus', 'keskeyttäminen'],
  },
  tyo: {
    name: { fi: 'Ensimmäinen työpaikka tai kesätyö', sv: 'Första jobbet eller sommarjobb', en: 'First job or summer job' },
    description: {
      fi: 'Työnhaku, kesätyö, työkokeilu tai työpaja; työelämän pelisäännöt ensimmäisessä työsuhteessa.',
      en: 'Job search, summer job, work trial or workshop; the rules of a first employment.',
    },
    rule: NEED_RULES['tyo'],
    keywords: ['työnhaku', 'kesätyö', 'työkokeilu', 'työpaja'],
  },
  toimeentulo: {
    name: { fi: 'Toimeentulo ja etuudet', sv: 'Försörjning och förmåner', en: 'Income and benefits' },
    description: {
      fi: 'Opintotuki, työttömyysturva, asumistuki ja toimeentulotuki: mitä voi saada ja miten haetaan.',
      en: 'Student aid, unemployment benefits, housing allowance and social assistance: what one can get and how to apply.',
    },
    rule: NEED_RULES['toimeentulo'],
    keywords: ['toimeentulotuki', 'opintotuki', 'työttömyysturva', 'asumistuki'],
  },
  asunto: {
    name: { fi: 'Ensimmäinen oma asunto', sv: 'Den första egna bostaden', en: 'Own first home' },
    description: {
      fi: 'Kotoa muuttaminen: vuokra-asunnon löytäminen, vuokravakuus, asumisen tuet ja tuki itsenäiseen asumiseen; asunnottomuuden uhka.',
      en: 'Moving out: finding a rental flat, the deposit, housing benefits and support for independent living; risk of homelessness.',
    },
    rule: NEED_RULES['asunto'],
    keywords: ['vuokra-asunto', 'asuminen', 'asunnottomuus'],
  },
  mielenterveys: {
    name: { fi: 'Mielenterveyden tuki', sv: 'Stöd för psykisk hälsa', en: 'Mental health support' },
    description: {
      fi: 'Ahdistus, masennus, uupumus: keskusteluapu matalalla kynnyksellä ja tarvittaessa hoito.',
      en: 'Anxiety, depression, exhaustion: low-threshold support and, when needed, treatment.',
    },
    rule: NEED_RULES['mielenterveys'],
    keywords: ['mielenterveys', 'masennus', 'ahdistus', 'kuraattori'],
  },
  paihteet: {
    name: { fi: 'Apu päihteiden käyttöön', sv: 'Hjälp mot missbruk', en: 'Help with substance use' },
    description: {
      fi: 'Huoli omasta alkoholin, huumeiden tai lääkkeiden käytöstä; ehkäisevä päihdetyö ja hoitoon ohjaus.',
      en: 'Worry about one’s alcohol, drug or medicine use; prevention and referral to treatment.',
    },
    rule: NEED_RULES['paihteet'],
    keywords: ['päihteet', 'huumeet', 'alkoholi', 'päihdepalvelut'],
  },
  yksinaisyys: {
    name: { fi: 'Yksinäisyys, kaverit ja harrastukset', sv: 'Ensamhet, vänner och fritidsintressen', en: 'Loneliness, friends and hobbies' },
    description: {
      fi: 'Yhteisö, jossa kuuluu joukkoon: nuorisotilat, harrastukset, kurssit, vertaistuki.',
      en: 'A community to belong to: youth centres, hobbies, courses, peer support.',
    },
    rule: NEED_RULES['yksinaisyys'],
    keywords: ['yksinäisyys', 'harrastus', 'nuorisotila', 'vertaistuki'],
  },
  talous: {
    name: { fi: 'Velat ja raha-asioiden hallinta', sv: 'Skulder och hantering av pengar', en: 'Debt and money management' },
    description: {
      fi: 'Maksuhäiriöt, pikavipit ja laskujen hallinta. Huom.: aineistossa ei ole yhtään henkilöasiakkaan talous- ja velkaneuvonnan palvelua (PTV-pohjakuvaus on olemassa) – tunnistettu aukko.',
      en: 'Payment defaults, quick loans and managing bills. Note: the data holds no consumer debt-advice service (a PTV general description exists) – a known gap.',
    },
    rule: NEED_RULES['talous'],
    keywords: ['velka', 'maksuhäiriö', 'talousneuvonta', 'luotto'],
  },
  verot: {
    name: { fi: 'Verokortti ja verotus ensimmäisessä työssä', sv: 'Skattekort och beskattning i första jobbet', en: 'Tax card and taxes in a first job' },
    description: {
      fi: 'Verokortin tilaaminen, veroprosentti ja oma verotus, kun saa ensimmäistä kertaa palkkaa.',
      en: 'Ordering a tax card, the tax rate and one’s own taxation when earning a first salary.',
    },
    rule: NEED_RULES['verot'],
    keywords: ['verokortti', 'veroprosentti', 'verotus'],
  },
  kansainvalinen: {
    name: {
      fi: 'Kansainvälinen nuori ja suomalainen työelämä',
      sv: 'Internationell ung person och arbetslivet i Finland',
      en: 'International young people and Finnish working life',
    },
    description: {
      fi: 'Ulkomaalainen opiskelija tai vastavalmistunut hakee töitä Suomessa (kieli, verkostot, oikeus etuuksiin) – tai suomalainen nuori haluaa ulkomaille.',
      en: 'An international student or graduate looking for work in Finland (language, networks, entitlement to benefits) – or a Finnish young person wanting to go abroad.',
    },
    rule: NEED_RULES['kansainvalinen'],
    keywords: ['kansainvälistyminen', 'ulkomaat', 'maahanmuuttaja', 'EURES'],
  },
};

type LifeEventKey = 'nuoret' | 'kotoa' | 'ulkomaiset';
/**
 * `needs` are the life event's needs (hasNeed). `coreNeeds` decide which services belong to it
 * (inLifeEvent): those that address one of them, besides services carrying its PTV code. The youth
 * life event is the one the services were chosen for, so all of them belong to it.
 */
const LIFE_EVENTS: Record<LifeEventKey, { name: Text; description: Text; code?: string; needs: NeedKey[]; coreNeeds: NeedKey[] | 'all'; tags: string[] }> = {
  nuoret: {
    name: {
      fi: 'Nuoret kiinni yhteiskunnassa syrjäytymisen ehkäisyllä',
      sv: 'Unga med i samhället genom att förebygga utanförskap',
      en: 'Young people engaged in society by preventing exclusion',
    },
    description: {
      fi: 'AuroraAI-ohjelman elämäntapahtuma (asettamispäätös VN/1332/2020), ainoa joka toteutettiin AuroraAI-verkkoon. 16–29-vuotiaat, jotka ovat vaarassa jäädä koulutuksen, työn tai yhteisön ulkopuolelle. PTV:n elämäntilanteissa (KE1–KE14) ei ole tälle omaa koodia; lähimmät ovat KE3, KE4.1 ja KE8.',
      sv: 'Livshändelse i AuroraAI-programmet. Unga 16–29 år som riskerar att hamna utanför utbildning, arbete eller gemenskap. PTV har ingen egen kod för den.',
      en: 'AuroraAI programme life event, the only one built into the AuroraAI network. People aged 16–29 at risk of falling outside education, work or community. PTV’s life events (KE1–KE14) have no code for it.',
    },
    needs: ['ohjaus', 'opiskelupaikka', 'toinen-aste', 'tyo', 'toimeentulo', 'asunto', 'mielenterveys', 'paihteet', 'yksinaisyys', 'talous', 'verot', 'kansainvalinen'],
    coreNeeds: 'all',
    tags: ['AuroraAI'],
  },
  kotoa: {
    code: 'KE4.1',
    name: {},
    description: {
      fi: 'PTV:n elämäntilanne KE4.1; liittyy nuorten elämäntapahtumaan, kun nuori muuttaa ensimmäiseen omaan asuntoonsa.',
      en: 'PTV life event KE4.1; part of the young people’s life event when they move to a first home of their own.',
    },
    needs: ['asunto', 'toimeentulo', 'talous', 'ohjaus'],
    coreNeeds: ['asunto'],
    tags: ['PTV'],
  },
  ulkomaiset: {
    code: 'KE5',
    name: {
      fi: 'Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään ja yhteiskuntaan',
      sv: 'Utländska studerande förankras i arbetslivet och samhället i Finland',
      en: 'International students attaching to Finnish working life and society',
    },
    description: {
      fi: 'AuroraAI-ohjelman alkuperäinen toinen elämäntapahtuma, joka jätettiin toteuttamatta. Lähin PTV:n elämäntilanne on KE5 (Maahanmuuttajana Suomeen).',
      en: 'The AuroraAI programme’s original second life event, later dropped. Nearest PTV life event: KE5 (Immigrating to Finland).',
    },
    needs: ['kansainvalinen', 'tyo', 'verot', 'toimeentulo', 'yksinaisyys', 'ohjaus'],
    coreNeeds: ['kansainvalinen'],
    tags: ['AuroraAI'],
  },
};

// ---------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------

type ChannelType = 'webPage' | 'eChannel' | 'phone' | 'serviceLocation' | 'printableForm';
interface ChannelSpec {
  /** Legacy channel file id (ptv/legacy/channels) or v11 channel id; name etc. read from there. */
  ptv?: string;
  channelType: ChannelType;
  name?: Text;
  description?: Text;
  url?: string;
  phone?: string;
  address?: string;
  languages?: string[];
}

const CHANNELS: Record<string, ChannelSpec> = {
  'kansalaisneuvonta-puhelin': { ptv: '7201ec88-4e54-4a89-a143-b50f1b5a2a02', channelType: 'phone' },
  'kansalaisneuvonta-web': { ptv: '45391e7b-06d9-4926-a3b7-287777e875f9', channelType: 'webPage' },
  'kansalaisneuvonta-chat': { ptv: '6c40d9f8-6dda-43b4-9856-161da8b1effe', channelType: 'eChannel' },
  nuortenelama: { ptv: 'db621b3c-727d-4772-8527-67e7027388d1', channelType: 'eChannel', languages: ['fi'] },
  'otavan-opisto': { ptv: '961f1a02-0eb7-4b5d-9721-6b9f2d14ec6f', channelType: 'serviceLocation' },
  // The next two are named in the v11 Nettilukio service record (id and Finnish name only).
  'nettilukio-fi': { ptv: 'd5e5b0c9-47eb-45ec-a363-d39215e71aa4', channelType: 'webPage', url: 'http://www.nettilukio.fi', languages: ['fi'] },
  'nettilukio-hakulomake': { ptv: '16afd0e8-f069-4ded-9967-f220107494db', channelType: 'eChannel', languages: ['fi'] },
  // Plausible channels without a PTV id (not in the data).
  'kela-opiskelijat': {
    channelType: 'webPage',
    name: { fi: 'Kela.fi: Opiskelijat', sv: 'FPA.fi: Studerande', en: 'Kela.fi: Students' },
    url: 'https://www.kela.fi/opiskelijat',
    languages: ['fi', 'sv', 'en'],
  },
  omakela: {
    channelType: 'eChannel',
    name: { fi: 'OmaKela', sv: 'MittFPA', en: 'OmaKela (Kela e-service)' },
    description: { fi: 'Kelan asiointipalvelu: hakemukset, liitteet ja päätökset (vahva tunnistautuminen).' },
    url: 'https://www.kela.fi/omakela',
    languages: ['fi', 'sv', 'en'],
  },
  tyomarkkinatori: {
    channelType: 'eChannel',
    name: { fi: 'Työmarkkinatori', sv: 'Jobbmarknaden', en: 'Job Market Finland' },
    description: { fi: 'Työnhakijaksi ilmoittautuminen, avoimet työpaikat ja työvoimapalvelujen asiointi verkossa.' },
    url: 'https://tyomarkkinatori.fi',
    languages: ['fi', 'sv', 'en'],
  },
  omavero: {
    channelType: 'eChannel',
    name: { fi: 'OmaVero', sv: 'MinSkatt', en: 'MyTax' },
    description: { fi: 'Verohallinnon asiointipalvelu: verokortin tilaus ja muutos, veroilmoitus.' },
    url: 'https://www.vero.fi/omavero',
    languages: ['fi', 'sv', 'en'],
  },
  'ohjaamo-bystrom': {
    channelType: 'serviceLocation',
    name: { fi: 'Byströmin Ohjaamo', sv: 'Byströms Navigator', en: 'Byström One-Stop Guidance Centre' },
    description: { fi: 'Alle 30-vuotiaiden matalan kynnyksen ohjauspaikka Oulun keskustassa (nuoriso-, työllisyys- ja sote-palvelut sekä Kela samassa paikassa).' },
    address: 'Hallituskatu 36 B, 90100 Oulu',
    languages: ['fi', 'en'],
  },
  'ohjaamo-olkkari': {
    channelType: 'serviceLocation',
    name: { fi: 'Ohjaamo Olkkari', sv: 'Navigatorn Olkkari', en: 'Ohjaamo Olkkari (one-stop guidance centre)' },
    description: { fi: 'Mikkelin Ohjaamo; täällä tapaa etsivät nuorisotyöntekijät ja nuorten tieto- ja neuvontapalvelut (AuroraAI-aineiston palvelukuvausten mukaan).' },
    languages: ['fi'],
  },
  nuortenturku: {
    channelType: 'webPage',
    name: { fi: 'NuortenTurku', sv: 'NuortenTurku (ungdomarnas Åbo)', en: 'NuortenTurku (youth information)' },
    description: { fi: 'Turun kaupungin nuorten tieto- ja neuvontapalvelu alle 29-vuotiaille.' },
    url: 'https://www.turku.fi',
    languages: ['fi', 'sv'],
  },
  kesaduunari: {
    channelType: 'webPage',
    name: { fi: 'Kesäduunari-info', sv: 'Sommarjobbarinfo', en: 'Summer Job Info' },
    url: 'https://www.kesaduunari.fi',
    languages: ['fi', 'sv', 'en'],
  },
  maailmalle: {
    channelType: 'webPage',
    name: { fi: 'Maailmalle.net', sv: 'Maailmalle.net', en: 'Maailmalle.net' },
    url: 'https://www.maailmalle.net',
    languages: ['fi', 'sv', 'en'],
  },
};

// ---------------------------------------------------------------------------------------------
// Services: every one is a real PTV service in the data
// ---------------------------------------------------------------------------------------------

type Role = 'responsible' | 'producer' | 'otherResponsible';
interface ServiceSpec {
  ptv: string;
  providers: [OrgKey, Role][];
  /** General description (pohjakuvaus) id, for sv/en names, classes, target groups, ontology terms. */
  gd?: string;
  /** Use the general description's short sv/en texts as this service's sv/en description. */
  gdDescription?: boolean;
  name?: Text;
  /** Shown after the name, so that e.g. three "Etsivä nuorisotyö" nodes can be told apart. */
  place?: 'oulu' | 'turku' | 'mikkeli';
  fundingType?: 'public' | 'market' | 'other';
  channels?: string[];
  note?: string;
}


const SERVICES: ServiceSpec[] = [
  // --- national: DVV, Kela, TE, Vero, OPH, Otavia, NGOs ---
  {
    ptv: 'aab55d57-3b3b-4224-8336-827e79d1f288',
    providers: [['dvv', 'responsible']],
    name: { sv: 'Medborgarrådgivningen', en: 'Citizen’s Advice' },
    channels: ['kansalaisneuvonta-puhelin', 'kansalaisneuvonta-web', 'kansalaisneuvonta-chat'],
  },
  {
    ptv: 'e0556386-0ffa-40f2-98aa-770b42dd792a',
    providers: [['kela', 'responsible']],
    name: { sv: 'FPA:s stöd för studerande', en: 'Kela benefits for students' },
    channels: ['kela-opiskelijat', 'omakela'],
  },
  {
    ptv: '579991be-f40f-4913-8130-0e07592b50c4',
    providers: [['kela', 'responsible']],
    name: { sv: 'FPA:s stöd för boende', en: 'Kela housing benefits' },
    channels: ['omakela'],
  },
  {
    ptv: '8c6e25e9-e186-49fd-852c-f6f168d1351f',
    providers: [['kela', 'responsible']],
    name: { sv: 'FPA:s stöd för arbetslösa', en: 'Kela benefits for the unemployed' },
    channels: ['omakela'],
  },
  {
    ptv: 'ff059acf-de3f-468d-8b6a-9a492d301cda',
    providers: [['kela', 'responsible']],
    name: { sv: 'FPA:s grundläggande utkomststöd', en: 'Kela basic social assistance' },
    channels: ['omakela'],
    note: 'Merkitty AuroraAI:n luokittelussa "EI MUKAAN": suosittelija ei voinut koskaan ehdottaa tätä viimesijaista tukea.',
  },
  {
    ptv: '9e47824b-3d05-4f74-9be5-6d14aca2bc5e',
    providers: [['te', 'responsible']],
    name: { sv: 'Anmälan som arbetssökande', en: 'Registering as a jobseeker' },
    channels: ['tyomarkkinatori'],
  },
  {
    ptv: '662d226e-1d3f-4b87-80f1-bb1462bc6878',
    providers: [['te', 'responsible']],
    name: { sv: 'Rådgivning och handledning i jobbsökning', en: 'Job search advice and guidance' },
    channels: ['tyomarkkinatori'],
  },
  {
    ptv: '67384a79-8541-4c1e-b78e-bec4c57a8f6b',
    providers: [['te', 'responsible']],
    name: { sv: 'Yrkesvals- och karriärvägledning', en: 'Career and vocational guidance' },
    channels: ['tyomarkkinatori'],
  },
  {
    ptv: 'f3a9e069-40b8-4415-857b-1b091a079eb8',
    providers: [['te', 'responsible']],
    name: { sv: 'Utbildningsrådgivning', en: 'Education and training advice' },
    channels: ['tyomarkkinatori'],
  },
  {
    ptv: 'a248b29b-2161-452b-9f47-1b5672e6533c',
    providers: [['te', 'responsible']],
    name: { sv: 'Arbetsprövning', en: 'Work trial' },
    channels: ['tyomarkkinatori'],
  },
  {
    ptv: 'c28e2e1c-943c-49ec-9f43-a163d08fdd99',
    providers: [['te', 'responsible']],
    name: { sv: 'Informations- och rådgivningstjänster om jobbsökning i Europa (EURES)', en: 'Information and advice on looking for work in Europe (EURES)' },
    channels: ['tyomarkkinatori'],
  },
  {
    ptv: 'd512402e-9ea5-4e79-bad5-6fb9f895900c',
    providers: [['kesaduunari', 'responsible']],
    name: { sv: 'Sommarjobbarinfo', en: 'Summer Job Info' },
    fundingType: 'other',
    channels: ['kesaduunari'],
  },
  {
    ptv: 'f39df5e0-6aee-42d7-a547-945fa99d7243',
    providers: [['vero', 'responsible']],
    name: { sv: 'Skatteförvaltningens e-tjänster', en: 'Tax Administration e-services' },
    channels: ['omavero'],
  },
  {
    ptv: '77ef9f96-495b-4622-8cd5-f6b1fe5aaa5e',
    providers: [['vero', 'responsible']],
    name: { sv: 'Skattekort', en: 'Tax card' },
    channels: ['omavero'],
    note: 'Merkitty AuroraAI:n luokittelussa "EI MUKAAN", vaikka lähes jokainen kesätyönsä aloittava nuori tarvitsee verokortin.',
  },
  {
    ptv: 'a3843bd3-8bae-4ec9-be5b-7fd2c12f2d54',
    providers: [['oph', 'responsible']],
    name: { sv: 'Maailmalle-tjänsterna (internationella möjligheter för unga)', en: 'Maailmalle services (going abroad)' },
    channels: ['maailmalle'],
  },
  {
    ptv: '7c24f05f-177d-45ba-aa72-c28d599ab586',
    providers: [['oulu', 'responsible']],
    name: { sv: 'Information och rådgivning för unga (Nuortenelämä.fi)', en: 'Information and advice for young people (Nuortenelämä.fi)' },
    gd: '64c45258-fea0-440c-b67f-14fc0d6719c0',
    gdDescription: false,
    channels: ['nuortenelama'],
    note: 'Valtakunnallinen verkkopalvelu; tuottajana nuorten tieto- ja neuvontatyön osaamiskeskus Koordinaatti (Oulun kaupunki).',
  },
  {
    ptv: '3668d250-cd80-45c4-abcc-9b2d3a2b3e42',
    // PTV v11 lists Otavia as responsible and producer, Mikkeli as other responsible and producer;
    // the workspace allows one link per organisation and service, so each keeps its first role.
    providers: [
      ['otavia', 'responsible'],
      ['mikkeli', 'otherResponsible'],
    ],
    name: { sv: 'Nätgymnasium för vuxna', en: 'Online upper secondary school for adults' },
    channels: ['otavan-opisto', 'nettilukio-fi', 'nettilukio-hakulomake'],
  },
  {
    ptv: '2afc11a0-f7f3-4a5f-8585-be246bb2a5ea',
    providers: [['otavia', 'responsible']],
    name: { sv: 'Otavias ämnesstudier på nätet', en: 'Otavia single-subject studies online' },
    channels: ['otavan-opisto'],
  },
  {
    ptv: '0ae42926-579b-4287-b15d-01520d4c021c',
    providers: [['tampere', 'responsible']],
    gd: 'ef1f0fc0-46a3-4daf-b4ba-ca5923fdc2d1',
    gdDescription: false,
    name: { sv: 'Tammerforsregionens arbetarinstitut', en: 'Tampere Region Adult Education Centre' },
  },
  // --- Mikkeli (labelled by DVV staff) ---
  {
    ptv: 'b549647a-94c3-4bb2-9a6d-9106e206361f',
    providers: [['mikkeli', 'responsible']],
    gd: '1e74a0bb-b521-4d49-9a9a-e3b7fe3d5a20',
    place: 'mikkeli',
    channels: ['ohjaamo-olkkari'],
  },
  {
    ptv: '3e28fd5b-39e1-4d98-8afc-a038031db74f',
    providers: [['mikkeli', 'responsible']],
    gd: '64c45258-fea0-440c-b67f-14fc0d6719c0',
    place: 'mikkeli',
    channels: ['ohjaamo-olkkari'],
  },
  {
    ptv: '268e137d-9f76-461b-b946-0eb5a8129efb',
    providers: [['mikkeli', 'responsible']],
    gd: '4f9f203f-dd47-41c5-9955-1535e2583ae7',
    place: 'mikkeli',
  },
  {
    ptv: 'e37af729-6099-4e16-b3d6-b9619a8c63d8',
    providers: [['mikkeli', 'responsible']],
    gd: 'ef1f0fc0-46a3-4daf-b4ba-ca5923fdc2d1',
    gdDescription: false,
    name: { sv: 'S:t Michels medborgarinstitut', en: 'Mikkeli Adult Education Centre' },
  },
  {
    ptv: 'b6fea1ec-95c8-4a28-b103-08b04ca5a52b',
    providers: [['eshva', 'responsible']],
    gd: '2fe0cba3-c4b7-43e9-bed4-f083debb2d55',
    place: 'mikkeli',
  },
  {
    ptv: '52eb1b84-52fd-4236-8723-a530827846ab',
    providers: [['eshva', 'responsible']],
    gd: '3cf74200-8e13-47d9-86b3-0190b2941928',
    place: 'mikkeli',
  },
  {
    ptv: 'b9cd2516-5913-4bbe-ac08-67d5caa52586',
    providers: [['eshva', 'responsible']],
    gd: '05690058-1863-4d90-8623-786d24fdf108',
    // The Swedish short text of this general description is about home care (a PTV data error): not copied.
    gdDescription: false,
    place: 'mikkeli',
  },
  {
    ptv: 'bd62a8eb-4928-4c1e-a01f-59b22453f437',
    providers: [['eshva', 'responsible']],
    name: { sv: 'Kompletterande eller förebyggande utkomststöd', en: 'Supplementary or preventive social assistance' },
    place: 'mikkeli',
  },
  {
    ptv: 'bd6f6a9d-e13f-4c81-9c8c-b7769d51b869',
    providers: [['eshva', 'responsible']],
    name: { sv: 'Förmedlingskonto', en: 'Managed payment account' },
    place: 'mikkeli',
  },
  {
    ptv: 'ad75fe5d-cce3-4961-b764-4a93b98567ff',
    providers: [['eshva', 'responsible']],
    name: { sv: 'Socialt arbete för vuxna', en: 'Social work for adults' },
    place: 'mikkeli',
  },
  {
    ptv: '3a2a54cf-053a-4486-8529-f1589c54f3a2',
    providers: [['eshva', 'responsible']],
    gd: '756cbeb4-e772-4942-8b9a-5594fdbf4cc9',
    place: 'mikkeli',
  },
  {
    ptv: '9a9c1553-28de-4f21-b615-2d3e79470739',
    providers: [['eshva', 'responsible']],
    gd: 'b033783b-309d-4fcf-ac27-eedd3cbfb1c4',
    place: 'mikkeli',
  },
  // --- Oulu (sheet never reviewed: no 3X10D labels) ---
  {
    ptv: '0c7a77fc-798d-49a4-be68-b2bf5bbe8d34',
    providers: [['oulu', 'responsible']],
    gd: '1e74a0bb-b521-4d49-9a9a-e3b7fe3d5a20',
    place: 'oulu',
    channels: ['ohjaamo-bystrom'],
  },
  {
    ptv: '9def3348-0751-4be3-838f-e0d54c776077',
    providers: [['oulu', 'responsible']],
    gd: '6ef4656c-cbf6-47f0-b3ca-f63fab48f19d',
    gdDescription: false,
    name: { sv: 'Servicestyrning för ungdomar (Byströms Navigator)', en: 'Service counselling for young people (Byström One-Stop Guidance Centre)' },
    place: 'oulu',
    channels: ['ohjaamo-bystrom'],
  },
  {
    ptv: '14844f00-11e0-4edc-bc15-a8c96cd1b318',
    providers: [['oulu', 'responsible']],
    gd: 'db40fe8b-17db-4fe6-b733-a7dee05ae157',
    place: 'oulu',
  },
  {
    ptv: '1afba330-a69c-4a86-b5db-954f3101d49c',
    providers: [['oulu', 'responsible']],
    name: { sv: 'Sommarjobbssedel för unga', en: 'Summer job voucher for young people' },
    place: 'oulu',
  },
  {
    ptv: 'fc07b996-2983-4c9b-9f21-327962da9823',
    providers: [['oulu', 'responsible']],
    gd: '3059df57-2769-422d-a750-5782db9c0f19',
    place: 'oulu',
  },
  {
    ptv: 'd9509954-0984-4aa9-8b57-98fa43f79b60',
    providers: [['pphva', 'responsible']],
    gd: 'afc62344-191a-4e03-92f0-c93cee8c494d',
    place: 'oulu',
  },
  {
    ptv: '74c22bbc-7696-44f3-a65d-beb2d652fc94',
    providers: [['pphva', 'responsible']],
    gd: 'db5db9ab-b7b0-47eb-8a39-e2a11b866d88',
    place: 'oulu',
  },
  {
    ptv: 'e8e2f239-c140-491d-86e1-195fe4615673',
    providers: [
      ['oulu', 'responsible'],
      ['te', 'otherResponsible'],
      ['kela', 'otherResponsible'],
      ['pphva', 'otherResponsible'],
    ],
    name: {
      sv: 'Sektorsövergripande samservice som främjar sysselsättningen (TYP)',
      en: 'Multisectoral joint service promoting employment (TYP)',
    },
    place: 'oulu',
  },
  {
    ptv: '4fa1d2af-c6a0-4d87-a621-c2f619b85bd2',
    providers: [['pphva', 'responsible']],
    gd: 'b76e3529-d251-46d9-8f16-925dde614942',
    place: 'oulu',
  },
  {
    ptv: '85882c1d-049a-4509-97ca-054636f0a1f2',
    providers: [['pphva', 'responsible']],
    name: { sv: 'Eftervård inom barnskyddet', en: 'Child welfare aftercare' },
    place: 'oulu',
  },
  {
    ptv: 'a5dc51fc-d732-433f-bde1-0fb2e4cbe002',
    providers: [['pphva', 'responsible']],
    name: { sv: 'Kompletterande eller förebyggande utkomststöd', en: 'Supplementary or preventive social assistance' },
    place: 'oulu',
  },
  {
    ptv: '0956fc27-8c78-43d6-8cf5-de9b9cfe49b8',
    providers: [['pphva', 'responsible']],
    gd: '72a34d4a-5da4-4d28-984c-3512677b05ce',
    place: 'oulu',
  },
  // --- Turku (sheet never reviewed: no 3X10D labels); bilingual city ---
  {
    ptv: 'faee56c3-7cec-407c-8718-5aad472f92e2',
    providers: [['turku', 'responsible']],
    gd: '64c45258-fea0-440c-b67f-14fc0d6719c0',
    gdDescription: false,
    name: { sv: 'Rådgivningstjänster för unga (NuortenTurku)', en: 'Youth advisory services (NuortenTurku)' },
    place: 'turku',
    channels: ['nuortenturku'],
  },
  {
    ptv: '5a0e2b3b-95c2-4e67-8f6f-b6ec47717b28',
    providers: [['turku', 'responsible']],
    gd: '4f9f203f-dd47-41c5-9955-1535e2583ae7',
    name: { sv: 'Ungdomslokalverksamhet', en: 'Youth centre activities' },
    place: 'turku',
  },
  {
    ptv: '26e9e015-07a0-400f-bb25-38b8146f7202',
    providers: [['turku', 'responsible']],
    name: { sv: 'Sysselsättningstjänster', en: 'Employment services' },
    place: 'turku',
  },
  {
    ptv: '858f5857-f08b-4d41-8799-8b329532013e',
    providers: [['turku', 'responsible']],
    gd: '3059df57-2769-422d-a750-5782db9c0f19',
    gdDescription: false,
    place: 'turku',
  },
  {
    ptv: 'de757b53-38b2-4d30-8735-0718307a5050',
    providers: [['turku', 'responsible']],
    gd: '07ac17e9-b833-43b2-b336-a0d1ed4824b9',
    place: 'turku',
  },
  {
    ptv: '52f90a94-d9dd-499f-a5a2-17fc426dadb6',
    providers: [['vshva', 'responsible']],
    gd: 'b76e3529-d251-46d9-8f16-925dde614942',
    gdDescription: false,
    name: { sv: 'Skolkurator', en: 'School social worker' },
    place: 'turku',
  },
  {
    ptv: '1d169b2b-9110-46ad-917e-04ccb589528c',
    providers: [['vshva', 'responsible']],
    name: { sv: 'Missbrukar- och boendetjänster', en: 'Substance abuse and housing services' },
    place: 'turku',
  },
];

// ---------------------------------------------------------------------------------------------
// Links between services and organisations
// ---------------------------------------------------------------------------------------------

const REFERS_TO: [string, string][] = [
  // [from service ptv prefix, to service ptv prefix]
  ['0c7a77fc', '9def3348'], // etsivä nuorisotyö Oulu → Byströmin Ohjaamo
  ['9def3348', '14844f00'], // Ohjaamo → nuorten työpaja
  ['9def3348', 'e8e2f239'], // Ohjaamo → TYP
  ['85882c1d', '579991be'], // jälkihuolto → Kelan asumistuki
  ['85882c1d', '0956fc27'], // jälkihuolto → asunnottomien palveluohjaus
  ['b549647a', '52eb1b84'], // etsivä nuorisotyö Mikkeli → psykologi
  ['3e28fd5b', 'bd62a8eb'], // Ohjaamo Olkkari → täydentävä toimeentulotuki
  ['ff059acf', 'bd62a8eb'], // Kelan perustoimeentulotuki → täydentävä (hyvinvointialue)
  ['ad75fe5d', 'bd6f6a9d'], // aikuissosiaalityö → välitystili
  ['9e47824b', '8c6e25e9'], // työnhakijaksi ilmoittautuminen → Kelan tuet työttömille
  ['faee56c3', '26e9e015'], // NuortenTurku → Turun työllisyyspalvelut
  ['52f90a94', '858f5857'], // koulukuraattori → ammatillinen koulutus (opintojen jatkaminen)
  ['aab55d57', '9e47824b'], // Kansalaisneuvonta → työnhakijaksi ilmoittautuminen
];

const COLLABORATES: [OrgKey, OrgKey][] = [
  ['vm', 'dvv'],
  ['vm', 'digifinland'],
  ['dvv', 'digifinland'],
  ['dvv', 'oulu'],
  ['dvv', 'turku'],
  ['dvv', 'mikkeli'],
  ['dvv', 'tampere'],
  ['dvv', 'vero'],
  ['kela', 'te'],
  ['te', 'oulu'],
  ['oulu', 'pphva'],
  ['mikkeli', 'eshva'],
  ['mikkeli', 'otavia'],
  ['turku', 'vshva'],
];

// ---------------------------------------------------------------------------------------------
// Personas (anonymous, synthetic)
// ---------------------------------------------------------------------------------------------

interface PersonaSpec {
  key: string;
  name: Text;
  description: Text;
  ageMin: number;
  ageMax: number;
  municipality: string;
  language: 'fi' | 'sv' | 'en';
  meters: Record<Meter, number>;
  peoplePerYear: number;
  needs: [NeedKey, number][];
}

const PERSONAS: PersonaSpec[] = [
  {
    key: 'oulu-17-lukio-kesken',
    name: {
      fi: '17-vuotias oululainen, lukio jäi kesken',
      sv: '17-åring i Uleåborg som avbröt gymnasiet',
      en: '17-year-old in Oulu who dropped out of upper secondary school',
    },
    description: {
      fi: 'Jätti lukion kesken toisena syksynä, asuu vanhempien luona. Päivät venyvät pelaamiseen, kaverit ovat jatkaneet opintojaan. Ei tiedä, mitä haluaisi opiskella; oppivelvollisuus on vielä voimassa. Kesätyö kiinnostaisi.',
      sv: 'Avbröt gymnasiet andra hösten och bor hos föräldrarna. Dagarna går åt till spel, kompisarna har fortsatt studera. Vet inte vad hen vill studera; läroplikten gäller ännu. Ett sommarjobb skulle intressera.',
      en: 'Left general upper secondary school in the second autumn, lives with parents, spends days gaming; still of compulsory-education age. Unsure what to study; would like a summer job.',
    },
    ageMin: 16,
    ageMax: 18,
    municipality: '564',
    language: 'fi',
    meters: {
      health: 6,
      resilience: 4,
      housing: 7,
      working_studying: 1,
      family: 5,
      friends: 4,
      finance: 5,
      improvement_of_strengths: 3,
      self_esteem: 3,
      life_satisfaction: 4,
    },
    peoplePerYear: 300,
    needs: [
      ['opiskelupaikka', 5],
      ['toinen-aste', 5],
      ['ohjaus', 5],
      ['yksinaisyys', 3],
      ['mielenterveys', 3],
      ['tyo', 2],
    ],
  },
  {
    key: 'turku-19-sv-tyonhaku',
    name: {
      fi: '19-vuotias ruotsinkielinen turkulainen, etsii töitä',
      sv: 'Svenskspråkig 19-åring i Åbo som söker jobb',
      en: 'Swedish-speaking 19-year-old in Turku looking for work',
    },
    description: {
      fi: 'Valmistui ruotsinkielisestä lukiosta keväällä, ei päässyt jatko-opintoihin. Haluaa töihin ja omaa rahaa; ei ole koskaan ilmoittautunut työnhakijaksi eikä tilannut verokorttia. Asioi mieluiten ruotsiksi.',
      sv: 'Tog studenten från ett svenskspråkigt gymnasium i våras och kom inte in på fortsatta studier. Vill ha jobb och egna pengar; har aldrig anmält sig som arbetssökande eller beställt skattekort. Sköter helst ärenden på svenska.',
      en: 'Finished a Swedish-language upper secondary school in spring, no study place. Wants a job and own money; has never registered as a jobseeker nor ordered a tax card. Prefers Swedish.',
    },
    ageMin: 18,
    ageMax: 20,
    municipality: '853',
    language: 'sv',
    meters: {
      health: 8,
      resilience: 6,
      housing: 6,
      working_studying: 3,
      family: 7,
      friends: 6,
      finance: 3,
      improvement_of_strengths: 5,
      self_esteem: 5,
      life_satisfaction: 5,
    },
    peoplePerYear: 60,
    needs: [
      ['tyo', 5],
      ['toimeentulo', 4],
      ['ohjaus', 4],
      ['verot', 3],
      ['asunto', 2],
    ],
  },
  {
    key: 'mikkeli-22-mielenterveys-velat',
    name: {
      fi: '22-vuotias mikkeliläinen, mielenterveys- ja velkaongelmia',
      sv: '22-åring i S:t Michel med psykisk ohälsa och skulder',
      en: '22-year-old in Mikkeli with mental-health and debt problems',
    },
    description: {
      fi: 'Ammatillinen tutkinto kesken, masennusoireita kahden vuoden ajan. Pikavippejä ja maksuhäiriömerkintä; vuokrat myöhässä. Vähän ystäviä, satunnaista kannabiksen käyttöä. Ei jaksa soittaa virastoihin.',
      sv: 'Yrkesexamen oavslutad, depressiva symtom sedan två år. Snabblån och betalningsanmärkning; hyran är försenad. Få vänner, tillfälligt cannabisbruk. Orkar inte ringa myndigheter.',
      en: 'Unfinished vocational qualification, depressive symptoms for two years. Quick loans and a payment default; rent in arrears. Few friends, occasional cannabis use. Has no energy to call authorities.',
    },
    ageMin: 21,
    ageMax: 24,
    municipality: '491',
    language: 'fi',
    meters: {
      health: 3,
      resilience: 2,
      housing: 4,
      working_studying: 2,
      family: 3,
      friends: 2,
      finance: 1,
      improvement_of_strengths: 2,
      self_esteem: 2,
      life_satisfaction: 2,
    },
    peoplePerYear: 70,
    needs: [
      ['mielenterveys', 5],
      ['talous', 5],
      ['toimeentulo', 4],
      ['ohjaus', 4],
      ['yksinaisyys', 3],
      ['asunto', 3],
      ['paihteet', 2],
    ],
  },
  {
    key: 'tampere-24-en-kansainvalinen',
    name: {
      fi: '24-vuotias kansainvälinen vastavalmistunut Tampereella',
      sv: 'Internationell nyutexaminerad 24-åring i Tammerfors',
      en: '24-year-old international graduate in Tampere',
    },
    description: {
      fi: 'Valmistui englanninkielisestä maisteriohjelmasta, haluaa jäädä Suomeen. Suomen kieli alkeistasolla, verkostot vähäiset, perhe ulkomailla. Ei tiedä, onko oikeutettu Kelan etuuksiin tai miten verokortti toimii.',
      sv: 'Utexaminerades från ett engelskspråkigt magisterprogram och vill stanna i Finland. Finska på nybörjarnivå, få nätverk, familjen utomlands. Vet inte om hen har rätt till FPA:s förmåner eller hur skattekortet fungerar.',
      en: 'Graduated from an English-language master’s programme and wants to stay in Finland. Beginner Finnish, few networks, family abroad. Unsure about entitlement to Kela benefits or how the tax card works.',
    },
    ageMin: 23,
    ageMax: 27,
    municipality: '837',
    language: 'en',
    meters: {
      health: 8,
      resilience: 7,
      housing: 6,
      working_studying: 3,
      family: 5,
      friends: 3,
      finance: 4,
      improvement_of_strengths: 7,
      self_esteem: 6,
      life_satisfaction: 5,
    },
    peoplePerYear: 300,
    needs: [
      ['kansainvalinen', 5],
      ['tyo', 5],
      ['verot', 3],
      ['toimeentulo', 3],
      ['yksinaisyys', 3],
      ['ohjaus', 3],
    ],
  },
  {
    key: 'oulu-18-jalkihuolto-oma-asunto',
    name: {
      fi: '18-vuotias jälkihuoltonuori Oulussa muuttaa omaan asuntoon',
      sv: '18-åring i eftervård i Uleåborg flyttar till egen bostad',
      en: '18-year-old care leaver in Oulu moving to a first home',
    },
    description: {
      fi: 'Asui sijaishuollossa, täytti 18 ja muuttaa ensimmäiseen omaan vuokra-asuntoon. Opiskelee ammattiin. Vuokravakuus, asumistuki ja laskujen maksaminen ovat uusia; entiset kaverit käyttävät päihteitä.',
      sv: 'Har varit placerad i vård utom hemmet, fyllde 18 och flyttar till sin första hyresbostad; studerar till ett yrke. Hyresgaranti, bostadsbidrag och räkningar är nytt; gamla kompisar använder droger.',
      en: 'Lived in foster care, turned 18 and moves to a first rented flat; studies for a vocation. Deposit, housing allowance and paying bills are new; old friends use drugs.',
    },
    ageMin: 18,
    ageMax: 19,
    municipality: '564',
    language: 'fi',
    meters: {
      health: 6,
      resilience: 5,
      housing: 3,
      working_studying: 5,
      family: 2,
      friends: 5,
      finance: 2,
      improvement_of_strengths: 5,
      self_esteem: 4,
      life_satisfaction: 4,
    },
    peoplePerYear: 90,
    needs: [
      ['asunto', 5],
      ['toimeentulo', 5],
      ['talous', 4],
      ['ohjaus', 4],
      ['yksinaisyys', 3],
      ['paihteet', 2],
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Evidence rules: languages, needs, expected services
// ---------------------------------------------------------------------------------------------

/** Genitive forms that start a service name tied to one municipality ("Tampereen seudun …"). */
const MUNICIPALITY_GENITIVE: Record<string, string> = { '564': 'Oulun', '853': 'Turun', '491': 'Mikkelin', '837': 'Tampereen' };

/**
 * Languages an organisation must serve in under the Language Act (423/2003): state authorities in
 * Finnish and Swedish; municipalities and wellbeing services counties in their official languages
 * (Government decree on the linguistic status of municipalities, 2023–2032: Turku and Varsinais-Suomi
 * bilingual, the others Finnish). Associations have no such duty: Finnish, the language of their texts.
 */
const ORG_LANGUAGES: Record<OrgKey, string[]> = {
  vm: ['fi', 'sv'],
  dvv: ['fi', 'sv'],
  digifinland: ['fi', 'sv'],
  kela: ['fi', 'sv'],
  te: ['fi', 'sv'],
  oph: ['fi', 'sv'],
  vero: ['fi', 'sv'],
  oulu: ['fi'],
  turku: ['fi', 'sv'],
  mikkeli: ['fi'],
  otavia: ['fi'],
  tampere: ['fi'],
  pphva: ['fi'],
  eshva: ['fi'],
  vshva: ['fi', 'sv'],
  kesaduunari: ['fi'],
};

/** Words of a service's own text that say it is offered in a language ("englanninkielinen … koulu"). */
const LANGUAGE_WORDS: [string, RegExp][] = [
  ['sv', /ruotsinkiel|ruotsiksi/i],
  ['en', /englanninkiel|englanniksi/i],
];

/**
 * Languages of a service whose record states none (the labelling sheet has no language column): the
 * languages of its PTV channels in the data; else the responsible organisation's Language-Act
 * languages and any language the service's own text names. English only where the data says so.
 */
function serviceLanguages(s: ServiceSpec, ownText: string, channelRecords: Map<string, Record<string, unknown>>): string[] {
  const fromChannels = new Set<string>();
  for (const key of s.channels ?? []) {
    const ptv = CHANNELS[key]?.ptv;
    const rec = ptv ? channelRecords.get(ptv) : undefined;
    if (Array.isArray(rec?.languages)) for (const l of rec.languages as string[]) fromChannels.add(l);
  }
  const order = (set: Set<string>) => ['fi', 'sv', 'en'].filter((l) => set.has(l));
  if (fromChannels.size) return order(fromChannels);
  const responsible = s.providers.find(([, role]) => role === 'responsible')?.[0] ?? s.providers[0][0];
  const out = new Set(ORG_LANGUAGES[responsible]);
  for (const [lang, re] of LANGUAGE_WORDS) if (re.test(ownText)) out.add(lang);
  return order(out);
}

/**
 * A persona's expected services, by the same evidence as the links: services that address one of its
 * needs of importance 4 or 5, in its area (nationwide or its municipality) and in its language.
 */
function expectedServices(p: PersonaSpec, services: Service[], addressed: Map<string, Set<NeedKey>>): string[] {
  const important = p.needs.filter(([, imp]) => imp >= 4).map(([n]) => n);
  return services
    .filter((s) => important.some((n) => addressed.get(s.id)!.has(n)))
    .filter((s) => s.areaType !== 'limited' || s.areas.includes(p.municipality))
    .filter((s) => !s.languages.length || s.languages.includes(p.language))
    .map((s) => s.id)
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

const PLACE_NAMES: Record<'oulu' | 'turku' | 'mikkeli', Text> = {
  oulu: { fi: 'Oulu', sv: 'Uleåborg', en: 'Oulu' },
  turku: { fi: 'Turku', sv: 'Åbo', en: 'Turku' },
  mikkeli: { fi: 'Mikkeli', sv: 'S:t Michel', en: 'Mikkeli' },
};
const SHEET_AREA: Record<string, string> = { Oulu: '564', Turku: '853', Mikkeli: '491' };

function srvId(ptv: string): string {
  return `srv-${ptv.slice(0, 8)}`;
}

function build(): WorkspaceJsonInput {
  const labels = readLabels();
  const gds = new Map<string, GeneralDescription>();
  for (const g of readJson<GeneralDescription[]>('ptv/general-descriptions.json')) gds.set(g.Id, g);
  const generalDescription = (id: string): GeneralDescription => {
    const g = gds.get(id);
    if (!g) throw new Error(`general description ${id} is not in the data`);
    return g;
  };
  const classByOld = oldUriMap('service-classes.json');
  const groupByOld = oldUriMap('target-groups.json');
  const eventByOld = oldUriMap('life-events.json');
  const eventLabels = codeLabels('life-events.json');
  const counties = readJson<{ codes: { codeValue: string; prefLabel: Text }[] }>('codes/wellbeing-counties.json').codes;

  // Legacy and v11 channel records, by id.
  const channelRecords = new Map<string, Record<string, unknown>>();
  for (const f of fs.readdirSync(path.join(DATA, 'ptv/legacy/channels'))) {
    if (!f.endsWith('.json')) continue;
    const c = readJson<Record<string, unknown>>('ptv/legacy/channels', f);
    channelRecords.set(String(c.id), c);
  }
  const v11Channel = readJson<Record<string, unknown>>('ptv/v11/channel-otava.json');
  channelRecords.set(String(v11Channel.id), v11Channel);
  const v11Service = readJson<Record<string, any>>('ptv/v11/service-etalukio.json');
  const v11ChannelNames = new Map<string, string>();
  for (const sc of v11Service.serviceChannels ?? []) v11ChannelNames.set(sc.serviceChannel.id, sc.serviceChannel.name);

  const entities: EntityInput[] = [];
  const links: LinkInput[] = [];
  const addLink = (type: LinkType, source: string, target: string, data: LinkInput['data'] = {}) => {
    // The workspace store allows one link of a type between two entities: fail here, not on import.
    const id = `${type}:${source}:${target}`;
    if (links.some((l) => l.id === id)) throw new Error(`duplicate link ${id}`);
    links.push({ id, type, source, target, data });
  };

  // Organisations
  for (const [key, o] of Object.entries(ORGS) as [OrgKey, OrgSpec][]) {
    let name = o.name;
    if (o.countyCode) {
      const c = counties.find((x) => x.codeValue === o.countyCode);
      if (!c) throw new Error(`wellbeing county ${o.countyCode} missing`);
      name = { fi: c.prefLabel.fi, sv: c.prefLabel.sv, en: c.prefLabel.en };
    }
    entities.push({
      kind: 'organisation',
      id: `org-${key}`,
      name,
      description: o.description,
      orgType: o.orgType,
      ...(o.ptvId ? { ptvId: o.ptvId } : {}),
      ...(o.businessId ? { businessId: o.businessId } : {}),
      ...(o.municipality ? { municipality: o.municipality } : {}),
      tags: o.tags ?? [],
    });
  }

  // Life events
  for (const [key, le] of Object.entries(LIFE_EVENTS) as [LifeEventKey, (typeof LIFE_EVENTS)[LifeEventKey]][]) {
    let name = le.name;
    if (le.code && !name.fi) {
      const l = eventLabels.get(le.code);
      if (!l) throw new Error(`life event ${le.code} missing`);
      name = { fi: l.Fi, sv: l.Sv, en: l.En };
    }
    if (le.code && !eventLabels.has(le.code)) throw new Error(`life event ${le.code} missing`);
    entities.push({
      kind: 'lifeEvent',
      id: `le-${key}`,
      name,
      description: le.description,
      ...(le.code ? { code: le.code } : {}),
      tags: le.tags,
    });
    for (const n of le.needs) addLink('hasNeed', `le-${key}`, `need-${n}`);
  }

  // Needs
  for (const [key, n] of Object.entries(NEEDS) as [NeedKey, (typeof NEEDS)[NeedKey]][]) {
    entities.push({
      kind: 'need',
      id: `need-${key}`,
      name: n.name,
      description: n.description,
      // The classes any clause accepts without a further condition: what the recommender may use alone.
      serviceClasses: [...new Set(n.rule.filter((c) => c.classes && !c.stems && !c.targetGroups).flatMap((c) => c.classes!))],
      keywords: n.keywords,
    });
  }

  // Channels
  for (const [key, c] of Object.entries(CHANNELS)) {
    let name: Text = { ...(c.name ?? {}) };
    let description: Text = { ...(c.description ?? {}) };
    let url = c.url;
    let phone = c.phone;
    let address = c.address;
    let languages = c.languages ?? [];
    if (c.ptv) {
      const rec = channelRecords.get(c.ptv) as Record<string, any> | undefined;
      if (rec) {
        for (const n of rec.serviceChannelNames ?? []) if (n.type === 'Name' && !name[n.language as Lang]) name[n.language as Lang] = n.value;
        for (const d of rec.serviceChannelDescriptions ?? [])
          if (d.type === 'Summary' && d.value && !description[d.language as Lang]) description[d.language as Lang] = clean(d.value);
        url ??= rec.webPages?.[0]?.url ?? undefined;
        const p = rec.phoneNumbers?.[0];
        if (!phone && p) phone = `${p.prefixNumber ? `${p.prefixNumber} ` : ''}${p.number}`;
        const a = rec.addresses?.[0]?.streetAddress;
        if (!address && a) {
          const street = a.street?.find((s: any) => s.language === 'fi')?.value;
          const office = a.postOffice?.find((s: any) => s.language === 'fi')?.value;
          address = `${street} ${a.streetNumber}, ${a.postalCode} ${office}`;
        }
        if (!languages.length && Array.isArray(rec.languages)) languages = rec.languages;
      } else if (v11ChannelNames.has(c.ptv)) {
        name.fi ??= v11ChannelNames.get(c.ptv);
      } else {
        throw new Error(`channel ${c.ptv} is not in the data`);
      }
    }
    if (key === 'nettilukio-fi') name = { ...name, sv: 'Nettilukio.fi', en: 'Nettilukio.fi' };
    if (key === 'nettilukio-hakulomake') name = { ...name, sv: 'Ansökningsblankett till Nettilukio', en: 'Nettilukio application form' };
    if (key.startsWith('kansalaisneuvonta')) {
      const sv = { 'kansalaisneuvonta-puhelin': 'Medborgarrådgivningens telefontjänst', 'kansalaisneuvonta-web': 'Medborgarrådgivningens webbplats', 'kansalaisneuvonta-chat': 'Medborgarrådgivningens chatt' }[key];
      const en = { 'kansalaisneuvonta-puhelin': 'Citizen’s Advice by phone', 'kansalaisneuvonta-web': 'Citizen’s Advice website', 'kansalaisneuvonta-chat': 'Citizen’s Advice chat' }[key];
      name = { ...name, sv, en };
    }
    if (key === 'otavan-opisto') name = { ...name, sv: 'Otava folkhögskola / Otavia', en: 'Otava Folk High School / Otavia' };
    if (key === 'nuortenelama') name = { ...name, sv: 'Nuortenelämä.fi', en: 'Nuortenelämä.fi' };
    entities.push({
      kind: 'channel',
      id: c.ptv ? `ch-${c.ptv.slice(0, 8)}` : `ch-${key}`,
      name,
      description,
      ...(c.ptv ? { ptvId: c.ptv } : {}),
      channelType: c.channelType,
      ...(url ? { url } : {}),
      ...(phone ? { phone } : {}),
      ...(address ? { address } : {}),
      languages,
    });
  }
  const channelId = (key: string): string => {
    const c = CHANNELS[key];
    if (!c) throw new Error(`unknown channel ${key}`);
    return c.ptv ? `ch-${c.ptv.slice(0, 8)}` : `ch-${key}`;
  };

  // Services
  const servicesByPrefix = new Map<string, string>();
  /** Per service: what its record says, for the evidence rules below. */
  const records = new Map<string, ServiceRecord>();
  const serviceEntities: Service[] = [];
  for (const s of SERVICES) {
    const id = srvId(s.ptv);
    if (servicesByPrefix.has(s.ptv.slice(0, 8))) throw new Error(`duplicate service ${id}`);
    servicesByPrefix.set(s.ptv.slice(0, 8), id);

    const row = labels.get(s.ptv);
    const isV11 = v11Service.id === s.ptv;
    if (!row && !isV11) throw new Error(`service ${s.ptv} is not in the data`);
    const ptvId = s.ptv;

    const name: Text = {};
    const description: Text = {};
    // Classes, target groups, life events and keywords only from the PTV data (the v11 record or the
    // general description the service was described by), never added by hand.
    const classes = new Set<string>();
    const groups = new Set<string>();
    const events = new Set<string>();
    const ontology: string[] = [];
    const keywords = new Set<string>();
    /** The service's own Finnish text in the data: the evidence rules read only this. */
    const ownText: string[] = [];
    const tags: string[] = [];
    let areaType: 'nationwide' | 'nationwideExceptAland' | 'limited' = 'nationwide';
    let areas: string[] = [];
    let languages: string[] = [];
    let fundingType = s.fundingType ?? 'public';

    if (row) {
      name.fi = clean(row.name);
      description.fi = clean(row.summary);
      ownText.push(name.fi, description.fi);
      const area = SHEET_AREA[row.sheet];
      if (area) {
        areaType = 'limited';
        areas = [area];
      } else {
        // A service on the national sheet whose own name names a municipality ("Tampereen seudun
        // työväenopisto") serves that municipality, not the whole country.
        const named = Object.entries(MUNICIPALITY_GENITIVE).find(([, g]) => name.fi!.startsWith(`${g} `));
        if (named) {
          areaType = 'limited';
          areas = [named[0]];
        }
      }
    }
    if (isV11) {
      const v = v11Service;
      name.fi = v.serviceNames.find((n: any) => n.type === 'Name' && n.language === 'fi')?.value ?? name.fi;
      const summary = v.serviceDescriptions.find((d: any) => d.type === 'Summary' && d.language === 'fi')?.value;
      const long = v.serviceDescriptions.find((d: any) => d.type === 'Description' && d.language === 'fi')?.value;
      description.fi = clean([summary, long].filter(Boolean).join('\n\n'));
      ownText.push(name.fi!, description.fi);
      for (const c of v.serviceClasses) classes.add(c.code);
      for (const c of v.targetGroups) groups.add(c.code);
      for (const c of v.lifeEvents) events.add(c.code);
      for (const o of v.ontologyTerms ?? []) {
        if (o.uri) ontology.push(o.uri);
        const fi = o.name?.find((n: any) => n.language === 'fi')?.value;
        if (fi) {
          keywords.add(fi);
          ownText.push(fi);
        }
      }
      for (const k of v.keywords ?? [])
        if (k.language === 'fi' && k.value) {
          keywords.add(k.value);
          ownText.push(k.value);
        }
      areaType = v.areaType === 'Nationwide' ? 'nationwide' : v.areaType === 'NationwideExceptAlandIslands' ? 'nationwideExceptAland' : 'limited';
      languages = [...v.languages];
      fundingType = v.fundingType === 'PubliclyFunded' ? 'public' : v.fundingType === 'MarketFunded' ? 'market' : 'other';
      tags.push('ptv-v11');
    }
    if (s.gd) {
      const g = generalDescription(s.gd);
      const gName = texts(g.Name);
      if (gName.sv) name.sv = gName.sv;
      if (gName.en) name.en = gName.en;
      if (s.gdDescription !== false) {
        const gDesc = texts(g.ShortDescription);
        if (gDesc.sv) description.sv = gDesc.sv;
        if (gDesc.en) description.en = gDesc.en;
      }
      for (const c of g.ServiceClass) {
        const code = classByOld.get(c.Key);
        if (code) classes.add(code);
      }
      for (const t of g.TargetGroup) {
        const code = groupByOld.get(t.Key);
        if (code) groups.add(code);
      }
      for (const e of g.LifeEvent) {
        const code = eventByOld.get(e.Key);
        if (code) events.add(code);
      }
      for (const o of g.OntologyTerm) {
        ontology.push(o.Key);
        keywords.add(o.Value);
        ownText.push(o.Value);
      }
      tags.push(`pohjakuvaus:${g.Id}`);
    }
    if (s.name?.sv) name.sv = s.name.sv;
    if (s.name?.en) name.en = s.name.en;
    if (s.place) {
      const p = PLACE_NAMES[s.place];
      for (const l of ['fi', 'sv', 'en'] as Lang[]) if (name[l]) name[l] = `${name[l]} – ${p[l]}`;
    }
    // Every service of the labelling sheet is a service for citizens (KR1); narrower groups only from PTV.
    if (groups.size === 0) groups.add('KR1');
    if (!languages.length) languages = serviceLanguages(s, ownText.join('\n'), channelRecords);
    if (s.note) description.fi = `${description.fi}\n\n${s.note}`;

    // 3X10D labels of the AuroraAI labelling sheet
    let meterAffinities: Partial<Record<Meter, number>> | undefined;
    let excluded = false;
    if (row) {
      const marks = METERS.map((m) => row[m] === '1');
      if (marks.some(Boolean)) {
        meterAffinities = Object.fromEntries(METERS.map((m, i) => [m, marks[i] ? 1 : 0])) as Record<Meter, number>;
        tags.push('3x10d:luokiteltu');
      } else if (row.excluded === '1') {
        excluded = true;
        tags.push('3x10d:ei-mukaan');
      } else {
        tags.push('3x10d:luokittelematon');
      }
      tags.push(`3x10d-taulukko:${row.sheet}`);
    }

    const entity = {
      kind: 'service' as const,
      id,
      name,
      description,
      ptvId,
      tags,
      serviceClasses: [...classes].sort(),
      targetGroups: [...groups].sort(),
      lifeEvents: [...events].sort(),
      ontologyTerms: [...new Set(ontology)],
      areaType,
      areas,
      languages,
      fundingType,
      keywords: [...keywords],
      ...(meterAffinities ? { meterAffinities } : {}),
      excluded,
    };
    entities.push(entity);
    serviceEntities.push(ServiceSchema.parse(entity));
    records.set(id, { classes: entity.serviceClasses, targetGroups: entity.targetGroups, text: ownText.join('\n') });

    for (const [org, role] of s.providers) addLink('provides', `org-${org}`, id, { role });
    for (const ch of s.channels ?? []) addLink('offeredThrough', id, channelId(ch));
  }

  // addresses: only where a need's rule holds for the service's record; the link says why.
  const addressed = new Map<string, Set<NeedKey>>();
  for (const svc of serviceEntities) {
    const rec = records.get(svc.id)!;
    const met = new Set<NeedKey>();
    for (const [key, n] of Object.entries(NEEDS) as [NeedKey, NeedSpec][]) {
      const evidence = needEvidence(n.rule, rec);
      if (!evidence) continue;
      met.add(key);
      addLink('addresses', svc.id, `need-${key}`, { evidence });
    }
    addressed.set(svc.id, met);
  }

  // inLifeEvent: every service of the set belongs to the youth life event it was chosen for; to the
  // other two when it addresses that life event's own need, or carries its PTV life-event code.
  for (const svc of serviceEntities) {
    for (const [key, le] of Object.entries(LIFE_EVENTS) as [LifeEventKey, (typeof LIFE_EVENTS)[LifeEventKey]][]) {
      const core = le.coreNeeds === 'all' || le.coreNeeds.some((n) => addressed.get(svc.id)!.has(n));
      const coded = !!le.code && svc.lifeEvents.some((c) => c === le.code || c.startsWith(`${le.code}.`));
      if (core || coded) addLink('inLifeEvent', svc.id, `le-${key}`);
    }
  }
  const serviceRef = (prefix: string): string => {
    const id = servicesByPrefix.get(prefix);
    if (!id) throw new Error(`unknown service ${prefix}`);
    return id;
  };
  for (const [a, b] of REFERS_TO) addLink('refersTo', serviceRef(a), serviceRef(b));
  for (const [a, b] of COLLABORATES) addLink('collaborates', `org-${a}`, `org-${b}`);

  // Personas
  for (const p of PERSONAS) {
    const id = `persona-${p.key}`;
    entities.push({
      kind: 'persona',
      id,
      name: p.name,
      description: p.description,
      ageMin: p.ageMin,
      ageMax: p.ageMax,
      municipality: p.municipality,
      language: p.language,
      meters: p.meters,
      peoplePerYear: p.peoplePerYear,
      expectedServices: expectedServices(p, serviceEntities, addressed),
      tags: ['synteettinen'],
    });
    for (const [n, importance] of p.needs) addLink('personaNeed', id, `need-${n}`, { importance });
  }

  return {
    format: 'kohtaanto-workspace',
    version: 1,
    title: {
      fi: 'Nuoret kiinni yhteiskunnassa',
      sv: 'Unga med i samhället',
      en: 'Young people engaged in society',
    },
    description: {
      fi: 'Esimerkkityötila: AuroraAI-ohjelman elämäntapahtuman "Nuoret kiinni yhteiskunnassa syrjäytymisen ehkäisyllä" palveluekosysteemi Oulussa, Turussa, Mikkelissä ja Tampereella sekä valtakunnallisesti. Palvelut ovat oikeita PTV-palveluja AuroraAI-verkon luokitteluaineistosta; tarpeet ja asiakasprofiilit ovat synteettisiä työpajaa varten. Miten linkit tehtiin: palvelu vastaa tarpeeseen vain, kun tarpeelle kirjattu sääntö täyttyy palvelun omissa tiedoissa (PTV-palveluluokka, kohderyhmä tai sana palvelun omassa suomenkielisessä kuvauksessa), ja jokainen linkki kertoo näyttönsä. Luokat, kohderyhmät, alueet ja kielet ovat PTV-tiedoista; kun luokitteluaineistossa ei ole kieltä, kielet ovat kielilain vähimmäisvaatimus (valtion viranomaiset ja kaksikieliset kunnat suomeksi ja ruotsiksi), englanti vain jos aineisto sen kertoo. Sääntöjä ei ole sovitettu niin, että jokainen tarve täyttyy: aukot, päällekkäisyydet sekä kieli- ja aluerot ovat aineiston omia. Huomaa myös: Oulun ja Turun palveluja ei koskaan luokiteltu, Tampereelta on vain yksi palvelu, eikä henkilöasiakkaan velkaneuvontaa löydy aineistosta.',
      sv: 'Exempelarbetsyta: tjänsteekosystemet kring AuroraAI-programmets livshändelse ”Unga med i samhället” i Uleåborg, Åbo, S:t Michel och Tammerfors samt nationellt. Tjänsterna är verkliga PTV-tjänster ur AuroraAI-nätverkets klassificeringsmaterial; behov och kundprofiler är syntetiska och gjorda för workshoppar. Så gjordes länkarna: en tjänst svarar mot ett behov bara när den regel som skrivits ned för behovet uppfylls av tjänstens egna uppgifter (PTV-tjänsteklass, målgrupp eller ett ord i tjänstens egen finskspråkiga beskrivning), och varje länk anger sitt underlag. Klasser, målgrupper, områden och språk kommer från PTV-uppgifterna; när klassificeringsmaterialet saknar språk gäller språklagens minimikrav (statliga myndigheter och tvåspråkiga kommuner på finska och svenska), engelska bara om materialet säger det. Reglerna är inte anpassade så att varje behov uppfylls: luckorna, överlappningarna och skillnaderna mellan språk och områden finns i själva materialet. Observera också: tjänsterna i Uleåborg och Åbo klassificerades aldrig, Tammerfors har en enda tjänst och materialet saknar ekonomi- och skuldrådgivning för privatpersoner.',
      en: 'Example workspace: the service ecosystem of the AuroraAI life event “Young people engaged in society by preventing exclusion” in Oulu, Turku, Mikkeli and Tampere and nationwide. Services are real PTV services from the AuroraAI labelling data; needs and personas are synthetic, for workshops. How the links were made: a service addresses a need only when the rule written down for that need holds in the service’s own data (a PTV service class, a target group or a word in the service’s own Finnish description), and every link states its evidence. Classes, target groups, areas and languages come from the PTV data; where the labelling data has no language, the languages are the Language Act minimum (state authorities and bilingual municipalities in Finnish and Swedish), English only where the data says so. The rules were not fitted so that every need is met: the gaps, overlaps and language and area differences are the data’s own. Note also: Oulu and Turku services were never labelled, Tampere has a single service, and no consumer debt-advice service is in the data.',
    },
    provenance: [
      'Life event and actors: AuroraAI-ohjelman väliarviointi (mid-term evaluation of the AuroraAI programme, Ministry of Finance).',
      'Services (PTV ids, Finnish names and summaries, municipality, 3X10D meter labels, "EI MUKAAN" marks): the AuroraAI network labelling sheet, vrk-kpa/auroraai-core-components test data (MIT); content is PTV open data.',
      'Nettilukio service and the Otavan Opisto channel: PTV open API v11 responses, vrk-kpa/auroraai-core-components (MIT).',
      'Swedish and English names, short descriptions, service classes, target groups, life events and ontology terms of municipal services: the matching PTV general descriptions (pohjakuvaukset), vrk-kpa/ptv-releases (MIT).',
      'Code lists (service classes, target groups, life events): vrk-kpa/ptv-releases (MIT); municipalities and wellbeing services counties: vrk-kpa/auroraai-core-components (MIT).',
      'Kansalaisneuvonta and Nuortenelämä.fi channels: PTV open data from Metatavu/kunta-api-server test resources (repository AGPL-3.0; content is PTV open data).',
      'How the links were made (resources/examples/build-example.ts and evidence-rules.ts): service→need (addresses) links only where a need\'s written rule holds for the service\'s record: a PTV service class, a PTV target group and/or a word stem in the service\'s own Finnish text (name, summary, description, PTV keywords and ontology terms); each link\'s data.evidence names the classes, words and groups. Service classes, target groups and life-event codes come only from the PTV data (the v11 record or the general description), never added by hand. Areas: the labelling sheet\'s municipality, or the municipality the service\'s name names; else nationwide. Languages: the record\'s, else its PTV channels\', else the Language Act minimum of the responsible organisation plus languages the service\'s text names. Service→life event links: every service belongs to the youth life event it was chosen for; to the other two when it addresses their own need (housing; international) or carries their PTV code. Personas\' expected services: the services that by the same evidence address one of the persona\'s needs of importance 4–5, in its area and language. Provider and channel links: the PTV v11 record\'s organisations and channels and the PTV channels in the data; otherwise the authors\' reading (who runs the service today; the channel its text names, or its e-service, without a PTV id).',
      'Written by the Kohtaanto authors: needs and their rules, personas (anonymous, synthetic; people-per-year figures are rough estimates), responsible organisations after the 2023 wellbeing-county reform, sv/en names where the data has none, channels without a PTV id, and service-to-service referrals (refersTo).',
    ].join('\n'),
    entities,
    links,
  };
}

function main(): void {
  const ws = build();
  const parsed = WorkspaceJsonSchema.parse(ws);
  // Sanity: every link joins existing entities of the right kinds.
  const kinds = new Map(parsed.entities.map((e) => [e.id, e.kind]));
  for (const l of parsed.links) {
    const s = kinds.get(l.source);
    const t = kinds.get(l.target);
    if (!s || !t) throw new Error(`link ${l.id} points to a missing entity`);
    const err = linkKindError(l.type, s, t);
    if (err) throw new Error(`link ${l.id}: ${err}`);
  }
  fs.writeFileSync(OUT, `${JSON.stringify(ws, null, 2)}\n`);
  const count = (k: string) => parsed.entities.filter((e) => e.kind === k).length;
  console.log(
    `wrote ${path.relative(process.cwd(), OUT)}: ${parsed.entities.length} entities (` +
      ['organisation', 'service', 'channel', 'lifeEvent', 'need', 'persona'].map((k) => `${k} ${count(k)}`).join(', ') +
      `), ${parsed.links.length} links`,
  );
}

main();
