/**
 * Builds the second built-in example, `auroraai-tilannekuva.json`: the situational picture of the
 * AuroraAI programme as its mid-term evaluation describes it (the seed document
 * /work/shared/seed/000_2a4bef522f736a9f.txt, in Finnish).
 *
 *   npx tsx resources/examples/build-picture-example.ts
 *
 * The JSON is the committed artefact; a unit test checks that it equals what this builder makes,
 * so the two cannot drift. Every figure names where in the evaluation it stands (chapter, table or
 * figure, and the line of the seed's text, which has no page numbers). Where the evaluation gives
 * no figure, none is made up: survey answer distributions exist only in its charts, so the surveys
 * carry the reported N and no counts; indicators have a baseline or target only where the text
 * states one. What the cost–benefit analysis needs but the evaluation does not say (how amounts
 * spread over years, how many organisations join when, the discount rate) is stated as an
 * assumption in the item's description and provenance, and can be edited in the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EntityInput, LinkInput } from '../../shared/model';
import { ExampleJsonSchema, type ExampleJsonInput } from '../../shared/picture/example';
import type { PictureItem } from '../../shared/picture';

type Text = { fi: string; sv?: string; en?: string };
type Item = z_input<PictureItem>;
// The picture items as written here (defaults filled in by the schema when the file is read).
type z_input<T> = T extends { kind: infer K } ? Partial<T> & { kind: K; id: string } : never;

export const AURORA_EXAMPLE_FILE = 'auroraai-tilannekuva.json';

const SRC = 'AuroraAI-ohjelman väliarviointi (valtiovarainministeriö)';
/** A citation of the evaluation: chapter / table / figure, and the seed text's lines. */
const cite = (where: string, lines: string) => `${SRC}, ${where} (lähdetekstin rivit ${lines}).`;
const ASSUMPTION = 'OLETUS (ei lähteestä, muokattavissa):';

// ---------------------------------------------------------------------------------------------
// Ecosystem: the actors and the three life events the evaluation names
// ---------------------------------------------------------------------------------------------

const org = (id: string, name: Text, orgType: 'state' | 'municipality' | 'ngo' | 'company' | 'other', description: string): EntityInput =>
  ({ kind: 'organisation', id, name, orgType, description: { fi: description }, tags: ['AuroraAI'] }) as EntityInput;

const entities: EntityInput[] = [
  org('org-vm', { fi: 'Valtiovarainministeriö', sv: 'Finansministeriet', en: 'Ministry of Finance' }, 'state', 'Asetti AuroraAI-ohjelman (VN/1332/2020) toimikaudelle 31.1.2020–31.12.2022 (luku 1.1).'),
  org('org-dvv', { fi: 'Digi- ja väestötietovirasto', sv: 'Myndigheten för digitalisering och befolkningsdata', en: 'Digital and Population Data Services Agency' }, 'state', 'Toteutti AuroraAI-verkon ydinkomponentit (luvut 3.1.2 ja 3.2).'),
  org('org-digifinland', { fi: 'DigiFinland Oy', sv: 'DigiFinland Ab', en: 'DigiFinland Oy' }, 'company', 'Toteutti käyttöliittymätuotteet; lisäksi 3,689 M€ vuosina 2021–2022 ohjelman budjetin rinnalla (luku 3.2).'),
  org('org-haus', { fi: 'HAUS kehittämiskeskus Oy', sv: 'HAUS utvecklingscentral Ab', en: 'HAUS Finnish Institute of Public Management' }, 'company', 'Ohjelman toteuttaja (luku 3.1.2).'),
  org('org-kuntaliitto', { fi: 'Suomen Kuntaliitto', sv: 'Finlands Kommunförbund', en: 'Association of Finnish Municipalities' }, 'ngo', 'Kokosi ohjelmaan osallistuneet kunnat vaihtamaan kokemuksia (luku 3.4).'),
  org('org-tampere', { fi: 'Tampereen kaupunki', sv: 'Tammerfors stad', en: 'City of Tampere' }, 'municipality', 'Aktiivisesti mukana ollut kunta (luku 3.1.4).'),
  org('org-turku', { fi: 'Turun kaupunki', sv: 'Åbo stad', en: 'City of Turku' }, 'municipality', 'Aktiivisesti mukana ollut kunta (luku 3.1.4).'),
  org('org-oulu', { fi: 'Oulun kaupunki', sv: 'Uleåborgs stad', en: 'City of Oulu' }, 'municipality', 'Aktiivisesti mukana ollut kunta (luku 3.1.4).'),
  org('org-mikkeli', { fi: 'Mikkelin kaupunki', sv: 'S:t Michels stad', en: 'City of Mikkeli' }, 'municipality', 'Aktiivisesti mukana ollut kunta (luku 3.1.4).'),
  {
    kind: 'lifeEvent',
    id: 'le-nuoret',
    name: { fi: 'Nuoret kiinni yhteiskunnassa syrjäytymisen ehkäisyllä', sv: 'Unga med i samhället genom att förebygga utanförskap', en: 'Young people engaged in society by preventing exclusion' },
    description: { fi: 'Asettamispäätöksen elämäntapahtuma; ainoa, joka jäi ohjelmaan, kun elämäntapahtumat supistuivat kolmesta yhteen (luvut 2.1.1, 2.1.4, 4.2).' },
  } as EntityInput,
  {
    kind: 'lifeEvent',
    id: 'le-opiskelijat',
    name: { fi: 'Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään ja yhteiskuntaan', sv: 'Utländska studerande får fäste i arbetslivet och samhället i Finland', en: 'International students attaching to Finnish working life and society' },
    description: { fi: 'Asettamispäätöksen elämäntapahtuma, jätettiin pois (luvut 2.1.1 ja 2.1.4).' },
  } as EntityInput,
  {
    kind: 'lifeEvent',
    id: 'le-tyoelama',
    name: { fi: 'Kiinni työelämässä jatkuvan oppimisen avulla', sv: 'Kvar i arbetslivet genom kontinuerligt lärande', en: 'Staying in working life through continuous learning' },
    description: { fi: 'Asettamispäätöksen elämäntapahtuma, jätettiin pois (luvut 2.1.1 ja 2.1.4).' },
  } as EntityInput,
];

const links: LinkInput[] = [
  ...['org-dvv', 'org-digifinland', 'org-haus', 'org-kuntaliitto'].map((t) => ({ id: `collaborates:org-vm:${t}`, type: 'collaborates' as const, source: 'org-vm', target: t })),
  ...['org-tampere', 'org-turku', 'org-oulu', 'org-mikkeli'].map((t) => ({ id: `collaborates:org-kuntaliitto:${t}`, type: 'collaborates' as const, source: 'org-kuntaliitto', target: t })),
];

