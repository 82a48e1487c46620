/**
 * Course pack 4: "Läheisen kuolema" (death of a close relative), the life event the Tax
 * Administration proposed to the AuroraAI programme (PTV life event KE14 "Omaisen kuolema").
 *
 * Real data: the national and municipal services of the AuroraAI labelling sheet about a death
 * (registration, estate inventory, inheritance tax, Kela's support, Surunauha's peer support,
 * palliative care), with the sheet's own 3X10D marks and "EI MUKAAN" exclusions; the PTV general
 * description of palliative care (which carries KE14, so the importer makes the life event from the
 * code list); Naantali's PTV palliative-care record with its channels. Hand-entered (tagged):
 * the needs, personas, organisations named in the services' texts, and the links between them.
 */
import type { CoursePack } from '../../../shared/course/types';
import type { EntityInput, LinkInput } from '../../../shared/model';
import { assemblePack, buildBase, link, type ExerciseSource, type Text } from '../lib';

const T = (fi: string, sv: string, en: string): Text => ({ fi, sv, en });

export const PACK_ID = 'laheisen-kuolema';
const LE = 'le-KE14';

const S = {
  kelaTuet: 'srv-76472df7-25ed-4c55-94dd-fa3dd98ee862',
  kuolemanRekisterointi: 'srv-50b691e7-c4ab-41d8-a1da-f06cc4485247',
  ulkomaillaKuolema: 'srv-8cbafa0c-aa68-4d99-8e8d-759415b8bffa',
  perukirjaVahvistus: 'srv-b9adaa3d-e560-4237-876c-a21f97263225',
  sukuselvitys: 'srv-5a0914b8-fd0e-425e-8521-a210303ee35b',
  perintovero: 'srv-1b80039e-7a41-4de9-a830-727bfdb2c170',
  perintoveroNeuvonta: 'srv-7456d65a-c0de-487f-8e5f-2a6bbdee30ee',
  kuolinpesanAseet: 'srv-b8a6d9a4-6daf-40ef-a143-aedbedbdd4c7',
  surunauhaChat: 'srv-dc34aeeb-0ebd-40dd-a111-eca8680c947e',
  surunauhaOpas: 'srv-1583d23d-e449-4a2f-a736-25adb5647574',
  vertaistukipuhelin: 'srv-348e817e-62d8-4e64-b04c-2061d757df1d',
  vesova: 'srv-9ea73cef-5456-4bb1-b7b4-1be19126d4ea',
  lapsenKuolema: 'srv-f0fff91b-f5e2-4457-8ca1-cdf39d20c197',
  saattohoitoOulu: 'srv-783b6ae7-78ce-45a4-bc09-0dfe88781628',
  saattohoitoTurku: 'srv-7cf44d8a-5425-42ff-814c-48e0717b9db6',
  saattohoitoMikkeli: 'srv-3241527e-d667-44fd-907f-6c595cd1ee58',
  saattohoitoNaantali: 'srv-ea30eb08-c9a6-4e73-8875-dd3fbabac451',
} as const;

