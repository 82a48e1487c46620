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
};