// ---------------------------------------------------------------------------------------------
// The four impact goals (vaikuttavuustavoitteet) of the setting decision
// ---------------------------------------------------------------------------------------------

const GOALS_CITE = cite('luku 2.1.1 Ohjelmalle määritellyt tavoitteet ja tehtävät', '184–206');
const goals: Item[] = [
  {
    id: 'goal-1',
    kind: 'goal',
    name: { fi: 'Sujuvampi asiointi valituissa elämäntapahtumissa', sv: 'Smidigare ärenden i utvalda livshändelser', en: 'Smoother dealings in chosen life events' },
    description: { fi: 'Luodaan edellytykset kansalaisten ja yritysten merkittävästi sujuvammalle asioinnille valituissa elämäntapahtumissa (ns. luukulta toiselle juoksemisen vähentäminen).' },
    provenance: GOALS_CITE,
  },
  {
    id: 'goal-2',
    kind: 'goal',
    name: { fi: 'Johtaminen yhteisiä tilannekuvia hyödyntäen', sv: 'Ledning med gemensamma lägesbilder', en: 'Leading with shared situational pictures' },
    description: { fi: 'AuroraAI-ohjelmaan osallistuvat organisaatiot kehittävät osaamistaan, luovat kyvykkyyksiä ja sitä kautta edellytyksiä johtaa yhteisiä tilannekuvia hyödyntäen omaa toimintaansa ja palvelutuotantoaan vaikuttavammin.' },
    provenance: GOALS_CITE,
  },
  {
    id: 'goal-3',
    kind: 'goal',
    name: { fi: 'Uudet yhteistyön keinot ja tehokkaampi toiminta', sv: 'Nya möjligheter till samarbete och effektivare verksamhet', en: 'New means of co-operation and more efficient operations' },
    description: { fi: 'Luodaan julkisen hallinnon keskinäiselle sekä poikkisektoraaliselle yhteistyölle uusia toiminnallisia ja teknisiä mahdollisuuksia ja siten tehostetaan toimintaa.' },
    provenance: GOALS_CITE,
  },
  {
    id: 'goal-4',
    kind: 'goal',
    name: { fi: 'Tekoälyn eettinen hyödyntäminen julkisissa palveluissa', sv: 'Etisk användning av artificiell intelligens i offentliga tjänster', en: 'Ethical use of AI in public services' },
    description: { fi: 'Vahvistetaan tekoälyn eettistä hyödyntämistä osana julkisten palvelujen tarjontaa ja toimintamalleja.' },
    provenance: GOALS_CITE,
  },
];

// ---------------------------------------------------------------------------------------------
// The preliminary impact logic (Kuvio 1; drawn out in Liite 1, "AuroraAI:n vaikutuslogiikka (alustava)")
// ---------------------------------------------------------------------------------------------

const LOGIC_CITE = cite('Kuvio 1 ja Liite 1, kuvio ”AuroraAI:n vaikutuslogiikka (alustava)”', '265 ja 1514–1670');
const box = (id: string, stage: string, name: Text, description: string, provenance: string, extra: Partial<{ refs: string[]; goal: string }> = {}): Item =>
  ({ id, kind: 'impactBox', stage, name, description: { fi: description }, provenance, ...extra }) as Item;

