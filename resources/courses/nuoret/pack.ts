/**
 * Course pack 1: "Nuoret kiinni yhteiskunnassa", on the built-in example workspace
 * (resources/examples/nuoret-kiinni-yhteiskunnassa.json, itself built from the real data by
 * resources/examples/build-example.ts). The starting workspace is the example unchanged; the
 * exercises' additions (a persona, a few service→need links, an indicator) are the pack authors'
 * and tagged as hand-entered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WorkspaceJsonSchema } from '../../../shared/model';
import type { CoursePack } from '../../../shared/course/types';
import { assemblePack, link, sortWorkspace, type ExerciseSource, type Text } from '../lib';

const T = (fi: string, sv: string, en: string): Text => ({ fi, sv, en });

export const PACK_ID = 'nuoret-kiinni-yhteiskunnassa';
const LE = 'le-nuoret';

export async function buildPack(): Promise<CoursePack> {
  const example = WorkspaceJsonSchema.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../examples/nuoret-kiinni-yhteiskunnassa.json'), 'utf8')));
  const start = sortWorkspace(example);

  const exercises: ExerciseSource[] = [
    {
      startWorkspace: { id: 'nuoret', title: T('Nuoret kiinni yhteiskunnassa (esimerkkityötila)', 'Unga med i samhället (exempelarbetsyta)', 'Young people engaged in society (example workspace)'), json: start },
      exercise: {
        id: 'e1-asiakasprofiili',
        title: T('Uusi asiakasprofiili', 'En ny kundprofil', 'A new persona'),
        instructions: T(
          'Työpajassa Oulun kaupungin nuorisopalveluiden edustaja kertoo nuorista aikuisista, jotka ovat jääneet työttömiksi ja kuormittuneet psyykkisesti. Lisää kartalle asiakasprofiili: 18–24-vuotias oululainen. Anna profiilille ikähaaraksi jotakin väliltä 18–24 ja kunnaksi Oulu, ja yhdistä se tarpeisiin "Mielenterveyden tuki" ja "Ensimmäinen työpaikka tai kesätyö". Profiili on keksitty tyyppihenkilö, ei kukaan oikea ihminen.',
          'På workshoppen berättar en representant för Uleåborgs ungdomstjänster om unga vuxna som blivit arbetslösa och psykiskt belastade. Lägg till en kundprofil på kartan: en 18–24-åring i Uleåborg. Ge profilen ett åldersspann inom 18–24 och kommunen Uleåborg, och koppla den till behoven ”Stöd för den psykiska hälsan” (Mielenterveyden tuki) och ”Det första jobbet eller sommarjobbet” (Ensimmäinen työpaikka tai kesätyö). Profilen är en påhittad typperson, ingen verklig människa.',
          'At the workshop, a representative of the City of Oulu youth services tells about young adults who have become unemployed and mentally strained. Add a persona to the map: an 18–24-year-old living in Oulu. Give it an age range within 18–24 and the municipality Oulu, and link it to the needs "Mental health support" (Mielenterveyden tuki) and "First job or summer job" (Ensimmäinen työpaikka tai kesätyö). The persona is a made-up typical person, not a real one.',
        ),
        hints: [
          T(
            'Asiakasprofiilin saa lisättyä kartan työkaluriviltä. Tarve yhdistetään vetämällä linkki profiilista tarpeeseen.',
            'En kundprofil läggs till från kartans verktygsrad. Ett behov kopplas genom att dra en länk från profilen till behovet.',
            'Add a persona from the map toolbar. Link a need by dragging a link from the persona to the need.',
          ),
        ],
        start: { from: 'workspace', workspace: 'nuoret' },
        checks: [
          {
            id: 'profiili-oulu-18-24',
            title: T('18–24-vuotiaan oululaisen profiili, jolla on mielenterveyden tuen tarve', 'En profil för en 18–24-åring i Uleåborg med behov av stöd för den psykiska hälsan', 'A persona aged 18–24 in Oulu who needs mental health support'),
            hint: T(
              'Tarkista profiilin ikä (alaraja vähintään 18, yläraja enintään 24), kunta (Oulu) ja että profiilista on linkki tarpeeseen "Mielenterveyden tuki".',
              'Kontrollera profilens ålder (nedre gräns minst 18, övre gräns högst 24), kommun (Uleåborg) och att profilen har en länk till behovet ”Mielenterveyden tuki”.',
              'Check the persona’s age (lowest at least 18, highest at most 24), municipality (Oulu) and that it links to the need "Mielenterveyden tuki".',
            ),
            rule: { type: 'entityExists', match: { kind: 'persona', ageMin: 18, ageMax: 24, municipality: '564', linkedTo: { id: 'need-mielenterveys' } } },
          },
          {
            id: 'profiili-tyo',
            title: T('Sama profiili tarvitsee myös työpaikan', 'Samma profil behöver också ett jobb', 'The same persona also needs a job'),
            hint: T(
              'Vedä profiilista tarvelinkki tarpeeseen "Ensimmäinen työpaikka tai kesätyö".',
              'Dra en behovslänk från profilen till behovet ”Ensimmäinen työpaikka tai kesätyö”.',
              'Draw a need link from the persona to the need "Ensimmäinen työpaikka tai kesätyö".',
            ),
            rule: {
              type: 'linkExists',
              linkType: 'personaNeed',
              source: { kind: 'persona', ageMin: 18, ageMax: 24, municipality: '564', linkedTo: { id: 'need-mielenterveys' } },
              target: { kind: 'need', nameContains: 'Ensimmäinen työpaikka' },
            },
          },
        ],
      },
      answer: [
        {
          op: 'addEntity',
          entity: {
            kind: 'persona',
            id: 'persona-oulu-21-tyoton-uupunut',
            name: { fi: '21-vuotias oululainen, työtön ja uupunut', sv: '21-åring i Uleåborg, arbetslös och utmattad', en: '21-year-old in Oulu, unemployed and exhausted' },
            description: {
              fi: 'Keksitty tyyppihenkilö (kurssitehtävä): ammattiin valmistunut, työttömänä vuoden, nukkuu huonosti eikä jaksa hakea töitä.',
              sv: 'Påhittad typperson (kursuppgift): utexaminerad från yrkesutbildning, arbetslös i ett år, sover dåligt och orkar inte söka jobb.',
              en: 'Made-up typical person (course exercise): vocational graduate, unemployed for a year, sleeps badly and lacks the energy to look for work.',
            },
            ageMin: 20,
            ageMax: 22,
            municipality: '564',
            language: 'fi',
            meters: { health: 4, resilience: 3, housing: 6, working_studying: 1, family: 5, friends: 4, finance: 3, improvement_of_strengths: 3, self_esteem: 3, life_satisfaction: 3 },
            peoplePerYear: 200,
            tags: ['synteettinen'],
          },
        },
        { op: 'addLink', link: link('personaNeed', 'persona-oulu-21-tyoton-uupunut', 'need-mielenterveys', { importance: 5 }) },
        { op: 'addLink', link: link('personaNeed', 'persona-oulu-21-tyoton-uupunut', 'need-tyo', { importance: 5 }) },
        { op: 'addLink', link: link('personaNeed', 'persona-oulu-21-tyoton-uupunut', 'need-toimeentulo', { importance: 3 }) },
      ],
    },
    {
      exercise: {
        id: 'e2-yksinaisyys',
        title: T('Aukko: yksinäisyys Oulussa', 'Lucka: ensamhet i Uleåborg', 'Gap: loneliness in Oulu'),
        instructions: T(
          'Avaa kohtaantoanalyysi elämäntapahtumalle "Nuoret kiinni yhteiskunnassa". Tarve "Yksinäisyys, kaverit ja harrastukset" jää oululaisilla profiileilla aukoksi: Oulun palveluista yksikään ei ole kirjattu vastaamaan siihen. Oulun nuorten työpajoissa nuori tekee töitä ryhmässä ja saa ohjaajan: kirjaa, että "Nuorten työpajatoiminta – Oulu" vastaa myös tähän tarpeeseen, ja aja analyysi uudelleen.',
          'Öppna matchningsanalysen för livshändelsen ”Unga med i samhället”. Behovet ”Ensamhet, vänner och fritidsintressen” (Yksinäisyys, kaverit ja harrastukset) blir en lucka för profilerna i Uleåborg: ingen av Uleåborgs tjänster är registrerad som svar på det. I Uleåborgs ungdomsverkstäder arbetar den unga i grupp med en handledare: registrera att ”Nuorten työpajatoiminta – Oulu” också svarar mot detta behov, och kör analysen på nytt.',
          'Open the matching analysis for the life event "Young people engaged in society". The need "Loneliness, friends and hobbies" (Yksinäisyys, kaverit ja harrastukset) is a gap for the Oulu personas: none of Oulu’s services is recorded as meeting it. In Oulu’s youth workshops a young person works in a group with an instructor: record that "Nuorten työpajatoiminta – Oulu" also meets this need, and run the analysis again.',
        ),
        hints: [
          T('Palvelu yhdistetään tarpeeseen vetämällä linkki palvelusta tarpeeseen (linkin tyyppi: vastaa tarpeeseen).', 'En tjänst kopplas till ett behov genom att dra en länk från tjänsten till behovet (länktyp: svarar mot behov).', 'Link a service to a need by dragging a link from the service to the need (link type: addresses).'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'tyopaja-yksinaisyys',
            title: T('Oulun nuorten työpajat vastaa yksinäisyyden tarpeeseen', 'Ungdomsverkstäderna i Uleåborg svarar mot behovet ensamhet', 'Oulu youth workshops address loneliness'),
            hint: T('Linkki puuttuu palvelusta "Nuorten työpajatoiminta – Oulu" tarpeeseen "Yksinäisyys, kaverit ja harrastukset".', 'Länken saknas från ”Nuorten työpajatoiminta – Oulu” till behovet ”Yksinäisyys, kaverit ja harrastukset”.', 'The link from "Nuorten työpajatoiminta – Oulu" to the need "Yksinäisyys, kaverit ja harrastukset" is missing.'),
            rule: { type: 'linkExists', linkType: 'addresses', source: { kind: 'service', nameContains: 'Nuorten työpajatoiminta – Oulu' }, target: { kind: 'need', nameContains: 'Yksinäisyys' } },
          },
          {
            id: 'kattavuus-070',
            title: T('Elämäntapahtuman kattavuus on vähintään 0,70', 'Livshändelsens täckning är minst 0,70', 'The life event’s coverage is at least 0.70'),
            hint: T('Aja kohtaantoanalyysi: kun oululaisten yksinäisyyden aukko täyttyy, kattavuus nousee.', 'Kör matchningsanalysen: när luckan för ensamhet i Uleåborg fylls stiger täckningen.', 'Run the matching analysis: when the Oulu loneliness gap is filled, coverage rises.'),
            rule: { type: 'matching', lifeEvent: { id: LE }, measure: 'coverage', comparison: 'atLeast', value: 0.7 },
          },
        ],
      },
      answer: [{ op: 'addLink', link: link('addresses', 'srv-14844f00', 'need-yksinaisyys', { evidence: 'kurssitehtävä (käsin): työpajassa työskennellään ryhmässä ohjaajan kanssa' }) }],
    },
    {
      exercise: {
        id: 'e3-luukut',
        title: T('Vähemmän luukkuja turkulaiselle nuorelle', 'Färre besöksställen för en ung person i Åbo', 'Fewer counters for a young person in Turku'),
        instructions: T(
          'Katso analyysista profiilin "19-vuotias ruotsinkielinen turkulainen, etsii töitä" käyntipaikat: hän joutuu asioimaan kolmessa organisaatiossa (Turun kaupunki, Kela ja Verohallinto). Turun Ohjaamossa (Nuorten neuvontapalvelut) on paikalla myös Kelan neuvoja, joka auttaa toimeentulo- ja asumisasioissa. Kirjaa tämä: "Nuorten neuvontapalvelut – Turku" vastaa tarpeisiin "Toimeentulo ja etuudet" ja "Ensimmäinen oma asunto". Montako luukkua jää?',
          'Se i analysen vilka ställen profilen ”19-årig svenskspråkig i Åbo som söker jobb” måste besöka: tre organisationer (Åbo stad, FPA och Skatteförvaltningen). I Åbo Ohjaamo (Nuorten neuvontapalvelut) finns också en rådgivare från FPA som hjälper med utkomst och boende. Registrera detta: ”Nuorten neuvontapalvelut – Turku” svarar mot behoven ”Utkomst och förmåner” (Toimeentulo ja etuudet) och ”Den första egna bostaden” (Ensimmäinen oma asunto). Hur många ställen återstår?',
          'In the analysis, look at the places the persona "19-year-old Swedish-speaker in Turku looking for work" must visit: three organisations (City of Turku, Kela and the Tax Administration). Turku’s Ohjaamo one-stop guidance centre (Nuorten neuvontapalvelut) also has a Kela adviser who helps with income and housing. Record this: "Nuorten neuvontapalvelut – Turku" addresses the needs "Income and benefits" (Toimeentulo ja etuudet) and "First home of one’s own" (Ensimmäinen oma asunto). How many counters remain?',
        ),
        hints: [
          T('Luukkuja laskettaessa yksi organisaatio on yksi käynti, vaikka se hoitaisi monta tarvetta.', 'När besöksställena räknas är en organisation ett besök, även om den sköter många behov.', 'One organisation counts as one visit, however many needs it meets.'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'turku-luukut',
            title: T('Turkulainen nuori asioi enintään kahdessa paikassa', 'Den unga i Åbo besöker högst två ställen', 'The young person in Turku visits at most two places'),
            hint: T('Yhdistä "Nuorten neuvontapalvelut – Turku" tarpeisiin "Toimeentulo ja etuudet" ja "Ensimmäinen oma asunto" ja aja analyysi uudelleen. Kelan luukku poistuu vasta, kun kaikki Kelan hoitamat tarpeet saa Ohjaamosta.', 'Koppla ”Nuorten neuvontapalvelut – Turku” till behoven ”Toimeentulo ja etuudet” och ”Ensimmäinen oma asunto” och kör analysen på nytt. FPA:s lucka försvinner först när alla behov som FPA sköter kan skötas i Ohjaamo.', 'Link "Nuorten neuvontapalvelut – Turku" to the needs "Toimeentulo ja etuudet" and "Ensimmäinen oma asunto" and run the analysis again. Kela’s counter goes only when every need Kela meets can be met at Ohjaamo.'),
            rule: { type: 'matching', lifeEvent: { id: LE }, measure: 'countersToVisit', persona: { id: 'persona-turku-19-sv-tyonhaku' }, comparison: 'atMost', value: 2 },
          },
        ],
      },
      answer: [
        { op: 'addLink', link: link('addresses', 'srv-faee56c3', 'need-toimeentulo', { evidence: 'kurssitehtävä (käsin): Ohjaamossa on Kelan neuvoja' }) },
        { op: 'addLink', link: link('addresses', 'srv-faee56c3', 'need-asunto', { evidence: 'kurssitehtävä (käsin): Ohjaamossa neuvotaan asumisen tuissa ja asunnon hakemisessa' }) },
      ],
    },
    {
      exercise: {
        id: 'e4-suosittelija',
        title: T('Suosittelija ja keskeytynyt lukio', 'Rekommenderaren och avbrutet gymnasium', 'The recommender and unfinished upper secondary school'),
        instructions: T(
          'Avaa suosittelija profiilille "17-vuotias oululainen, lukio jäi kesken". Ammatillinen koulutus olisi hänelle todellinen vaihtoehto, mutta "Ammatillinen koulutus – Oulu" ei ole kolmen ensimmäisen suosituksen joukossa. Palvelu on kirjattu vastaamaan vain tarpeeseen "Toisen asteen opintojen loppuun saattaminen", vaikka ammatilliseen koulutukseen haetaan myös jatkuvassa haussa ympäri vuoden. Kirjaa, että palvelu vastaa myös tarpeeseen "Opiskelupaikan löytäminen", ja katso, miten suositukset muuttuvat.',
          'Öppna rekommenderaren för profilen ”17-åring i Uleåborg, gymnasiet blev ogjort”. Yrkesutbildning vore ett verkligt alternativ för hen, men ”Ammatillinen koulutus – Oulu” finns inte bland de tre första rekommendationerna. Tjänsten är registrerad som svar endast på behovet ”Att slutföra studier på andra stadiet” (Toisen asteen opintojen loppuun saattaminen), fast man kan söka till yrkesutbildning i kontinuerlig ansökan året runt. Registrera att tjänsten också svarar mot behovet ”Att hitta en studieplats” (Opiskelupaikan löytäminen), och se hur rekommendationerna ändras.',
          'Open the recommender for the persona "17-year-old in Oulu, upper secondary school unfinished". Vocational education would be a real option for them, but "Ammatillinen koulutus – Oulu" is not among the first three recommendations. The service is recorded as meeting only the need "Completing upper secondary studies" (Toisen asteen opintojen loppuun saattaminen), although one can apply to vocational education all year round. Record that the service also meets the need "Finding a study place" (Opiskelupaikan löytäminen), and see how the recommendations change.',
        ),
        hints: [
          T('Suosittelija nostaa palvelut, jotka vastaavat profiilin tärkeimpiin tarpeisiin; suosituksen perustelut näkyvät sen vieressä.', 'Rekommenderaren lyfter tjänster som svarar mot profilens viktigaste behov; motiveringen visas bredvid rekommendationen.', 'The recommender lifts services that meet the persona’s most important needs; the reasons are shown beside each recommendation.'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'ammatillinen-top3',
            title: T('"Ammatillinen koulutus – Oulu" on profiilin kolmen kärjessä', '”Ammatillinen koulutus – Oulu” är bland profilens tre främsta', '"Ammatillinen koulutus – Oulu" is in the persona’s top three'),
            hint: T('Vedä linkki palvelusta "Ammatillinen koulutus – Oulu" tarpeeseen "Opiskelupaikan löytäminen".', 'Dra en länk från ”Ammatillinen koulutus – Oulu” till behovet ”Opiskelupaikan löytäminen”.', 'Draw a link from "Ammatillinen koulutus – Oulu" to the need "Opiskelupaikan löytäminen".'),
            rule: { type: 'recommenderTopK', persona: { id: 'persona-oulu-17-lukio-kesken' }, service: { id: 'srv-fc07b996' }, k: 3 },
          },
        ],
      },
      answer: [
        { op: 'addLink', link: link('addresses', 'srv-fc07b996', 'need-opiskelupaikka', { evidence: 'kurssitehtävä (käsin): ammatilliseen koulutukseen haetaan jatkuvassa haussa' }) },
      ],
    },
    {
      exercise: {
        id: 'e5-mittari',
        title: T('Tavoitteesta mittariksi', 'Från mål till indikator', 'From a goal to an indicator'),
        instructions: T(
          'AuroraAI-ohjelman arvioinnissa moitittiin, ettei tavoitteita voinut mitata. Lisää tilannekuvaan mittari "Nuorten palvelutarpeiden kattavuus" (yksikkö %, suunta: suurempi on parempi). Kirjaa lähtötasoksi kohtaantoanalyysin kattavuus tänään ja tavoitteeksi taso, johon haluatte päästä vuoden päästä. Kirjoita lisäksi lyhyt vastaus kouluttajalle.',
          'I utvärderingen av AuroraAI-programmet kritiserades att målen inte kunde mätas. Lägg till indikatorn ”Täckning av ungas servicebehov” i lägesbilden (enhet %, riktning: högre är bättre). Ange matchningsanalysens täckning i dag som utgångsnivå och som mål den nivå ni vill nå om ett år. Skriv också ett kort svar till utbildaren.',
          'The evaluation of the AuroraAI programme criticised goals that could not be measured. Add the indicator "Coverage of young people’s service needs" to the situational picture (unit %, direction: higher is better). Record today’s coverage from the matching analysis as the baseline and, as the target, the level you want to reach in a year. Also write a short answer for the trainer.',
        ),
        hints: [
          T('Mittari lisätään tilannekuvan mittarinäkymässä. Lähtötaso ja tavoite tarvitsevat kumpikin päivämäärän ja arvon.', 'Indikatorn läggs till i lägesbildens indikatorvy. Utgångsnivån och målet behöver båda ett datum och ett värde.', 'Add the indicator in the indicator view of the situational picture. Baseline and target each need a date and a value.'),
        ],
        start: { from: 'previousAnswer' },
        checks: [
          {
            id: 'mittari-kattavuus',
            title: T('Mittari "kattavuus", jolla on lähtötaso ja tavoite', 'En indikator för ”täckning” med utgångsnivå och mål', 'A "coverage" indicator with a baseline and a target'),
            hint: T('Mittarin nimessä pitää olla sana "kattavuus", ja sillä pitää olla sekä lähtötaso että tavoite.', 'Indikatorns finska namn ska innehålla ordet ”kattavuus”, och den ska ha både utgångsnivå och mål.', 'The indicator’s Finnish name must contain the word "kattavuus", and it needs both a baseline and a target.'),
            rule: { type: 'indicator', nameContains: 'kattavuus', needsBaseline: true, needsTarget: true },
          },
          {
            id: 'vastaus-aukot',
            title: T('Vastaus kouluttajalle', 'Svar till utbildaren', 'Answer for the trainer'),
            hint: T('Kirjoita vastaus tehtäväpaneeliin; kouluttaja lukee sen.', 'Skriv svaret i uppgiftspanelen; utbildaren läser det.', 'Write the answer in the exercise panel; the trainer reads it.'),
            rule: {
              type: 'freeAnswer',
              prompt: T(
                'Mitkä aukot jäivät vielä jäljelle, ja kenen organisaation pitäisi ottaa ne hoitaakseen? Miksi valitsitte juuri tämän tavoitetason?',
                'Vilka luckor återstår, och vilken organisation borde ta hand om dem? Varför valde ni just denna målnivå?',
                'Which gaps remain, and which organisation should take them on? Why did you choose this target level?',
              ),
            },
          },
        ],
      },
      answer: [
        {
          op: 'addItem',
          item: {
            id: 'ind-nuoret-kattavuus',
            kind: 'indicator',
            name: { fi: 'Nuorten palvelutarpeiden kattavuus', sv: 'Täckning av ungas servicebehov', en: 'Coverage of young people’s service needs' },
            unit: '%',
            direction: 'higher',
            baseline: { date: '2026-01-15', value: 72 },
            target: { date: '2027-01-15', value: 85 },
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
      title: T('Nuoret kiinni yhteiskunnassa', 'Unga med i samhället', 'Young people engaged in society'),
      description: T(
        'Harjoituksia AuroraAI-ohjelman elämäntapahtuman "Nuoret kiinni yhteiskunnassa" palveluekosysteemillä: asiakasprofiili, aukot, luukut, suosittelija ja mittari. Palvelut ovat oikeita PTV-palveluja; profiilit ja tarpeet ovat keksittyjä.',
        'Övningar med tjänsteekosystemet kring AuroraAI-programmets livshändelse ”Unga med i samhället”: kundprofil, luckor, besöksställen, rekommenderaren och en indikator. Tjänsterna är verkliga PTV-tjänster; profiler och behov är påhittade.',
        'Exercises on the service ecosystem of the AuroraAI life event "Young people engaged in society": a persona, gaps, counters to visit, the recommender and an indicator. Services are real PTV services; personas and needs are made up.',
      ),
      learningGoals: [
        T('Osaan kuvata asiakasprofiilin ja sen palvelutarpeet', 'Jag kan beskriva en kundprofil och dess servicebehov', 'I can describe a persona and its service needs'),
        T('Osaan lukea kohtaantoanalyysin aukot ja käyntipaikat', 'Jag kan läsa matchningsanalysens luckor och besöksställen', 'I can read the gaps and counters to visit in the matching analysis'),
        T('Ymmärrän, miksi suosittelija ehdottaa palvelua', 'Jag förstår varför rekommenderaren föreslår en tjänst', 'I understand why the recommender suggests a service'),
        T('Osaan muuttaa tavoitteen mitattavaksi mittariksi', 'Jag kan göra ett mål till en mätbar indikator', 'I can turn a goal into a measurable indicator'),
      ],
      provenance: [
        {
          source: 'resources/examples/nuoret-kiinni-yhteiskunnassa.json (built by resources/examples/build-example.ts from ../shared/data)',
          note: 'Starting workspace: the built-in example unchanged. Services: AuroraAI 3X10D labelling sheet and PTV general descriptions (vrk-kpa, MIT; content PTV open data). Its needs, personas and some links are written by the Kohtaanto authors, as the example’s own provenance says.',
        },
        {
          source: 'Kohtaanto course authors',
          note: 'Model answers: persona "21-vuotias oululainen, työtön ja uupunut" and its need links; service→need links Nuorten työpajatoiminta – Oulu → yksinäisyys, Nuorten neuvontapalvelut – Turku → toimeentulo and → asunto, Ammatillinen koulutus – Oulu → opiskelupaikka; the indicator and its figures.',
          handEntered: true,
        },
      ],
    },
    exercises,
  );
}
