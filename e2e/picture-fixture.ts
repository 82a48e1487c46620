// A small situational picture put through the API, for screenshots and benchmarks of the dashboard.
// Budget figures are the AuroraAI evaluation's Table 1; the rest is illustrative.
import { callApi, type RunningApp } from './harness';

export async function seedPicture(app: RunningApp): Promise<void> {
  const put = (item: unknown) => callApi(app, 'picture.put', { item });
  await put({ id: 'g-smooth', kind: 'goal', name: { fi: 'Sujuvampi asiointi elämäntapahtumissa', sv: 'Smidigare ärenden i livshändelser', en: 'Smoother dealings in life events' } });
  await put({ id: 'g-lead', kind: 'goal', name: { fi: 'Johtaminen tilannekuvilla', sv: 'Ledning med lägesbilder', en: 'Leading with situational pictures' } });
  await put({
    id: 'i-counters',
    kind: 'indicator',
    name: { fi: 'Asiointiluukkuja keskimäärin', sv: 'Ställen att besöka i genomsnitt', en: 'Counters to visit on average' },
    unit: 'kpl',
    direction: 'lower',
    baseline: { date: '2021-01-01', value: 6 },
    target: { date: '2023-01-01', value: 3 },
    tolerance: 0.1,
    measures: 'g-smooth',
    measurements: [
      { date: '2021-06-01', value: 5.6 },
      { date: '2022-01-01', value: 5.1 },
      { date: '2022-06-01', value: 4.9 },
    ],
  });
  await put({
    id: 'i-coverage',
    kind: 'indicator',
    name: { fi: 'Tarpeiden kattavuus', sv: 'Behovens täckning', en: 'Coverage of needs' },
    unit: '%',
    direction: 'higher',
    baseline: { date: '2021-01-01', value: 40 },
    target: { date: '2023-01-01', value: 80 },
    tolerance: 0.1,
    measures: 'g-smooth',
    measurements: [
      { date: '2021-06-01', value: 52 },
      { date: '2022-01-01', value: 61 },
    ],
  });
  await put({ id: 'i-reviews', kind: 'indicator', name: { fi: 'Johtoryhmän katsaukset vuodessa', sv: 'Ledningsgruppens genomgångar per år', en: 'Leadership reviews a year' }, unit: '', direction: 'higher', measures: 'g-lead', measurements: [] });
  const lines: Array<[string, string, number, number, number | undefined]> = [
    ['Ydintehtävät', 'Ydintehtävät', 2020, 418418, 401000],
    ['AuroraAI-verkko', 'AuroraAI-verkko', 2021, 6019264, 5800000],
    ['Toimintamalli', 'Toimintamalli', 2021, 755000, undefined],
    ['Osaamisohjelma', 'Osaamisohjelma', 2022, 339300, undefined],
  ];
  for (const [k, [item, category, year, planned, actual]] of lines.entries()) await put({ id: `b-${k}`, kind: 'budgetLine', item, category, year, planned, ...(actual !== undefined ? { actual } : {}) });
  await put({ id: 'cba', kind: 'cbaSettings', discountRate: 0.035, adoption: { 2023: 10, 2024: 30, 2025: 60 }, sensitivity: 0.2, assumptions: { fi: 'Havainnollistava esimerkki.', sv: 'Ett illustrativt exempel.', en: 'An illustrative example.' } });
  await put({ id: 'c-core', kind: 'cbaItem', name: { fi: 'Ydinkomponentit', sv: 'Kärnkomponenter', en: 'Core components' }, type: 'cost', amounts: { 2021: 1_500_000, 2022: 1_500_000 } });
  await put({ id: 'c-join', kind: 'cbaItem', name: { fi: 'Liittymiskustannukset', sv: 'Anslutningskostnader', en: 'Joining costs' }, type: 'cost', perOrganisation: true, amounts: { 2023: 40_000, 2024: 10_000, 2025: 10_000 } });
  await put({ id: 'b-save', kind: 'cbaItem', name: { fi: 'Asiakaspalvelun säästöt', sv: 'Besparingar i kundtjänsten', en: 'Customer-service savings' }, type: 'benefit', perOrganisation: true, amounts: { 2023: 20_000, 2024: 40_000, 2025: 60_000 } });
  await put({
    id: 's-1',
    kind: 'survey',
    name: { fi: 'Sidosryhmäkysely (havainnollistava)', sv: 'Intressentenkät (illustrativ)', en: 'Stakeholder survey (illustrative)' },
    date: '2021-11-15',
    questions: [
      { id: 'q1', text: { fi: 'Sujuvampi asiointi on tärkeä tavoite', sv: 'Smidigare ärenden är ett viktigt mål', en: 'Smoother dealings are an important goal' }, counts: { 1: 2, 2: 5, 3: 20, 4: 60, 5: 70 }, cannotSay: 5 },
      { id: 'q2', text: { fi: 'Ohjelma on viestinyt selkeästi', sv: 'Programmet har kommunicerat tydligt', en: 'The programme has communicated clearly' }, counts: { 1: 8, 2: 15, 3: 20, 4: 12, 5: 4 }, cannotSay: 4 },
    ],
  });
}