const boxes: Item[] = [
  box('box-peruste', 'basis', { fi: 'Hallitusohjelma: Elinvoimainen Suomi', sv: 'Regeringsprogrammet: Ett livskraftigt Finland', en: 'Government programme: a vital Finland' }, 'Ohjelman peruste: pääministeri Marinin hallitusohjelman strateginen tavoite elinvoimaisesta Suomesta.', cite('luku 1.1 ja Liite 1, kuvio (”Ohjelman peruste”)', '14–16 ja 1579–1581')),
  box('box-kohtaanto', 'needs', { fi: 'Palvelutarpeen ja palvelutarjonnan kohtaanto', sv: 'Matchning mellan servicebehov och serviceutbud', en: 'Match of service need and supply' }, 'Tunnistettu tarve: palvelutarve ja palvelutarjonta eivät kohtaa.', cite('luku 2.1.1 ja Liite 1, kuvio (”Tunnistetut tarpeet”)', '174–180 ja 1549–1551')),
  box('box-hukka', 'needs', { fi: 'Resurssien hukka- ja vajaakäyttö', sv: 'Slöseri med och underutnyttjande av resurser', en: 'Waste and under-use of resources' }, 'Tunnistettu tarve: päällekkäiset palvelut ja palvelut, joita tarvitsijat eivät löydä.', cite('luku 2.1.1 ja Liite 1, kuvio (”Tunnistetut tarpeet”)', '174–180 ja 1549–1553')),
  box('box-resurssit', 'inputs', { fi: 'Resurssit: ohjelman budjetti 7,53 M€', sv: 'Resurser: programmets budget 7,53 milj. €', en: 'Resources: programme budget EUR 7.53 M' }, 'Varsinainen budjetti 2020–2022 (Taulukko 1); lisäksi DigiFinlandille 3,689 M€ vuosina 2021–2022.', cite('Liite 1, kuvio (”Resurssit”) ja luku 3.2, Taulukko 1', '1570 ja 796–821')),
  box('box-ohjaus', 'inputs', { fi: 'Ohjaus, organisointi ja johtaminen', sv: 'Styrning, organisering och ledning', en: 'Steering, organisation and management' }, 'Johtoryhmä, ohjausryhmä (joulukuusta 2021), yhteistyöryhmä ja kolme teemaryhmää (toimintamalli, tekniikka, etiikka).', cite('Liite 1, kuvio (”Ohjaus”, ”Organisointi”, ”Toimeenpano-organisaatio ja johtaminen”) ja luvut 3.1.1–3.1.3', '1566–1572 ja 635–771')),
  box('box-kumppanit', 'inputs', { fi: 'Kumppanit', sv: 'Partner', en: 'Partners' }, 'Mm. DigiFinland, DVV, HAUS ja kunnat (Tampere, Turku, Oulu, Mikkeli); alihankkijoita.', cite('Liite 1, kuvio (”Kumppanit”) ja luvut 3.1.2 ja 3.1.4', '1577 ja 706–712, 781')),
  box('box-toimintamalli', 'activities', { fi: 'Toimintamallin kehittäminen', sv: 'Utveckling av verksamhetsmodellen', en: 'Developing the operating model' }, 'Tehtävä 1: toimintamalli, jonka avulla julkinen hallinto tukee tekoälyavusteisesti ihmisten elämäntapahtumia yhdessä eri sektoreiden palveluntarjoajien kanssa.', cite('luku 2.1.1 (tehtävä 1) ja Liite 1, kuvio (”Tehtävät”)', '216–220 ja 1555–1557')),
  box('box-verkko', 'activities', { fi: 'AuroraAI-verkon kehittäminen', sv: 'Utveckling av AuroraAI-nätverket', en: 'Developing the AuroraAI network' }, 'Tehtävä 2: tekninen ratkaisu, joka kytkee palvelut yhteen ja on hyödynnettävissä valituissa elämäntapahtumissa vuoden 2022 loppuun mennessä.', cite('luku 2.1.1 (tehtävä 2) ja Liite 1, kuvio (”Tehtävät”)', '222–236 ja 1557–1559'), { refs: ['le-nuoret', 'le-opiskelijat', 'le-tyoelama'] }),
  box('box-osaaminen', 'activities', { fi: 'Osaamisen ja kyvykkyyksien kehittämisohjelma', sv: 'Programmet för utveckling av kompetens och förmågor', en: 'Competence and capability programme' }, 'Tehtävä 3: kehittämisohjelma verkkoon liittyville toimijoille; mm. tulevaisuuslukutaito ja kyky käsitellä eettisiä kysymyksiä.', cite('luku 2.1.1 (tehtävä 3) ja Liite 1, kuvio (”Tehtävät”)', '242–248 ja 1557–1563')),
  box('box-ydinkomponentit', 'outputs', { fi: 'Verkon ydinkomponentit: suosittelijamoottori, profiilinhallinta ja API', sv: 'Nätverkets kärnkomponenter: rekommendationsmotor, profilhantering och API', en: 'Core components: recommender, profile management and API' }, 'Teknisesti käyttöönotettavissa väliarvioinnin aikaan.', cite('luku 4.1 Tähän astiset ennakoidut tulokset', '1085–1093')),
  box('box-kokeilut', 'outputs', { fi: 'Verkon kokeilut (DVV-hanke, chatbot, MMK-palvelu, Älyrahake)', sv: 'Nätverkets försök (DVV-projektet, chattbot, MMK-tjänsten, Älyrahake)', en: 'Network pilots (DVV project, chatbot, MMK service, Älyrahake)' }, 'Alustavan vaikutuslogiikan toimeenpanon painopisteet, jotka liittyvät verkkoon (jako tehtäviin on tämän esimerkin tulkinta kuvion tekstistä).', cite('Liite 1, kuvio (”Toimeenpano / painopisteet”)', '1583–1628')),
  box('box-mallin-osat', 'outputs', { fi: 'Toimintamallin osat', sv: 'Verksamhetsmodellens delar', en: 'Parts of the operating model' }, 'Ihmiskeskeinen ohjausmalli, visiojohtamisen työkalut, tilannekuvajohtaminen, elinvoiman tilannekuva, tiedonhallintakartta, tietojohtamisen peili, palveluekosysteemit, muutoksen kyvykkyydet ja muutosviestintä.', cite('Liite 1, kuvio (”Toimeenpano / painopisteet”)', '1592–1622')),
  box('box-oppimateriaalit', 'outputs', { fi: 'Oppimateriaalit eOppiva-alustalla', sv: 'Lärmaterial på eOppiva', en: 'Learning material on eOppiva' }, 'Suunnittelun esivaihe, perustason ja syventävät sisällöt; tavoittanut yli 7 000 ihmistä maaliskuuhun 2021 mennessä.', cite('luku 4.1 ja Liite 1, kuvio (”Tuotokset”)', '1107–1109 ja 1652–1670')),
  box('box-etiikka', 'outputs', { fi: 'Tekoälyn etiikan suositukset', sv: 'Rekommendationer om etisk AI', en: 'Recommendations on the ethics of AI' }, 'Etiikkaryhmä tunnisti keskeiset kysymykset ja hahmotteli suosituksia; työ jatkuu tarkempina ohjeina.', cite('luku 4.1', '1115–1122')),
  box('box-tulokset', 'results', { fi: 'Tulokset: määrittelemättä (”Tulos?”)', sv: 'Resultat: odefinierade (”Resultat?”)', en: 'Results: not defined (“Result?”)' }, 'Alustavassa vaikutuslogiikassa tulossarakkeessa on vain neljä kysymysmerkkiä (”Tulos?”) ja vaikutussarakkeessa kolme (”Vaikutus?”); ”Vaikuttavuuden mittaristo” on tyhjä. Arvioinnin mukaan tarkempien mittareiden puuttuessa todellisia tuloksia ja vaikuttavuutta on vaikea arvioida.', cite('Liite 1, kuvio (”Tulokset”, ”Tulos?”, ”Vaikuttavuuden mittaristo”) ja luku 2.1.5', '1631–1652 ja 478–482')),
  box('box-vaikutus-1', 'impacts', { fi: 'Sujuvampi asiointi valituissa elämäntapahtumissa', sv: 'Smidigare ärenden i utvalda livshändelser', en: 'Smoother dealings in chosen life events' }, 'Vaikuttavuustavoite 1.', LOGIC_CITE, { goal: 'goal-1', refs: ['le-nuoret'] }),
  box('box-vaikutus-2', 'impacts', { fi: 'Johtaminen yhteisiä tilannekuvia hyödyntäen', sv: 'Ledning med gemensamma lägesbilder', en: 'Leading with shared situational pictures' }, 'Vaikuttavuustavoite 2.', LOGIC_CITE, { goal: 'goal-2' }),
  box('box-vaikutus-3', 'impacts', { fi: 'Uudet yhteistyön keinot ja tehokkaampi toiminta', sv: 'Nya möjligheter till samarbete och effektivare verksamhet', en: 'New means of co-operation and more efficient operations' }, 'Vaikuttavuustavoite 3.', LOGIC_CITE, { goal: 'goal-3' }),
  box('box-vaikutus-4', 'impacts', { fi: 'Tekoälyn eettinen hyödyntäminen', sv: 'Etisk användning av AI', en: 'Ethical use of AI' }, 'Vaikuttavuustavoite 4.', LOGIC_CITE, { goal: 'goal-4' }),
];

/** A leadsTo link; an assumption only where the evaluation states one, with its status as the evaluation judges it. */
const link = (source: string, target: string, assumption?: { text: Text; status: 'holds' | 'uncertain' | 'failed'; provenance: string }): Item =>
  ({
    id: `ilink:${source}:${target}`,
    kind: 'impactLink',
    source,
    target,
    ...(assumption ? { assumption: assumption.text, assumptionStatus: assumption.status, provenance: assumption.provenance } : { provenance: LOGIC_CITE }),
  }) as Item;

