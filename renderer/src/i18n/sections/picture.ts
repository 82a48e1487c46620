/**
 * UI strings of the situational picture (tilannekuva). Kept in their own file so that work on
 * the picture does not collide with the rest of the UI's strings; en is the type.
 */
export const en = {
  nav: 'Situational picture',
  title: 'Situational picture',
  tabs: 'Parts of the situational picture',
  tab: { dashboard: 'Dashboard', impact: 'Impact logic' },
  empty: 'This workspace has no situational picture yet.',
  stage: { basis: 'Basis', needs: 'Needs', inputs: 'Inputs', activities: 'Activities', outputs: 'Outputs', results: 'Results', impacts: 'Impacts' },
  status: { onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track', noData: 'No data' },
  col: { indicator: 'Indicator', latest: 'Latest value', target: 'Target', status: 'Status' },
  validation: {
    refused: 'Nothing was saved. {{problems}}',
    where: { measurement: 'Measurement {{n}}', year: 'Year {{year}}', question: 'Question {{n}}' },
    value: { notNumber: 'The value is not a number.', outOfRange: 'The value is too large.' },
    date: { invalid: 'The date is not a valid date (YYYY-MM-DD).' },
    year: { invalid: 'A year must have four digits.' },
    indicator: {
      targetEqualsBaseline: 'The target equals the baseline, so there is no change to measure.',
      targetBeforeBaseline: 'The target date must come after the baseline date.',
    },
    cba: {
      noYears: 'A cost–benefit item needs an amount for at least one year.',
      discountRateTooLow: 'The discount rate must be greater than −100 %.',
      discountRateTooHigh: 'The discount rate may be at most 1,000 %.',
      adoptionNegative: 'The number of organisations joined cannot be negative.',
    },
    budget: { yearToBeforeYear: 'The last year of the budget line comes before its first year.' },
    survey: { countInvalid: 'An answer count must be a whole number, 0 or more.' },
    picture: {
      badReference: '{{id}} ({{field}}) is not in this workspace.',
      linkDirection: 'An impact-logic link must lead from an earlier stage to a later one.',
      linkSelf: 'A box cannot lead to itself.',
    },
  },
};
export const fi: typeof en = {
  nav: 'Tilannekuva',
  title: 'Tilannekuva',
  tabs: 'Tilannekuvan osat',
  tab: { dashboard: 'Koontinäkymä', impact: 'Vaikutuslogiikka' },
  empty: 'Tässä työtilassa ei ole vielä tilannekuvaa.',
  stage: { basis: 'Lähtökohdat', needs: 'Tarpeet', inputs: 'Panokset', activities: 'Toiminnot', outputs: 'Tuotokset', results: 'Tulokset', impacts: 'Vaikutukset' },
  status: { onTrack: 'Tavoitteessa', atRisk: 'Vaarassa', offTrack: 'Jäljessä', noData: 'Ei tietoa' },
  col: { indicator: 'Mittari', latest: 'Viimeisin arvo', target: 'Tavoite', status: 'Tila' },
  validation: {
    refused: 'Mitään ei tallennettu. {{problems}}',
    where: { measurement: 'Mittaus {{n}}', year: 'Vuosi {{year}}', question: 'Kysymys {{n}}' },
    value: { notNumber: 'Arvo ei ole luku.', outOfRange: 'Arvo on liian suuri.' },
    date: { invalid: 'Päivämäärä ei ole kelvollinen (VVVV-KK-PP).' },
    year: { invalid: 'Vuoden pitää olla nelinumeroinen.' },
    indicator: {
      targetEqualsBaseline: 'Tavoitearvo on sama kuin lähtötaso, joten mitattavaa muutosta ei ole.',
      targetBeforeBaseline: 'Tavoitteen päivämäärän pitää olla lähtötason päivämäärän jälkeen.',
    },
    cba: {
      noYears: 'Kustannus-hyötyerällä pitää olla summa vähintään yhdelle vuodelle.',
      discountRateTooLow: 'Diskonttokoron pitää olla suurempi kuin −100 %.',
      discountRateTooHigh: 'Diskonttokorko voi olla enintään 1 000 %.',
      adoptionNegative: 'Liittyneiden organisaatioiden määrä ei voi olla negatiivinen.',
    },
    budget: { yearToBeforeYear: 'Budjettirivin viimeinen vuosi on ennen sen ensimmäistä vuotta.' },
    survey: { countInvalid: 'Vastausmäärän pitää olla kokonaisluku, vähintään 0.' },
    picture: {
      badReference: 'Kohdetta {{id}} ({{field}}) ei ole tässä työtilassa.',
      linkDirection: 'Vaikutuslogiikan yhteyden pitää johtaa aiemmasta vaiheesta myöhempään.',
      linkSelf: 'Laatikko ei voi johtaa itseensä.',
    },
  },
};
export const sv: typeof en = {
  nav: 'Lägesbild',
  title: 'Lägesbild',
  tabs: 'Lägesbildens delar',
  tab: { dashboard: 'Översikt', impact: 'Effektlogik' },
  empty: 'Arbetsytan har ännu ingen lägesbild.',
  stage: { basis: 'Utgångsläge', needs: 'Behov', inputs: 'Insatser', activities: 'Aktiviteter', outputs: 'Prestationer', results: 'Resultat', impacts: 'Effekter' },
  status: { onTrack: 'Enligt plan', atRisk: 'I riskzonen', offTrack: 'Efter plan', noData: 'Inga uppgifter' },
  col: { indicator: 'Indikator', latest: 'Senaste värde', target: 'Mål', status: 'Status' },
  validation: {
    refused: 'Ingenting sparades. {{problems}}',
    where: { measurement: 'Mätning {{n}}', year: 'År {{year}}', question: 'Fråga {{n}}' },
    value: { notNumber: 'Värdet är inte ett tal.', outOfRange: 'Värdet är för stort.' },
    date: { invalid: 'Datumet är inte giltigt (ÅÅÅÅ-MM-DD).' },
    year: { invalid: 'Året ska ha fyra siffror.' },
    indicator: {
      targetEqualsBaseline: 'Målvärdet är detsamma som utgångsvärdet, så det finns ingen förändring att mäta.',
      targetBeforeBaseline: 'Måldatumet ska infalla efter utgångsvärdets datum.',
    },
    cba: {
      noYears: 'En kostnads-nyttopost behöver ett belopp för minst ett år.',
      discountRateTooLow: 'Diskonteringsräntan ska vara större än −100 %.',
      discountRateTooHigh: 'Diskonteringsräntan får vara högst 1 000 %.',
      adoptionNegative: 'Antalet anslutna organisationer kan inte vara negativt.',
    },
    budget: { yearToBeforeYear: 'Budgetradens sista år ligger före dess första år.' },
    survey: { countInvalid: 'Antalet svar ska vara ett heltal, minst 0.' },
    picture: {
      badReference: '{{id}} ({{field}}) finns inte i den här arbetsytan.',
      linkDirection: 'En länk i effektlogiken ska leda från ett tidigare skede till ett senare.',
      linkSelf: 'En ruta kan inte leda till sig själv.',
    },
  },
};
