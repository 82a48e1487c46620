/**
 * A small picture with hand-computed figures, shared by the report's unit, API, CLI and e2e tests.
 * CBA (rate 10 %, adoption 2 → 5 organisations, cost 100 in 2020, 30 per organisation and year
 * 2021–2022): PV(benefits) = 60/1.1 + 150/1.21 = 178.51, NPV = 78.51, BCR = 1.79, payback 2022,
 * critical mass 3 (NPV(N) = 35.70·N − 100 ≥ 0 ⇔ N ≥ 2.80). Budget 4,000 planned (75 % / 25 %).
 * Survey: counts 1,2,3,4,5 and 5 "cannot say": N = 20, mean 3.67, share of 4–5 60.0 %.
 */
export const NASTY_NAME = '<script>alert("x")</script> & Co';

const text = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** The items, in the order they can be put (references after what they point at). */
export const REPORT_FIXTURE_ITEMS = [
  { id: 'goal-1', kind: 'goal', name: text('Sujuvampi asiointi', 'Smidigare ärenden', 'Smoother dealings') },
  { id: 'box-work', kind: 'impactBox', stage: 'activities', name: text('Työpajat', 'Verkstäder', 'Workshops'), goal: 'goal-1' },
  { id: 'box-result', kind: 'impactBox', stage: 'results', name: text('Kohtaanto paranee', 'Matchningen förbättras', 'Matching improves') },
  {
    id: 'link-1',
    kind: 'impactLink',
    source: 'box-work',
    target: 'box-result',
    assumption: text('Organisaatiot osallistuvat', 'Organisationerna deltar', 'Organisations take part'),
    assumptionStatus: 'uncertain',
  },
  {
    id: 'ind-1',
    kind: 'indicator',
    name: { fi: NASTY_NAME },
    unit: '%',
    direction: 'higher',
    baseline: { date: '2021-01-01', value: 10 },
    target: { date: '2023-01-01', value: 20 },
    tolerance: 0.1,
    measures: 'goal-1',
    measurements: [
      { date: '2021-06-01', value: 12 },
      { date: '2022-01-01', value: 14.5 },
    ],
  },
  { id: 'bl-1', kind: 'budgetLine', item: 'Henkilöstö', category: 'Henkilöstökulut', year: 2021, planned: 3000, actual: 2900 },
  { id: 'bl-2', kind: 'budgetLine', item: 'Ohjelmistot', category: 'Ohjelmistot', year: 2022, planned: 1000 },
  { id: 'cba', kind: 'cbaSettings', discountRate: 0.1, adoption: { 2021: 2, 2022: 5 }, sensitivity: 0.2, assumptions: text('Jokainen organisaatio säästää 30 € vuodessa.', 'Varje organisation sparar 30 € per år.', 'Each organisation saves EUR 30 a year.') },
  { id: 'c-build', kind: 'cbaItem', name: text('Rakentaminen', 'Byggande', 'Building'), type: 'cost', amounts: { 2020: 100 } },
  { id: 'b-save', kind: 'cbaItem', name: text('Säästöt', 'Besparingar', 'Savings'), type: 'benefit', perOrganisation: true, amounts: { 2021: 30, 2022: 30 } },
  {
    id: 'survey-1',
    kind: 'survey',
    name: text('Sidosryhmäkysely', 'Intressentenkät', 'Stakeholder survey'),
    date: '2022-03-01',
    questions: [{ id: 'q1', text: text('Ohjelma on hyödyllinen', 'Programmet är nyttigt', 'The programme is useful'), counts: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 }, cannotSay: 5 }],
  },
] as const;