const impactLinks: Item[] = [
  link('box-peruste', 'box-kohtaanto'),
  link('box-peruste', 'box-hukka'),
  link('box-kohtaanto', 'box-verkko', {
    text: { fi: 'Palvelutarpeet on validoitu ennen teknologiavalintoja', sv: 'Servicebehoven har validerats före teknikvalen', en: 'Service needs are validated before technology is chosen' },
    status: 'failed',
    provenance: cite('luku 4.2: ”Validoinnin puuttuessa on teknologisia valintoja tehty pääosin oletuksien varassa”', '1140–1146'),
  }),
  link('box-kohtaanto', 'box-toimintamalli'),
  link('box-hukka', 'box-verkko'),
  link('box-hukka', 'box-toimintamalli'),
  link('box-resurssit', 'box-verkko'),
  link('box-resurssit', 'box-toimintamalli'),
  link('box-resurssit', 'box-osaaminen'),
  link('box-ohjaus', 'box-toimintamalli', {
    text: { fi: 'Verkon rakentaminen ja toimintamallin kehittäminen sovitetaan yhteen', sv: 'Bygget av nätverket och utvecklingen av verksamhetsmodellen samordnas', en: 'Building the network and developing the operating model are co-ordinated' },
    status: 'uncertain',
    provenance: cite('luvut 2.1.4, 3.1.2 ja 3.3: toimintojen koordinaatio ontuu; ongelmia verkon ja toimintamallin välillä', '432–438, 706–712 ja 924–930'),
  }),
  link('box-ohjaus', 'box-verkko'),
  link('box-kumppanit', 'box-verkko', {
    text: { fi: 'Kuntia ja muita palveluntuottajia saadaan mukaan', sv: 'Kommuner och andra tjänsteproducenter ansluter sig', en: 'Municipalities and other service providers join' },
    status: 'uncertain',
    provenance: cite('luvut 3.1.4 ja 3.2: kuntien roolia ei ole resursoitu riittävästi; mukana vain muutama kunta', '777–786 ja 892–896'),
  }),
  link('box-verkko', 'box-ydinkomponentit'),
  link('box-verkko', 'box-kokeilut', {
    text: { fi: 'Kehittäminen tehdään kolmen elämäntapahtuman kautta', sv: 'Utvecklingen sker genom tre livshändelser', en: 'Development runs through three life events' },
    status: 'failed',
    provenance: cite('luvut 2.1.4 ja 4.2: elämäntapahtumat supistuivat kolmesta yhteen', '460–466 ja 1154–1158'),
  }),
  link('box-toimintamalli', 'box-mallin-osat'),
  link('box-osaaminen', 'box-oppimateriaalit'),
  link('box-osaaminen', 'box-etiikka'),
  link('box-ydinkomponentit', 'box-tulokset', {
    text: { fi: 'Asiakkaalle voidaan tarjota konkreettisia palveluja eikä vain suosituksia', sv: 'Kunden kan erbjudas konkreta tjänster och inte bara rekommendationer', en: 'The client can be offered concrete services, not only recommendations' },
    status: 'failed',
    provenance: cite('luku 4.2: tunnistautumisen puute estää viranomaistiedon linkittämisen asiakkaaseen', '1164–1176'),
  }),
  link('box-kokeilut', 'box-tulokset'),
  link('box-mallin-osat', 'box-tulokset', {
    text: { fi: 'Toimintamalli viedään laajasti käytäntöön (systeeminen muutos)', sv: 'Verksamhetsmodellen införs brett (systemisk förändring)', en: 'The operating model is put into wide use (systemic change)' },
    status: 'uncertain',
    provenance: cite('luvut 2.1.3 ja 2.1.5: toimintamalli tuskin muuttaa toimintatapoja, mutta luo edellytyksiä muutokselle', '391–395 ja 500–506'),
  }),
  link('box-oppimateriaalit', 'box-tulokset', {
    text: { fi: 'Oppimateriaalit tavoittavat julkisen hallinnon toimijat', sv: 'Lärmaterialet når aktörerna inom den offentliga förvaltningen', en: 'The learning material reaches public-sector staff' },
    status: 'holds',
    provenance: cite('luvut 2.1.5 ja 4.1: yli 7 000 ihmistä tavoitettu maaliskuuhun 2021 mennessä', '518–520 ja 1107–1109'),
  }),
  link('box-etiikka', 'box-tulokset'),
  link('box-tulokset', 'box-vaikutus-1', {
    text: { fi: 'Verkkoon liittyy riittävästi toimijoita (kriittinen massa)', sv: 'Tillräckligt många aktörer ansluter sig till nätverket (kritisk massa)', en: 'Enough actors join the network (critical mass)' },
    status: 'uncertain',
    provenance: cite('luku 3.2, kustannus-hyötyanalyysin johtopäätös: ”Todelliset hyödyt syntyvät kuitenkin vasta kun verkkoon liittyviä tahoja on riittävästi”', '876–886'),
  }),
  link('box-tulokset', 'box-vaikutus-2'),
  link('box-tulokset', 'box-vaikutus-3'),
  link('box-tulokset', 'box-vaikutus-4'),
];

// ---------------------------------------------------------------------------------------------
// Indicators: measurements only where the text gives a figure; no baseline or target is made up
// ---------------------------------------------------------------------------------------------