const ORGS: EntityInput[] = [
  { kind: 'organisation', id: 'org-dvv', name: { fi: 'Digi- ja väestötietovirasto', sv: 'Myndigheten för digitalisering och befolkningsdata', en: 'Digital and Population Data Services Agency' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-vero', name: { fi: 'Verohallinto', sv: 'Skatteförvaltningen', en: 'Finnish Tax Administration' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-kela', name: { fi: 'Kansaneläkelaitos (Kela)', sv: 'Folkpensionsanstalten (FPA)', en: 'Social Insurance Institution of Finland (Kela)' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-poliisi', name: { fi: 'Poliisi', sv: 'Polisen', en: 'Police of Finland' }, orgType: 'state' },
  { kind: 'organisation', id: 'org-surunauha', name: { fi: 'Surunauha ry', sv: 'Surunauha rf', en: 'Surunauha (association)' }, orgType: 'ngo', description: { fi: 'Itsemurhan tehneiden läheisten vertaistukiyhdistys; nimetty palvelujen omissa kuvauksissa.', sv: 'Förening för kamratstöd till närstående efter självmord; nämns i tjänsternas egna beskrivningar.', en: 'Peer-support association for those bereaved by suicide; named in the services’ own descriptions.' } },
  { kind: 'organisation', id: 'org-pphva', name: { fi: 'Pohjois-Pohjanmaan hyvinvointialue', sv: 'Norra Österbottens välfärdsområde', en: 'North Ostrobothnia Wellbeing Services County' }, orgType: 'wellbeingCounty' },
  { kind: 'organisation', id: 'org-vshva', name: { fi: 'Varsinais-Suomen hyvinvointialue', sv: 'Egentliga Finlands välfärdsområde', en: 'Southwest Finland Wellbeing Services County' }, orgType: 'wellbeingCounty' },
  { kind: 'organisation', id: 'org-eshva', name: { fi: 'Etelä-Savon hyvinvointialue', sv: 'Södra Savolax välfärdsområde', en: 'South Savo Wellbeing Services County' }, orgType: 'wellbeingCounty' },
];

const need = (id: string, name: Text, description: Text, keywords: string[]): EntityInput => ({ kind: 'need', id, name, description, keywords });

const NEEDS: EntityInput[] = [
  need(
    'need-ilmoitukset',
    T('Kuolemasta ilmoittaminen ja tiedot viranomaisille', 'Anmälan om dödsfall och uppgifter till myndigheterna', 'Reporting the death and informing the authorities'),
    T('Kuolema kirjataan väestötietoihin, myös kun se tapahtui ulkomailla; omaiset tarvitsevat tiedot ja todistukset.', 'Dödsfallet registreras i befolkningsdatasystemet, också när det skedde utomlands; de anhöriga behöver uppgifter och intyg.', 'The death is registered in the population register, also when it happened abroad; the family needs records and certificates.'),
    ['kuolema', 'rekisteröinti', 'väestötietojärjestelmä'],
  ),
  need(
    'need-perunkirjoitus',
    T('Perunkirjoitus ja kuolinpesän asiat', 'Bouppteckning och dödsboets ärenden', 'Estate inventory and the estate’s affairs'),
    T('Kuolinpesän osakkaiden selvittäminen, perukirja ja pesän omaisuuden hoito.', 'Utreda dödsbodelägarna, bouppteckningsinstrumentet och förvaltningen av dödsboets egendom.', 'Establishing the heirs, the estate inventory deed and managing the estate’s property.'),
    ['perukirja', 'perunkirjoitus', 'kuolinpesä', 'sukuselvitys'],
  ),
  need(
    'need-perintovero',
    T('Perintövero', 'Arvsskatt', 'Inheritance tax'),
    T('Perintöveron määrä, maksaminen ja neuvonta.', 'Arvsskattens belopp, betalning och rådgivning.', 'The amount of inheritance tax, paying it and advice.'),
    ['perintövero', 'perintöverotus'],
  ),
  need(
    'need-suru',
    T('Surussa jaksaminen ja vertaistuki', 'Att orka i sorgen och kamratstöd', 'Coping with grief and peer support'),
    T('Tukea surussa, keskustelu saman kokeneiden kanssa.', 'Stöd i sorgen, samtal med andra som upplevt samma sak.', 'Support in grief, talking with people who have been through the same.'),
    ['vertaistuki', 'suru', 'läheiset'],
  ),
  need(
    'need-saattohoito',
    T('Saattohoito ennen kuolemaa', 'Vård i livets slutskede', 'End-of-life care'),
    T('Kuolevan potilaan hoito ja läheisten tukeminen elämän loppuvaiheessa.', 'Vård av en döende patient och stöd till de närstående i livets slutskede.', 'Care of a dying patient and support for the family at the end of life.'),
    ['saattohoito'],
  ),
];

const PERSONAS: EntityInput[] = [
  {
    kind: 'persona',
    id: 'persona-mikkeli-68-leski',
    name: { fi: '68-vuotias mikkeliläinen leski', sv: '68-årig änka i S:t Michel', en: '68-year-old widow in Mikkeli' },
    description: { fi: 'Keksitty tyyppihenkilö: puoliso kuoli sairaalassa pitkän sairauden jälkeen; pesässä on omakotitalo ja metsää.', sv: 'Påhittad typperson: maken dog på sjukhus efter en lång sjukdom; i boet finns ett egnahemshus och skog.', en: 'Made-up typical person: her husband died in hospital after a long illness; the estate has a house and forest.' },
    ageMin: 66,
    ageMax: 70,
    municipality: '491',
    language: 'fi',
    meters: { health: 5, resilience: 4, housing: 7, working_studying: 6, family: 4, friends: 5, finance: 4, improvement_of_strengths: 5, self_esteem: 5, life_satisfaction: 3 },
    peoplePerYear: 400,
    tags: ['synteettinen'],
  },
  {
    kind: 'persona',
    id: 'persona-oulu-41-itsemurha',
    name: { fi: '41-vuotias oululainen, puoliso kuoli itsemurhaan', sv: '41-åring i Uleåborg, maken tog sitt liv', en: '41-year-old in Oulu whose spouse died by suicide' },
    description: { fi: 'Keksitty tyyppihenkilö: kaksi alakouluikäistä lasta, jäi perheen ainoaksi tulonsaajaksi.', sv: 'Påhittad typperson: två barn i lågstadieåldern, blev familjens enda inkomsttagare.', en: 'Made-up typical person: two primary-school children, now the family’s only earner.' },
    ageMin: 39,
    ageMax: 43,
    municipality: '564',
    language: 'fi',
    meters: { health: 4, resilience: 2, housing: 6, working_studying: 5, family: 3, friends: 4, finance: 3, improvement_of_strengths: 4, self_esteem: 3, life_satisfaction: 2 },
    peoplePerYear: 60,
    tags: ['synteettinen'],
  },
  {
    kind: 'persona',
    id: 'persona-turku-55-sv-aiti',
    name: { fi: '55-vuotias ruotsinkielinen turkulainen, äiti kuoli', sv: '55-årig svenskspråkig i Åbo vars mor dog', en: '55-year-old Swedish-speaker in Turku whose mother died' },
    description: { fi: 'Keksitty tyyppihenkilö: hoitaa äitinsä kuolinpesän asiat sisarustensa kanssa; äiti kuoli lomamatkalla Espanjassa.', sv: 'Påhittad typperson: sköter moderns dödsbo tillsammans med sina syskon; modern dog på semester i Spanien.', en: 'Made-up typical person: handles the mother’s estate with siblings; the mother died on holiday in Spain.' },
    ageMin: 53,
    ageMax: 57,
    municipality: '853',
    language: 'sv',
    meters: { health: 7, resilience: 6, housing: 8, working_studying: 7, family: 5, friends: 7, finance: 6, improvement_of_strengths: 6, self_esteem: 7, life_satisfaction: 5 },
    peoplePerYear: 150,
    tags: ['synteettinen'],
  },
];

const HAND_LINKS: LinkInput[] = [
  ...['need-ilmoitukset', 'need-perunkirjoitus', 'need-perintovero', 'need-suru', 'need-saattohoito'].map((n) => link('hasNeed', LE, n)),
  // Needs of the personas (importance 1–5).
  link('personaNeed', 'persona-mikkeli-68-leski', 'need-perunkirjoitus', { importance: 5 }),
  link('personaNeed', 'persona-mikkeli-68-leski', 'need-perintovero', { importance: 4 }),
  link('personaNeed', 'persona-mikkeli-68-leski', 'need-suru', { importance: 3 }),
  link('personaNeed', 'persona-mikkeli-68-leski', 'need-ilmoitukset', { importance: 2 }),
  link('personaNeed', 'persona-oulu-41-itsemurha', 'need-suru', { importance: 5 }),
  link('personaNeed', 'persona-oulu-41-itsemurha', 'need-perunkirjoitus', { importance: 3 }),
  link('personaNeed', 'persona-turku-55-sv-aiti', 'need-ilmoitukset', { importance: 5 }),
  link('personaNeed', 'persona-turku-55-sv-aiti', 'need-perunkirjoitus', { importance: 5 }),
  link('personaNeed', 'persona-turku-55-sv-aiti', 'need-perintovero', { importance: 4 }),
  // Which service meets which need: read from each service's own name and summary.
  link('addresses', S.kuolemanRekisterointi, 'need-ilmoitukset', { evidence: 'käsin: palvelun nimi "Kuoleman rekisteröinti väestötietojärjestelmään"' }),
  link('addresses', S.ulkomaillaKuolema, 'need-ilmoitukset', { evidence: 'käsin: palvelun nimi "Ulkomailla tapahtuneen kuoleman rekisteröinti"' }),
  link('addresses', S.perukirjaVahvistus, 'need-perunkirjoitus', { evidence: 'käsin: tiivistelmä "Kuolinpesän asioidenhoitoa varten…"' }),
  link('addresses', S.sukuselvitys, 'need-perunkirjoitus', { evidence: 'käsin: tiivistelmä "…esimerkiksi perunkirjoitusta varten"' }),
  link('addresses', S.kuolinpesanAseet, 'need-perunkirjoitus', { evidence: 'käsin: tiivistelmä "Kuolinpesän haltijan on otettava aseet haltuunsa…"' }),
  link('addresses', S.perintovero, 'need-perintovero', { evidence: 'käsin: palvelun nimi "Perintövero"' }),
  link('addresses', S.perintoveroNeuvonta, 'need-perintovero', { evidence: 'käsin: palvelun nimi' }),
  link('addresses', S.surunauhaChat, 'need-suru', { evidence: 'käsin: tiivistelmä "chat-ryhmiä itsemurhan tehneiden läheisille"' }),
  link('addresses', S.surunauhaOpas, 'need-suru', { evidence: 'käsin: palvelun nimi' }),
  link('addresses', S.vertaistukipuhelin, 'need-suru', { evidence: 'käsin: tiivistelmä "tukipuhelua… vertaistukijalta"' }),
  link('addresses', S.vesova, 'need-suru', { evidence: 'käsin: palvelun nimi' }),
  link('addresses', S.lapsenKuolema, 'need-suru', { evidence: 'käsin: palvelun nimi' }),
  ...[S.saattohoitoOulu, S.saattohoitoTurku, S.saattohoitoMikkeli, S.saattohoitoNaantali].map((s) => link('addresses', s, 'need-saattohoito', { evidence: 'käsin: palvelun nimi "Saattohoito"' })),
  // Every service of the set belongs to the life event it was chosen for.
  ...Object.values(S).map((s) => link('inLifeEvent', s, LE)),
  // Providers named in the services' texts or known from the organisation of the service.
  link('provides', 'org-dvv', S.kuolemanRekisterointi, { role: 'responsible' }),
  link('provides', 'org-dvv', S.ulkomaillaKuolema, { role: 'responsible' }),
  link('provides', 'org-dvv', S.perukirjaVahvistus, { role: 'responsible' }),
  link('provides', 'org-dvv', S.sukuselvitys, { role: 'responsible' }),
  link('provides', 'org-vero', S.perintovero, { role: 'responsible' }),
  link('provides', 'org-vero', S.perintoveroNeuvonta, { role: 'responsible' }),
  link('provides', 'org-kela', S.kelaTuet, { role: 'responsible' }),
  link('provides', 'org-poliisi', S.kuolinpesanAseet, { role: 'responsible' }),
  link('provides', 'org-pphva', S.saattohoitoOulu, { role: 'responsible' }),
  link('provides', 'org-vshva', S.saattohoitoTurku, { role: 'responsible' }),
  link('provides', 'org-eshva', S.saattohoitoMikkeli, { role: 'responsible' }),
];

const PROVENANCE =
  'Services: the AuroraAI network 3X10D labelling sheet (labels/auroraai-3x10d-labels.csv; vrk-kpa/auroraai-core-components test data, MIT; content PTV open data), imported unchanged with the app’s services-table import, including the sheet’s "EI MUKAAN" exclusions; ' +
  'the PTV general description "Saattohoito" (ptv/general-descriptions.json, vrk-kpa/ptv-releases, MIT), whose life-event code KE14 gives the life event "Omaisen kuolema" from the PTV code list; ' +
  'Naantali’s PTV service "Saattohoito" with its channels (ptv/legacy, Metatavu/kunta-api-server test resources; content PTV open data). ' +
  'Written by the Kohtaanto course authors (tagged "käsin-syötetty"): needs, personas (synthetic), organisations and their provides links, service→need links (each with its evidence), the life event’s needs.';

export async function buildPack(): Promise<CoursePack> {
  const base = await buildBase({
    title: T('Läheisen kuolema', 'När en närstående dör', 'Death of a close relative'),
    description: T(
      'Kurssityötila: palvelut, joita omaiset tarvitsevat läheisen kuoltua. Palvelut ovat oikeita PTV-palveluja AuroraAI-verkon luokitteluaineistosta ja PTV:stä; tarpeet ja asiakasprofiilit ovat keksittyjä.',
      'Kursarbetsyta: tjänster som de anhöriga behöver när en närstående dör. Tjänsterna är verkliga PTV-tjänster ur AuroraAI-nätverkets klassificeringsmaterial och PTV; behov och kundprofiler är påhittade.',
      'Course workspace: services the family needs after a close relative dies. Services are real PTV services from the AuroraAI labelling data and PTV; needs and personas are made up.',
    ),
    provenance: PROVENANCE,
    labelRows: Object.values(S)
      .filter((s) => s !== S.saattohoitoNaantali)
      .map((s) => s.slice(4)),
    generalDescriptions: ['9e7be7a0-df74-4c72-84b5-29f3e49c165f'],
    legacyServices: ['ea30eb08-c9a6-4e73-8875-dd3fbabac451'],
    entities: [...ORGS, ...NEEDS, ...PERSONAS],
    links: HAND_LINKS,
  });

  const EXCLUDED_HERE = [S.kuolemanRekisterointi, S.ulkomaillaKuolema, S.perukirjaVahvistus, S.sukuselvitys, S.perintovero, S.perintoveroNeuvonta];
  const exercises: ExerciseSource[] = [
    {
      startWorkspace: { id: 'laheisen-kuolema', title: T('Läheisen kuolema: lähtötilanne', 'När en närstående dör: utgångsläge', 'Death of a close relative: starting point'), json: base },
      exercise: {
        id: 'e1-ei-mukaan',
        title: T('Palvelut, jotka jätettiin pois', 'Tjänsterna som lämnades utanför', 'The services that were left out'),
        instructions: T(
          'Aja kohtaantoanalyysi elämäntapahtumalle "Omaisen kuolema". Kolme tarvetta jää aukoiksi, vaikka kartalla on niihin sopivat palvelut: kuoleman rekisteröinti, sukuselvitys, perukirjan osakastietojen vahvistus ja perintövero. Syy löytyy aineistosta: AuroraAI-verkon luokittelijat merkitsivät nämä palvelut "EI MUKAAN", koska ne eivät kuuluneet nuorten elämäntapahtumaan. Tässä elämäntapahtumassa ne ovat keskeisiä. Poista merkintä "Ei mukana suosituksissa" niistä palveluista, jotka vastaavat aukkojen tarpeisiin, ja aja analyysi uudelleen.',
          'Kör matchningsanalysen för livshändelsen ”Anhörigs död” (Omaisen kuolema). Tre behov blir luckor fast kartan har passande tjänster: registrering av dödsfall, släktutredning, fastställande av delägaruppgifter i bouppteckningen och arvsskatt. Orsaken finns i materialet: AuroraAI-nätverkets klassificerare märkte tjänsterna ”EI MUKAAN” (inte med), eftersom de inte hörde till livshändelsen för unga. I den här livshändelsen är de centrala. Ta bort markeringen ”Inte med i rekommendationer” från de tjänster som svarar mot luckornas behov, och kör analysen på nytt.',
          'Run the matching analysis for the life event "Death of a close family member" (Omaisen kuolema). Three needs are gaps although the map has fitting services: registering the death, the family-relations certificate, confirming the heirs in the estate inventory, and inheritance tax. The reason is in the data: the AuroraAI network’s labellers marked these services "EI MUKAAN" (not included) because they did not belong to the youth life event. In this life event they are central. Remove the mark "Excluded from recommendations" from the services that meet the gaps’ needs, and run the analysis again.',
        ),
        hints: [
          T('Merkintä on palvelun lomakkeella. Poissuljettu palvelu ei koskaan täytä tarvetta analyysissa eikä näy suosituksissa, vaikka se olisi linkitetty tarpeeseen.', 'Markeringen finns i tjänstens formulär. En utesluten tjänst svarar aldrig mot ett behov i analysen och syns inte bland rekommendationerna, även om den är kopplad till behovet.', 'The mark is in the service form. An excluded service never meets a need in the analysis and is never recommended, even when linked to the need.'),
        ],
        start: { from: 'workspace', workspace: 'laheisen-kuolema' },
        checks: [
          {
            id: 'ei-aukkoja',
            title: T('Elämäntapahtumassa ei ole aukkoja', 'Livshändelsen har inga luckor', 'The life event has no gaps'),
            hint: T('Katso aukkoluettelosta, mikä tarve on vielä auki, ja etsi kartalta palvelu, joka siihen vastaa mutta on merkitty "Ei mukana".', 'Se i listan över luckor vilket behov som ännu är öppet, och leta på kartan efter en tjänst som svarar mot det men är märkt ”Inte med i rekommendationer”.', 'See in the list of gaps which need is still open, and find on the map a service that meets it but is marked "Excluded from recommendations".'),
            rule: { type: 'matching', lifeEvent: { id: LE }, measure: 'gaps', comparison: 'atMost', value: 0 },
          },
          {
            id: 'kattavuus-090',
            title: T('Kattavuus on vähintään 0,90', 'Täckningen är minst 0,90', 'Coverage is at least 0.90'),
            hint: T('Kattavuus nousee, kun rekisteröinnin, perunkirjoituksen ja perintöveron palvelut ovat taas mukana.', 'Täckningen stiger när tjänsterna för registrering, bouppteckning och arvsskatt är med igen.', 'Coverage rises when the registration, estate inventory and inheritance tax services are included again.'),
            rule: { type: 'matching', lifeEvent: { id: LE }, measure: 'coverage', comparison: 'atLeast', value: 0.9 },
          },
        ],
      },
      answer: EXCLUDED_HERE.map((id) => ({ op: 'updateEntity' as const, id, set: { excluded: false } })),
    },
    {
      exercise: {
        id: 'e2-toimeentulo',
        title: T('Puuttuva tarve: perheen toimeentulo', 'Ett behov som saknas: familjens utkomst', 'A missing need: the family’s income'),
        instructions: T(
          'Oululaisen profiilin perhe menetti toisen tulonsaajansa. Kartalla on palvelu "Kelan tuet omaisen menettäneille" (perhe-eläke, hautausavustus), mutta mikään tarve ei kuvaa toimeentuloa. Lisää elämäntapahtumaan tarve "Perheen toimeentulo kuoleman jälkeen", yhdistä Kelan palvelu siihen ja lisää tarve oululaiselle profiilille tärkeydellä 5. Muista myös poistaa Kelan palvelusta merkintä "Ei mukana suosituksissa".',
          'Familjen i profilen från Uleåborg förlorade en av sina inkomsttagare. Kartan har tjänsten ”Kelan tuet omaisen menettäneille” (FPA:s stöd efter en anhörigs död: familjepension, begravningsbidrag), men inget behov beskriver utkomsten. Lägg till behovet ”Familjens utkomst efter dödsfallet” (fi: Perheen toimeentulo kuoleman jälkeen) i livshändelsen, koppla FPA:s tjänst till det och ge profilen från Uleåborg behovet med vikten 5. Kom också ihåg att ta bort markeringen ”Inte med i rekommendationer” från FPA:s tjänst.',
          'The family of the Oulu persona lost one of its earners. The map has the service "Kelan tuet omaisen menettäneille" (Kela’s support after a death: survivors’ pension, funeral grant), but no need describes income. Add the need "The family’s income after the death" (fi: Perheen toimeentulo kuoleman jälkeen) to the life event, link Kela’s service to it and give the Oulu persona the need with importance 5. Also remember to remove the mark "Excluded from recommendations" from Kela’s service.',
        ),
        hints: [
          T('Tarve liitetään elämäntapahtumaan linkillä elämäntapahtumasta tarpeeseen.', 'Ett behov knyts till livshändelsen med en länk från livshändelsen till behovet.', 'A need is attached to the life event by a link from the life event to the need.'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'tarve-toimeentulo',
            title: T('Elämäntapahtumalla on toimeentulon tarve', 'Livshändelsen har ett behov av utkomst', 'The life event has an income need'),
            hint: T('Tarpeen suomenkielisessä nimessä pitää olla sana "toimeentulo", ja sen pitää olla linkitetty elämäntapahtumaan "Omaisen kuolema".', 'Behovets finska namn ska innehålla ordet ”toimeentulo” och det ska vara kopplat till livshändelsen ”Omaisen kuolema”.', 'The need’s Finnish name must contain the word "toimeentulo", and it must be linked to the life event "Omaisen kuolema".'),
            rule: { type: 'linkExists', linkType: 'hasNeed', source: { kind: 'lifeEvent', nameContains: 'Omaisen kuolema' }, target: { kind: 'need', nameContains: 'toimeentulo' } },
          },
          {
            id: 'kela-toimeentulo',
            title: T('Kelan palvelu vastaa toimeentulon tarpeeseen', 'FPA:s tjänst svarar mot behovet av utkomst', 'Kela’s service meets the income need'),
            hint: T('Vedä linkki palvelusta "Kelan tuet omaisen menettäneille" uuteen tarpeeseen.', 'Dra en länk från tjänsten ”Kelan tuet omaisen menettäneille” till det nya behovet.', 'Draw a link from the service "Kelan tuet omaisen menettäneille" to the new need.'),
            rule: { type: 'linkExists', linkType: 'addresses', source: { kind: 'service', nameContains: 'Kelan tuet omaisen' }, target: { kind: 'need', nameContains: 'toimeentulo' } },
          },
          {
            id: 'oulu-toimeentulo',
            title: T('Oululaisella profiililla on toimeentulon tarve', 'Profilen från Uleåborg har behovet av utkomst', 'The Oulu persona has the income need'),
            hint: T('Vedä tarvelinkki oululaisesta profiilista uuteen tarpeeseen.', 'Dra en behovslänk från profilen i Uleåborg till det nya behovet.', 'Draw a need link from the Oulu persona to the new need.'),
            rule: { type: 'linkExists', linkType: 'personaNeed', source: { kind: 'persona', municipality: '564' }, target: { kind: 'need', nameContains: 'toimeentulo' } },
          },
        ],
      },
      answer: [
        { op: 'addEntity', entity: need('need-toimeentulo', T('Perheen toimeentulo kuoleman jälkeen', 'Familjens utkomst efter dödsfallet', 'The family’s income after the death'), T('Perhe-eläke, hautausavustus ja muu toimeentulo, kun perhe menettää tulonsaajan.', 'Familjepension, begravningsbidrag och annan utkomst när familjen förlorar en inkomsttagare.', 'Survivors’ pension, funeral grant and other income when the family loses an earner.'), ['perhe-eläke', 'hautausavustus', 'toimeentulo']) },
        { op: 'addLink', link: link('hasNeed', LE, 'need-toimeentulo') },
        { op: 'addLink', link: link('addresses', S.kelaTuet, 'need-toimeentulo', { evidence: 'kurssitehtävä (käsin): palvelun nimi "Kelan tuet omaisen menettäneille"' }) },
        { op: 'addLink', link: link('personaNeed', 'persona-oulu-41-itsemurha', 'need-toimeentulo', { importance: 5 }) },
        { op: 'updateEntity', id: S.kelaTuet, set: { excluded: false } },
      ],
    },
    {
      exercise: {
        id: 'e3-ulkomailla',
        title: T('Kuolema ulkomailla', 'Dödsfall utomlands', 'A death abroad'),
        instructions: T(
          'Turkulaisen profiilin äiti kuoli lomamatkalla Espanjassa. Avaa suosittelija profiilille: ensimmäisenä on tavallinen kuoleman rekisteröinti, vaikka hänen tärkein asiansa on ulkomailla tapahtuneen kuoleman kirjaaminen. Tarve "Kuolemasta ilmoittaminen" on liian yleinen. Lisää elämäntapahtumaan tarkempi tarve "Ulkomailla tapahtunut kuolema", yhdistä siihen palvelu "Ulkomailla tapahtuneen kuoleman rekisteröinti väestötietojärjestelmään" ja anna tarve turkulaiselle profiilille tärkeydellä 5.',
          'Modern till profilen från Åbo dog på semester i Spanien. Öppna rekommenderaren för profilen: först kommer den vanliga registreringen av dödsfall, fast det viktigaste för hen är att registrera ett dödsfall utomlands. Behovet ”Anmälan om dödsfall” är för allmänt. Lägg till ett mer precist behov ”Dödsfall utomlands” (fi: Ulkomailla tapahtunut kuolema) i livshändelsen, koppla tjänsten ”Ulkomailla tapahtuneen kuoleman rekisteröinti väestötietojärjestelmään” till det och ge profilen från Åbo behovet med vikten 5.',
          'The mother of the Turku persona died on holiday in Spain. Open the recommender for the persona: first comes the ordinary registration of a death, although what matters most to them is registering a death abroad. The need "Reporting the death" is too general. Add a more precise need "Death abroad" (fi: Ulkomailla tapahtunut kuolema) to the life event, link the service "Ulkomailla tapahtuneen kuoleman rekisteröinti väestötietojärjestelmään" to it and give the Turku persona the need with importance 5.',
        ),
        hints: [
          T('Suosittelija perustelee jokaisen suosituksen; katso, minkä tarpeen kautta palvelu nousee.', 'Rekommenderaren motiverar varje rekommendation; se via vilket behov tjänsten stiger.', 'The recommender explains each recommendation; see through which need the service rises.'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'tarve-ulkomailla',
            title: T('Turkulaisella profiililla on tarve, joka koskee ulkomailla tapahtunutta kuolemaa', 'Profilen från Åbo har ett behov som gäller dödsfall utomlands', 'The Turku persona has a need about a death abroad'),
            hint: T('Tarpeen suomenkielisessä nimessä pitää olla sana "ulkomailla".', 'Behovets finska namn ska innehålla ordet ”ulkomailla”.', 'The need’s Finnish name must contain the word "ulkomailla".'),
            rule: { type: 'linkExists', linkType: 'personaNeed', source: { kind: 'persona', municipality: '853' }, target: { kind: 'need', nameContains: 'ulkomailla' } },
          },
          {
            id: 'ulkomailla-ensimmainen',
            title: T('Suosittelija ehdottaa ulkomailla tapahtuneen kuoleman rekisteröintiä ensimmäisenä', 'Rekommenderaren föreslår registrering av dödsfall utomlands först', 'The recommender suggests registering a death abroad first'),
            hint: T('Yhdistä palvelu uuteen tarpeeseen ja anna tarpeelle profiilissa tärkeys 5.', 'Koppla tjänsten till det nya behovet och ge behovet vikten 5 i profilen.', 'Link the service to the new need and give the need importance 5 in the persona.'),
            rule: { type: 'recommenderTopK', persona: { id: 'persona-turku-55-sv-aiti' }, service: { id: S.ulkomaillaKuolema }, k: 1 },
          },
        ],
      },
      answer: [
        { op: 'addEntity', entity: need('need-ulkomailla', T('Ulkomailla tapahtunut kuolema', 'Dödsfall utomlands', 'Death abroad'), T('Ulkomailla tapahtuneen kuoleman kirjaaminen Suomessa ja ulkomaiset asiakirjat.', 'Registrering i Finland av ett dödsfall utomlands och utländska handlingar.', 'Registering in Finland a death that happened abroad, and foreign documents.'), ['ulkomailla', 'kuolema']) },
        { op: 'addLink', link: link('hasNeed', LE, 'need-ulkomailla') },
        { op: 'addLink', link: link('addresses', S.ulkomaillaKuolema, 'need-ulkomailla', { evidence: 'kurssitehtävä (käsin): palvelun nimi' }) },
        { op: 'addLink', link: link('personaNeed', 'persona-turku-55-sv-aiti', 'need-ulkomailla', { importance: 5 }) },
      ],
    },
    {
      exercise: {
        id: 'e4-mittari',
        title: T('Mittari Verohallinnon ehdotukselle', 'En indikator för Skatteförvaltningens förslag', 'An indicator for the Tax Administration’s proposal'),
        instructions: T(
          'Verohallinto ehdotti tätä elämäntapahtumaa AuroraAI-ohjelmaan, jotta omaisen ei tarvitsisi kiertää luukulta toiselle. Lisää tilannekuvaan mittari "Omaisen asiointipaikat kuoleman jälkeen" (yksikkö: kpl, suunta: pienempi on parempi). Katso kohtaantoanalyysista, monessako organisaatiossa turkulainen profiili asioi nyt, ja kirjaa se lähtötasoksi. Aseta tavoitteeksi pienempi luku kahden vuoden päähän.',
          'Skatteförvaltningen föreslog den här livshändelsen för AuroraAI-programmet, så att den anhöriga inte skulle behöva gå från lucka till lucka. Lägg till indikatorn ”Anhörigas besöksställen efter dödsfallet” (enhet: st., riktning: lägre är bättre) i lägesbilden. Se i matchningsanalysen hur många organisationer profilen från Åbo nu besöker och ange det som utgångsnivå. Sätt ett lägre tal som mål om två år.',
          'The Tax Administration proposed this life event to the AuroraAI programme so that the bereaved would not have to go from counter to counter. Add the indicator "Places the bereaved must visit after the death" (unit: pcs, direction: lower is better) to the situational picture. See in the matching analysis how many organisations the Turku persona now visits, and record that as the baseline. Set a lower number as the target in two years.',
        ),
        hints: [
          T('Mittarin voi sitoa kohtaantoanalyysin lukuun "käyntipaikat", jolloin jokainen tallennettu analyysi lisää siihen mittauksen.', 'Indikatorn kan bindas till matchningsanalysens tal ”besöksställen”; då lägger varje sparad analys till en mätning.', 'The indicator can be bound to the matching figure "counters to visit"; then every saved analysis adds a measurement.'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'mittari-asiointipaikat',
            title: T('Mittari "asiointipaikat", jolla on lähtötaso ja tavoite', 'En indikator för ”besöksställen” med utgångsnivå och mål', 'An indicator for "places to visit" with a baseline and a target'),
            hint: T('Mittarin suomenkielisessä nimessä pitää olla sana "asiointipaikat", ja sillä pitää olla lähtötaso ja tavoite päivämäärineen.', 'Indikatorns finska namn ska innehålla ordet ”asiointipaikat”, och den ska ha utgångsnivå och mål med datum.', 'The indicator’s Finnish name must contain the word "asiointipaikat", and it needs a baseline and a target with dates.'),
            rule: { type: 'indicator', nameContains: 'asiointipaikat', needsBaseline: true, needsTarget: true },
          },
        ],
      },
      answer: [
        {
          op: 'addItem',
          item: {
            id: 'ind-omaisen-asiointipaikat',
            kind: 'indicator',
            name: { fi: 'Omaisen asiointipaikat kuoleman jälkeen', sv: 'Anhörigas besöksställen efter dödsfallet', en: 'Places the bereaved must visit after the death' },
            unit: 'kpl',
            direction: 'lower',
            baseline: { date: '2026-01-15', value: 2 },
            target: { date: '2028-01-15', value: 1 },
            binding: { figure: 'countersToVisit', lifeEvent: LE, persona: 'persona-turku-55-sv-aiti' },
            dataSource: 'Kohtaantoanalyysi (kurssitehtävän malliratkaisu, käsin)',
          },
        },
      ],
    },
    {
      exercise: {
        id: 'e5-tuottaja',
        title: T('Kuka vertaistuen tuottaa?', 'Vem ordnar kamratstödet?', 'Who provides the peer support?'),
        instructions: T(
          'Neljällä vertaistuen palvelulla (chat, opas, vertaistukipuhelin ja Vesova-viikonloput) ei ole kartalla tuottajaa, vaikka niiden omat kuvaukset kertovat sen: Surunauha ry. Analyysi laskee jokaisen tuottajattoman palvelun omaksi luukukseen. Lisää tuottajalinkit Surunauha ry:stä näihin neljään palveluun. Pohdi lopuksi kouluttajalle: sopivatko itsemurhan tehneiden läheisille tarkoitetut palvelut mikkeliläiselle leskelle, jonka puoliso kuoli sairauteen?',
          'Fyra tjänster för kamratstöd (chatt, guide, stödtelefon och Vesova-veckoslut) saknar producent på kartan, fast deras egna beskrivningar anger den: Surunauha rf. Analysen räknar varje tjänst utan producent som ett eget besöksställe. Lägg till producentlänkar från Surunauha rf till dessa fyra tjänster. Fundera till sist för utbildaren: passar tjänster avsedda för närstående efter självmord änkan i S:t Michel, vars make dog i en sjukdom?',
          'Four peer-support services (chat, guide, support phone and Vesova weekends) have no provider on the map, although their own descriptions name it: Surunauha (association). The analysis counts each service without a provider as a counter of its own. Add provider links from Surunauha to these four services. Finally, reflect for the trainer: do services meant for people bereaved by suicide fit the widow in Mikkeli whose husband died of an illness?',
        ),
        hints: [
          T('Tuottajalinkki vedetään organisaatiosta palveluun (linkin tyyppi: tuottaa).', 'En producentlänk dras från organisationen till tjänsten (länktyp: tillhandahåller).', 'A provider link is drawn from the organisation to the service (link type: provides).'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'surunauha-tuottaa',
            title: T('Surunauha ry tuottaa neljä vertaistuen palvelua', 'Surunauha rf tillhandahåller fyra tjänster för kamratstöd', 'Surunauha provides four peer-support services'),
            hint: T('Tarkista, että jokaisesta neljästä palvelusta on linkki Surunauha ry:hyn.', 'Kontrollera att var och en av de fyra tjänsterna har en länk till Surunauha rf.', 'Check that each of the four services has a link to Surunauha.'),
            rule: { type: 'linkExists', linkType: 'provides', source: { kind: 'organisation', nameContains: 'Surunauha' }, target: { kind: 'service', linkedTo: { id: 'need-suru' } }, min: 4 },
          },
          {
            id: 'vastaus-leski',
            title: T('Vastaus kouluttajalle', 'Svar till utbildaren', 'Answer for the trainer'),
            hint: T('Kirjoita vastaus tehtäväpaneeliin.', 'Skriv svaret i uppgiftspanelen.', 'Write the answer in the exercise panel.'),
            rule: {
              type: 'freeAnswer',
              prompt: T(
                'Analyysi näyttää lesken surun tarpeen katetuksi, koska Surunauhan palvelut vastaavat tarpeeseen "Surussa jaksaminen ja vertaistuki". Onko tulos oikea? Mitä kartalta puuttuu, ja miten korjaisit sen?',
                'Analysen visar att änkans behov av stöd i sorgen är täckt, eftersom Surunauhas tjänster svarar mot behovet ”Att orka i sorgen och kamratstöd”. Stämmer resultatet? Vad saknas på kartan, och hur skulle du rätta det?',
                'The analysis shows the widow’s grief need as covered, because Surunauha’s services meet the need "Coping with grief and peer support". Is the result right? What is missing from the map, and how would you fix it?',
              ),
            },
          },
        ],
      },
      answer: [S.surunauhaChat, S.surunauhaOpas, S.vertaistukipuhelin, S.vesova].map((s) => ({ op: 'addLink' as const, link: link('provides', 'org-surunauha', s, { role: 'responsible' }) })),
    },
  ];
  return assemblePack(
    {
      id: PACK_ID,
      revision: 1,
      title: T('Läheisen kuolema', 'När en närstående dör', 'Death of a close relative'),
      description: T(
        'Harjoituksia Verohallinnon AuroraAI-ohjelmalle ehdottamalla elämäntapahtumalla: aineistosta pois jätetyt palvelut, puuttuva tarve, kuolema ulkomailla, mittari ja palvelujen tuottajat. Palvelut ovat oikeita PTV-palveluja; tarpeet ja profiilit ovat keksittyjä.',
        'Övningar med den livshändelse som Skatteförvaltningen föreslog för AuroraAI-programmet: tjänster som lämnats utanför materialet, ett behov som saknas, dödsfall utomlands, en indikator och tjänsternas producenter. Tjänsterna är verkliga PTV-tjänster; behoven och profilerna är påhittade.',
        'Exercises on the life event the Tax Administration proposed to the AuroraAI programme: services left out of the data, a missing need, a death abroad, an indicator and the services’ providers. Services are real PTV services; needs and personas are made up.',
      ),
      learningGoals: [
        T('Tunnistan, miten aineiston rajaukset näkyvät analyysissa', 'Jag känner igen hur avgränsningar i materialet syns i analysen', 'I recognise how the data’s exclusions show in the analysis'),
        T('Osaan lisätä elämäntapahtumaan puuttuvan tarpeen', 'Jag kan lägga till ett behov som saknas i en livshändelse', 'I can add a missing need to a life event'),
        T('Ymmärrän, miten tarpeiden tarkkuus ohjaa suosituksia', 'Jag förstår hur behovens precision styr rekommendationerna', 'I understand how precise needs steer recommendations'),
        T('Osaan kirjata palvelun tuottajan ja arvioida analyysin tulosta kriittisesti', 'Jag kan registrera en tjänsts producent och bedöma analysens resultat kritiskt', 'I can record a service’s provider and judge the analysis critically'),
      ],
      provenance: [
        { source: 'labels/auroraai-3x10d-labels.csv (vrk-kpa/auroraai-core-components, MIT; content PTV open data)', note: '16 services imported unchanged with the services-table import, with their EI MUKAAN marks.' },
        { source: 'ptv/general-descriptions.json (vrk-kpa/ptv-releases, MIT)', note: 'General description Saattohoito (PTV import); its code KE14 gives the life event Omaisen kuolema.' },
        { source: 'ptv/legacy (Metatavu/kunta-api-server test resources; content PTV open data)', note: 'Naantali service Saattohoito with its channels (PTV import).' },
        { source: 'Kohtaanto course authors', note: PROVENANCE, handEntered: true },
      ],
    },
    exercises,
  );
}