const EVAL_DATE_NOTE = 'väliarvioinnin tilanne; aineisto ulottuu joulukuuhun 2021, päivämäärä 31.12.2021 on tämän esimerkin oletus';
const indicators: Item[] = [
  {
    id: 'ind-elamantapahtumat',
    kind: 'indicator',
    name: { fi: 'Elämäntapahtumat, joissa AuroraAI-verkko on hyödynnettävissä', sv: 'Livshändelser där AuroraAI-nätverket kan användas', en: 'Life events in which the AuroraAI network can be used' },
    unit: 'kpl',
    direction: 'higher',
    // Target from the setting decision: the network usable in the chosen (three) life events by the end of 2022. No baseline is given.
    target: { date: '2022-12-31', value: 3 },
    dataSource: 'Väliarviointi (haastattelut, ohjelman dokumentit)',
    owner: 'org-vm',
    measures: 'goal-1',
    measurements: [{ date: '2021-12-31', value: 1, note: `Elämäntapahtumat supistuivat kolmesta yhteen (${EVAL_DATE_NOTE}).`, source: 'Väliarviointi, luvut 2.1.4 ja 4.2' }],
    provenance: `${cite('luku 2.1.1: verkko hyödynnettävissä valituissa elämäntapahtumissa vuoden 2022 loppuun mennessä; kolme elämäntapahtumaa', '222–226 ja 253–261')} Mittaus: ${cite('luvut 2.1.4 ja 4.2', '460–466 ja 1154–1158')} Lähtötasoa ei anneta.`,
  },
  {
    id: 'ind-oppimateriaali',
    kind: 'indicator',
    name: { fi: 'Oppimateriaalien avulla tavoitetut ihmiset', sv: 'Personer som nåtts med lärmaterialet', en: 'People reached by the learning material' },
    unit: 'henkilöä',
    direction: 'higher',
    dataSource: 'eOppiva',
    owner: 'org-vm',
    measures: 'goal-2',
    measurements: [{ date: '2021-03-31', value: 7000, note: 'Yli 7 000 (maaliskuun 2021 tilanne); luku on alaraja.', source: 'Väliarviointi, luvut 2.1.5 ja 4.1' }],
    provenance: `${cite('luvut 2.1.5 (alaviite 2: maaliskuu 2021) ja 4.1', '518–520, 544 ja 1107–1109')} Lähtötasoa ja tavoitetta ei anneta.`,
  },
  {
    id: 'ind-kunnat',
    kind: 'indicator',
    name: { fi: 'Ohjelmassa aktiivisesti mukana olevat kunnat', sv: 'Kommuner som aktivt deltar i programmet', en: 'Municipalities taking an active part' },
    unit: 'kpl',
    direction: 'higher',
    dataSource: 'Väliarviointi (haastattelut)',
    owner: 'org-vm',
    measures: 'goal-3',
    measurements: [{ date: '2021-12-31', value: 4, note: `Tampere, Turku, Oulu ja Mikkeli (${EVAL_DATE_NOTE}).`, source: 'Väliarviointi, luku 3.1.4' }],
    provenance: `${cite('luvut 3.1.4 ja 4.1', '781 ja 1124–1126')} Lähtötasoa ja tavoitetta ei anneta.`,
  },
  {
    id: 'ind-slack',
    kind: 'indicator',
    name: { fi: 'Ohjelman Slack-kanavan seuraajat', sv: 'Följare på programmets Slack-kanal', en: 'Followers of the programme’s Slack channel' },
    unit: 'henkilöä',
    direction: 'higher',
    dataSource: 'Slack',
    owner: 'org-vm',
    measures: 'goal-3',
    measurements: [{ date: '2021-12-31', value: 1300, note: 'Lähes 1 300 (joulukuu 2021; päivä on tämän esimerkin oletus).', source: 'Väliarviointi, luku 3.4' }],
    provenance: `${cite('luku 3.4 Viestintä', '1009–1011')} Lähtötasoa ja tavoitetta ei anneta.`,
  },
  {
    id: 'ind-liittyneet',
    kind: 'indicator',
    name: { fi: 'AuroraAI-verkkoon liittyneet palveluntuottajat', sv: 'Tjänsteproducenter anslutna till AuroraAI-nätverket', en: 'Service providers joined to the AuroraAI network' },
    unit: 'kpl',
    direction: 'higher',
    owner: 'org-vm',
    measures: 'goal-3',
    measurements: [],
    provenance: `${SRC}, luku 3.2: kustannus-hyötyanalyysin mukaan hyödyt syntyvät vasta kriittisellä massalla (rivit 876–886). Lähde ei anna liittyneiden määrää, lähtötasoa eikä tavoitetta: ei tietoa.`,
  },
  {
    id: 'ind-etiikka',
    kind: 'indicator',
    name: { fi: 'Tekoälyn eettisen käytön linjaukset julkisissa palveluissa', sv: 'Riktlinjer för etisk användning av AI i offentliga tjänster', en: 'Guidelines on ethical use of AI in public services' },
    unit: 'kpl',
    direction: 'higher',
    owner: 'org-vm',
    measures: 'goal-4',
    measurements: [],
    provenance: `${SRC}, luvut 2.1.5 ja 4.1: suosituksia hahmoteltu, tarkemmat ohjeet tekeillä (rivit 524–527 ja 1117–1122). Lähde ei anna lukumääriä: ei tietoa.`,
  },
];

// ---------------------------------------------------------------------------------------------
// Budget: Table 1 exactly (whole-period figures, 2020–2022)
// ---------------------------------------------------------------------------------------------

const TABLE1 = cite('luku 3.2 Resursointi, Taulukko 1 ”AuroraAI-ohjelman varsinainen budjetti (3.0) vuosille 2020–2022”', '796–811');
const budgetLine = (id: string, item: string, planned: number, note = ''): Item => ({ id, kind: 'budgetLine', item, category: item, year: 2020, yearTo: 2022, planned, provenance: `${TABLE1}${note}` }) as Item;
const budget: Item[] = [
  // The table prints 5,5 %, but 418 418 / 7 531 982 = 5.555… %: its shares are cut, not rounded, to one decimal (79.92 → 79,9; 10.02 → 10,0; 4.505 → 4,5).
  budgetLine('budget-ydintehtavat', 'AuroraAI-ydintehtävät', 418_418, ' Taulukossa osuus on 5,5 %, mutta 418 418 / 7 531 982 = 5,555… %: taulukon osuudet on katkaistu eikä pyöristetty yhteen desimaaliin, joten sovellus näyttää 5,6 %.'),
  budgetLine('budget-verkko', 'AuroraAI-verkko', 6_019_264),
  budgetLine('budget-toimintamalli', 'AuroraAI-toimintamalli', 755_000),
  budgetLine('budget-osaaminen', 'Osaamisen ja kyvykkyyksien kehittämisohjelma', 339_300),
];

// ---------------------------------------------------------------------------------------------
// Cost–benefit analysis of the network (Broad Scope Management Consulting Oy, 2021)
// ---------------------------------------------------------------------------------------------

/**
 * The assumed adoption schedule (cumulative organisations joined), chosen so that its
 * organisation-years over 2023–2025 are exactly 100: a per-organisation amount of X per year then
 * reproduces the analysis's 2023–2025 total of 100·X at this schedule.
 */
export const AURORA_ADOPTION = { 2023: 20, 2024: 30, 2025: 50 } as const;
const ORG_YEARS_2023_2025 = AURORA_ADOPTION[2023] + AURORA_ADOPTION[2024] + AURORA_ADOPTION[2025];
export const AURORA_DISCOUNT_RATE = 0.03;

/** Spreads a total evenly over whole euros, the remainder on the first years, so the parts add up exactly. */
function evenly(total: number, years: number[]): Record<string, number> {
  const base = Math.floor(total / years.length);
  let rest = total - base * years.length;
  return Object.fromEntries(years.map((y) => [String(y), base + (rest-- > 0 ? 1 : 0)]));
}
const span = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

const CBA_CITE = (n: string, lines: string) => cite(`luku 3.2, kustannus-hyötyanalyysi (Broad Scope Management Consulting Oy, 2021), ${n}`, lines);
const EVEN = (years: string) => `${ASSUMPTION} lähde antaa vain kokonaissumman vuosille ${years}; se on jaettu tasan vuosille.`;
const PER_ORG = (total: string) =>
  `${ASSUMPTION} lähde antaa vain kokonaissumman ${total} vuosille 2023–2025. Se on muutettu summaksi liittynyttä organisaatiota kohden vuodessa jakamalla oletetun liittymisaikataulun organisaatiovuosilla (${ORG_YEARS_2023_2025}); oletetulla aikataululla summa on täsmälleen lähteen luku, ja kriittisen massan laskenta skaalaa sitä liittyneiden määrällä.`;

const cbaItem = (id: string, type: 'cost' | 'benefit', name: Text, amounts: Record<string, number>, description: string, provenance: string, perOrganisation = false): Item =>
  ({ id, kind: 'cbaItem', type, name, perOrganisation, amounts, description: { fi: description }, provenance }) as Item;
const perOrg = (total: number) => Object.fromEntries(span(2023, 2025).map((y) => [String(y), total / ORG_YEARS_2023_2025]));

/** Customer-service savings per organisation, rising evenly to 30 M€ a year in 2030 at the assumed 50 organisations. */
const customerService = Object.fromEntries(span(2026, 2030).map((y, k) => [String(y), ((k + 1) * 30_000_000) / 5 / AURORA_ADOPTION[2025]]));

const cba: Item[] = [
  cbaItem('cba-ydinkomponentit', 'cost', { fi: 'Ydinkomponenttien toteutus (DVV)', sv: 'Genomförande av kärnkomponenterna (DVV)', en: 'Building the core components (DVV)' }, evenly(4_000_000, span(2020, 2022)), `Yhteensä 4,0 M€ vuosina 2020–2022. ${EVEN('2020–2022')}`, `${CBA_CITE('kustannus 1', '837–839')} ${EVEN('2020–2022')}`),
  cbaItem('cba-kayttoliittymat', 'cost', { fi: 'Käyttöliittymätuotteiden toteutus (DigiFinland)', sv: 'Genomförande av gränssnittsprodukterna (DigiFinland)', en: 'Building the user-interface products (DigiFinland)' }, evenly(3_900_000, span(2019, 2022)), `Yhteensä 3,9 M€ vuosina 2019–2022. ${EVEN('2019–2022')}`, `${CBA_CITE('kustannus 2', '841–843')} ${EVEN('2019–2022')}`),
  cbaItem('cba-yllapito', 'cost', { fi: 'Verkon ylläpito ja jatkuva kehittäminen (DVV ja DF)', sv: 'Underhåll och kontinuerlig utveckling av nätverket (DVV och DF)', en: 'Upkeep and continuous development of the network (DVV and DF)' }, evenly(2_400_000, span(2022, 2025)), `Yhteensä 2,4 M€ vuosina 2022–2025. ${EVEN('2022–2025')}`, `${CBA_CITE('kustannus 3', '845–847')} ${EVEN('2022–2025')}`),
  cbaItem('cba-liittyminen', 'cost', { fi: 'Liittymisen ja käyttöönoton kustannukset toimijoille', sv: 'Aktörernas kostnader för anslutning och ibruktagande', en: 'Joining and deployment costs for organisations' }, perOrg(11_000_000), `Yhteensä 11,0 M€ vuosina 2023–2025 (julkinen ja kolmas sektori). ${PER_ORG('11,0 M€')}`, `${CBA_CITE('kustannus 4', '849–851')} ${PER_ORG('11,0 M€')}`, true),
  cbaItem('cba-omat-palvelut', 'cost', { fi: 'Omien palvelujen kehittäminen', sv: 'Utveckling av egna tjänster', en: 'Developing own services' }, perOrg(5_800_000), `Yhteensä 5,8 M€ vuosina 2023–2025. ${PER_ORG('5,8 M€')}`, `${CBA_CITE('kustannus 5', '853–855')} ${PER_ORG('5,8 M€')}`, true),
  cbaItem('cba-toimijoiden-yllapito', 'cost', { fi: 'Toimijoiden ylläpitokustannukset', sv: 'Aktörernas underhållskostnader', en: 'Organisations’ upkeep costs' }, perOrg(4_000_000), `Yhteensä 4,0 M€ vuosina 2023–2025. ${PER_ORG('4,0 M€')}`, `${CBA_CITE('kustannus 6', '857–859')} ${PER_ORG('4,0 M€')}`, true),
  cbaItem('cba-yhteiskehittaminen', 'benefit', { fi: 'Yhteiskehittämisen kustannussäästöt', sv: 'Kostnadsbesparingar genom samutveckling', en: 'Savings from co-development' }, perOrg(26_800_000), `Yhteensä 26,8 M€ vuosina 2023–2025. ${PER_ORG('26,8 M€')} Lähteen mukaan nämäkin säästöt jäävät vähäisiksi, jos hyödyntäjiä on vähän.`, `${CBA_CITE('hyöty 1 ja johtopäätös', '862–864 ja 882–886')} ${PER_ORG('26,8 M€')}`, true),
  cbaItem('cba-kayton-saastot', 'benefit', { fi: 'Ylläpidon, kehittämisen ja käytön kustannussäästöt', sv: 'Besparingar i underhåll, utveckling och användning', en: 'Savings in upkeep, development and use' }, perOrg(4_800_000), `Yhteensä 4,8 M€ vuosina 2023–2025. ${PER_ORG('4,8 M€')}`, `${CBA_CITE('hyöty 2', '866–868')} ${PER_ORG('4,8 M€')}`, true),
  cbaItem(
    'cba-asiakaspalvelu',
    'benefit',
    { fi: 'Asiakaspalvelun kustannussäästöt', sv: 'Besparingar i kundtjänsten', en: 'Customer-service savings' },
    customerService,
    `Jopa 30 M€ vuodessa vuoteen 2030 mennessä. ${ASSUMPTION} säästö kasvaa tasaisesti vuodesta 2026 (6 M€) vuoteen 2030 (30 M€), kun liittyneitä on 50, ja on summa liittynyttä organisaatiota kohden (${customerService['2030']} € vuonna 2030). Lähde antaa ylärajan; vuosille 2026–2030 se ei anna kustannuksia, joten laskelma on tältä osin optimistinen.`,
    `${CBA_CITE('hyöty 3', '870')} ${ASSUMPTION} tasainen kasvu 2026–2030, 50 liittynyttä organisaatiota.`,
    true,
  ),
];

const cbaSettings: Item = {
  id: 'cba',
  kind: 'cbaSettings',
  discountRate: AURORA_DISCOUNT_RATE,
  adoption: Object.fromEntries(Object.entries(AURORA_ADOPTION).map(([y, n]) => [y, n])),
  sensitivity: 0.2,
  assumptions: {
    fi: `Lähde (luku 3.2) antaa kustannukset 31,1 M€ ja hyödyt 26,8 M€ ja 4,8 M€ (2023–2025) sekä asiakaspalvelun säästöt jopa 30 M€ vuodessa 2030 mennessä; se ei anna vuosijakoa, liittymisaikataulua eikä diskonttokorkoa. Oletukset (muokattavissa): diskonttokorko ${AURORA_DISCOUNT_RATE * 100} %; liittyneitä organisaatioita kumulatiivisesti 2023: ${AURORA_ADOPTION[2023]}, 2024: ${AURORA_ADOPTION[2024]}, 2025: ${AURORA_ADOPTION[2025]} (sen jälkeen ennallaan); kokonaissummat jaettu tasan vuosille; toimijakohtaiset erät (kustannukset 4–6, hyödyt 1–3) skaalautuvat liittyneiden määrällä. Palvelutuotannon vaikuttavuuden 10 %:n parannus (noin 1,5 mrd € vuodessa, karkea arvio) ei ole laskelmassa.`,
    sv: `Källan (avsnitt 3.2) anger kostnader på 31,1 milj. € och nyttor på 26,8 och 4,8 milj. € (2023–2025) samt besparingar i kundtjänsten på upp till 30 milj. € per år fram till 2030; den anger ingen fördelning per år, ingen anslutningstakt och ingen diskonteringsränta. Antaganden (kan ändras): diskonteringsränta ${AURORA_DISCOUNT_RATE * 100} %; anslutna organisationer kumulativt 2023: ${AURORA_ADOPTION[2023]}, 2024: ${AURORA_ADOPTION[2024]}, 2025: ${AURORA_ADOPTION[2025]}; totalsummor jämnt fördelade på åren; aktörsspecifika poster skalas med antalet anslutna. Förbättringen av tjänsteproduktionens effektivitet med 10 % (cirka 1,5 mrd € per år) ingår inte.`,
    en: `The source (section 3.2) gives costs of EUR 31.1 M, benefits of EUR 26.8 M and 4.8 M (2023–2025) and customer-service savings of up to EUR 30 M a year by 2030; it gives no spread over years, no adoption schedule and no discount rate. Assumptions (editable): discount rate ${AURORA_DISCOUNT_RATE * 100} %; organisations joined, cumulative, 2023: ${AURORA_ADOPTION[2023]}, 2024: ${AURORA_ADOPTION[2024]}, 2025: ${AURORA_ADOPTION[2025]}; totals spread evenly over their years; per-organisation items scale with the number joined. The 10 % gain in service effectiveness (roughly EUR 1.5 billion a year) is left out.`,
  },
  provenance: `${CBA_CITE('kustannukset 1–6, hyödyt 1–4 ja johtopäätös', '831–886')} Diskonttokorko ja liittymisaikataulu ovat tämän esimerkin oletuksia.`,
};

// ---------------------------------------------------------------------------------------------
// Surveys: the questions and N; the answer distributions are only in the evaluation's charts
// ---------------------------------------------------------------------------------------------

const NO_COUNTS = 'Vastausjakaumat ovat vain lähteen kuviossa, eikä niitä ole tässä esimerkissä: kysymyksillä on vain lähteen ilmoittama N.';
const zero = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
const question = (id: string, text: Text) => ({ id, text, counts: zero, cannotSay: 0 });
const goalQuestions = [
  question('q-goal-1', { fi: 'Edellytykset merkittävästi sujuvammalle asioinnille valituissa elämäntapahtumissa', sv: 'Förutsättningar för betydligt smidigare ärenden i utvalda livshändelser', en: 'Conditions for markedly smoother dealings in chosen life events' }),
  question('q-goal-2', { fi: 'Osaaminen ja kyvykkyydet johtaa yhteisiä tilannekuvia hyödyntäen', sv: 'Kompetens och förmåga att leda med gemensamma lägesbilder', en: 'Competence and capability to lead with shared situational pictures' }),
  question('q-goal-3', { fi: 'Uudet toiminnalliset ja tekniset mahdollisuudet julkisen hallinnon yhteistyölle', sv: 'Nya operativa och tekniska möjligheter till samarbete inom förvaltningen', en: 'New operational and technical means of public-sector co-operation' }),
  question('q-goal-4', { fi: 'Tekoälyn eettinen hyödyntäminen julkisissa palveluissa', sv: 'Etisk användning av AI i offentliga tjänster', en: 'Ethical use of AI in public services' }),
];
const survey = (id: string, name: Text, reportedN: number, questions: ReturnType<typeof question>[], provenance: string): Item =>
  ({ id, kind: 'survey', name, reportedN, questions, provenance: `${provenance} ${NO_COUNTS}` }) as Item;

const surveys: Item[] = [
  survey('survey-tavoitteet', { fi: 'Vaikuttavuustavoitteiden tärkeys', sv: 'De effektmålens betydelse', en: 'Importance of the impact goals' }, 162, goalQuestions, `${cite('luku 2.1.1, Kuvio 2 (N=162)', '277–288')} Asteikko 1 = ei lainkaan tärkeä … 5 = erittäin tärkeä, en osaa sanoa. Tekstin mukaan kutakin tavoitetta piti tärkeänä tai erittäin tärkeänä vähintään 70 % vastaajista.`),
  survey(
    'survey-vaittamat',
    { fi: 'Näkemykset ohjelmaa koskevista väittämistä', sv: 'Synpunkter på påståenden om programmet', en: 'Views on statements about the programme' },
    63,
    [
      question('q-edistyksellinen', { fi: 'Ohjelma on edistyksellinen ja ratkaisuiltaan innovatiivinen', sv: 'Programmet är framsynt och dess lösningar innovativa', en: 'The programme is progressive and its solutions innovative' }),
      question('q-osallistava', { fi: 'Ohjelma on osallistava ja hyödyntää yhteiskehittämistä', sv: 'Programmet är delaktiggörande och bygger på samutveckling', en: 'The programme is participatory and uses co-development' }),
      question('q-viestinta', { fi: 'Ohjelman viestintä', sv: 'Programmets kommunikation', en: 'The programme’s communication' }),
      question('q-realistisuus', { fi: 'Ohjelman tavoitteiden realistisuus', sv: 'Hur realistiska programmets mål är', en: 'How realistic the programme’s goals are' }),
    ],
    `${cite('luku 2.1.3, Kuvio 3 (N=63)', '405–412')} Väittämien tarkka sanamuoto on vain kuviossa; tässä ne ovat tekstin kuvauksen mukaan. Tekstin mukaan 21 % oli täysin samaa mieltä siitä, että ohjelma on edistyksellinen ja ratkaisuiltaan innovatiivinen.`,
  ),
  survey(
    'survey-osa-alueet',
    { fi: 'Ohjelman osa-alueiden tärkeys toteutuksen kannalta', sv: 'Programdelarnas betydelse för genomförandet', en: 'Importance of the programme’s parts for its implementation' },
    70,
    [
      question('q-osa-toimintamalli', { fi: 'AuroraAI-toimintamalli', sv: 'AuroraAI-verksamhetsmodellen', en: 'AuroraAI operating model' }),
      question('q-osa-verkko', { fi: 'AuroraAI-verkko', sv: 'AuroraAI-nätverket', en: 'AuroraAI network' }),
      question('q-osa-osaaminen', { fi: 'Osaamisen ja kyvykkyyksien kehittäminen', sv: 'Utveckling av kompetens och förmågor', en: 'Developing competence and capabilities' }),
    ],
    `${cite('luku 3.3, Kuvio 5 (N=70)', '967–976')} Osa-alueet ovat ohjelman tehtävät (luku 2.1.1); kuvion tarkka jako on vain kuviossa. Tekstin mukaan lähes puolet piti jokaista osa-aluetta tärkeänä tai erittäin tärkeänä.`,
  ),
  survey(
    'survey-kanavat',
    { fi: 'Tärkeimmät viestintäkanavat', sv: 'De viktigaste kommunikationskanalerna', en: 'Most important communication channels' },
    66,
    [
      question('q-tilaisuudet', { fi: 'Tilaisuudet ja tapahtumat', sv: 'Evenemang och tillställningar', en: 'Events' }),
      question('q-materiaalit', { fi: 'Esittely- ja viestintämateriaalit', sv: 'Presentations- och kommunikationsmaterial', en: 'Presentation and communication material' }),
      question('q-vm-sivut', { fi: 'Valtiovarainministeriön verkkosivut', sv: 'Finansministeriets webbplats', en: 'Ministry of Finance website' }),
      question('q-youtube', { fi: 'YouTube-videot', sv: 'YouTube-videor', en: 'YouTube videos' }),
      question('q-suomidigi', { fi: 'Suomidigi-verkkosivusto', sv: 'Webbplatsen Suomidigi', en: 'Suomidigi website' }),
    ],
    `${cite('luku 3.4, Kuvio 7 (N=66)', '993–1002')} Asteikko 1 = ei lainkaan tärkeä … 5 = erittäin tärkeä, en osaa sanoa. Kanavat ovat ne, jotka teksti nimeää; kuviossa voi olla muitakin.`,
  ),
  survey('survey-vaikutus', { fi: 'Ohjelman vaikutus vaikuttavuustavoitteiden edistymiseen', sv: 'Programmets inverkan på hur effektmålen framskrider', en: 'The programme’s effect on progress towards its impact goals' }, 63, goalQuestions, `${cite('luku 4.4, Kuvio 8 (n=63)', '1219–1248')} Asteikko 1 = ei lainkaan vaikutusta … 5 = erittäin suuri vaikutus, en osaa sanoa. Tekstin mukaan vähintään 40 % koki ohjelmalla olevan vaikutusta.`),
];

/** The whole example document, as the committed JSON holds it. */
export function buildAuroraExample(): ExampleJsonInput {
  return {
    format: 'kohtaanto-workspace',
    version: 2,
    title: { fi: 'AuroraAI-ohjelma 2020–2022: väliarvioinnin tilannekuva', sv: 'AuroraAI-programmet 2020–2022: lägesbild från halvtidsutvärderingen', en: 'The AuroraAI programme 2020–2022: situational picture of the mid-term evaluation' },
    description: {
      fi: 'AuroraAI-ohjelman tilannekuva sellaisena kuin väliarviointi sen kuvaa: neljä vaikuttavuustavoitetta, alustava vaikutuslogiikka, budjetti (Taulukko 1), verkon kustannus-hyötyanalyysi ja kyselyjen kysymykset. Luvut ovat lähteestä; oletukset on merkitty ja niitä voi muokata.',
      sv: 'AuroraAI-programmets lägesbild så som halvtidsutvärderingen beskriver den: fyra effektmål, preliminär effektlogik, budget, nätverkets kostnads-nyttoanalys och enkätfrågor. Siffrorna kommer från källan; antaganden är markerade och kan ändras.',
      en: 'The AuroraAI programme’s situational picture as its mid-term evaluation describes it: four impact goals, the preliminary impact logic, the budget (Table 1), the network’s cost–benefit analysis and the survey questions. Figures come from the source; assumptions are marked and editable.',
    },
    provenance: `${SRC} (suomeksi; seed/000_2a4bef522f736a9f.txt). Lähdetekstissä ei ole sivunumeroita, joten jokainen luku viittaa lukuun, taulukkoon tai kuvioon ja lähdetekstin riveihin (kunkin kohteen provenance-kenttä). Ei keksittyjä lukuja: kyselyjen vastausjakaumat ovat vain lähteen kuvioissa, joten kyselyillä on vain N; mittareilla on lähtötaso tai tavoite vain, jos lähde sen antaa. Kustannus-hyötyanalyysin vuosijako, liittymisaikataulu ja diskonttokorko ovat tämän esimerkin oletuksia (merkitty OLETUS). Ekosysteemi: toimijat ja asettamispäätöksen kolme elämäntapahtumaa. Ruotsin- ja englanninkieliset nimet ovat tekijöiden käännöksiä.`,
    entities,
    links,
    picture: { items: [...goals, ...boxes, ...impactLinks, ...indicators, ...budget, ...cba, cbaSettings, ...surveys] as NonNullable<ExampleJsonInput['picture']>['items'], reviews: [] },
  };
}

if (require.main === module) {
  const doc = ExampleJsonSchema.parse(buildAuroraExample());
  const out = path.resolve(__dirname, AURORA_EXAMPLE_FILE);
  fs.writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`Wrote ${out}: ${doc.entities.length} entities, ${doc.links.length} links, ${doc.picture?.items.length ?? 0} picture items.`);
}
