/**
 * A small fi/sv/en concept table for cross-language queries: a Swedish or English query word
 * that names a common service theme also searches the Finnish (and other) words for it, so
 * "skuld" or "debt" finds a Finnish-only "Velkaneuvonta". Written from general vocabulary of
 * public services, not from any catalogue. Stems are folded; matching rules are those of the
 * text index (a stem finds words that start with it, and from five letters compounds that contain it).
 */

/** One concept: stems in Finnish, Swedish and English. */
type Concept = [fi: string[], sv: string[], en: string[]];

const CONCEPTS: Concept[] = [
  [['asun', 'asumi'], ['bostad', 'bostäd', 'boende'], ['housing', 'house', 'hous', 'apartment']],
  [['vuokra'], ['hyr'], ['rent']],
  [['asunnott', 'kodittom'], ['hemlös'], ['homeless']],
  [['muutto', 'muuttami'], ['flytt'], ['moving', 'relocat']],
  [['terve'], ['häls'], ['health']],
  [['sairaa', 'sairau'], ['sjuk'], ['sick', 'illness', 'hospital']],
  [['lääkär'], ['läkar'], ['doctor', 'physician']],
  [['hammas'], ['tand'], ['dental', 'dentist', 'teeth']],
  [['mielenterv'], ['psykisk', 'mentalvård'], ['mental']],
  [['masennu'], ['depression'], ['depress']],
  [['ahdistu'], ['ångest'], ['anxiet', 'anxious']],
  [['päihde', 'päihte'], ['missbruk', 'beroende'], ['substance', 'addict', 'drug']],
  [['kuntoutu'], ['rehabiliter'], ['rehabilit']],
  [['vammai'], ['funktionsned', 'handikapp'], ['disab']],
  [['velk', 'velat'], ['skuld'], ['debt']],
  [['talou'], ['ekonomi'], ['financ', 'econom', 'budget']],
  [['raha'], ['pengar'], ['money']],
  [['toimeentulotu'], ['utkomststöd'], ['welfare']],
  [['eläk'], ['pension'], ['pension', 'retire']],
  [['tyött'], ['arbetslös'], ['unemploy', 'jobless']],
  [['työnhak', 'työpaik'], ['jobbsök', 'arbetsplats'], ['job']],
  [['työ'], ['arbet', 'jobb'], ['work', 'employ']],
  [['opisk', 'opint'], ['studi', 'studer'], ['study', 'studi', 'student']],
  [['koulu'], ['skol'], ['school']],
  [['koulutu'], ['utbildning'], ['educat', 'training']],
  [['ammat', 'ura'], ['yrke', 'karriär'], ['vocation', 'career', 'profession']],
  [['perhe'], ['famil'], ['famili']],
  [['laps', 'lasten'], ['barn'], ['child', 'kid']],
  [['vanhem'], ['föräld'], ['parent']],
  [['nuor'], ['ung'], ['youth', 'young']],
  [['ikäihmi', 'vanhu', 'senior'], ['äldre', 'senior'], ['elder', 'senior', 'older']],
  [['avioer'], ['skilsmäss'], ['divorce']],
  [['raskau'], ['graviditet'], ['pregnan']],
  [['varhaiskasv', 'päiväkod', 'päivähoi'], ['daghem', 'småbarnspedagog', 'dagvård'], ['daycare', 'kindergarten', 'nursery']],
  [['lastensuojel'], ['barnskydd'], ['welfare', 'protection']],
  [['yksinäi'], ['ensam'], ['lonel']],
  [['ystäv'], ['vän'], ['friend']],
  [['vertais'], ['kamratstöd', 'likställd'], ['peer']],
  [['vapaaehtoi'], ['frivillig'], ['volunteer']],
  [['harrast'], ['hobb', 'fritid'], ['hobb', 'leisure']],
  [['liikunt', 'urheil'], ['motion', 'idrott'], ['sport', 'exercis']],
  [['kulttuur'], ['kultur'], ['cultur']],
  [['kirjast'], ['bibliotek'], ['librar']],
  [['musiik'], ['musik'], ['music']],
  [['taide', 'taite'], ['konst'], ['arts', 'artist']],
  [['kriisi'], ['kris'], ['crisis']],
  [['väkivalt'], ['våld'], ['violen', 'abuse']],
  [['turvakot'], ['skyddshem'], ['shelter']],
  [['neuvo'], ['rådgivning'], ['advice', 'advis', 'counsel', 'guidance']],
  [['tuki', 'tuet', 'tuke'], ['stöd'], ['support', 'benefit']],
  [['maahanmuut'], ['invandr'], ['immigra', 'migrant']],
  [['kotoutu'], ['integration'], ['integrat']],
  [['kielikurs'], ['språkkurs'], ['language']],
  [['itsetun'], ['självkänsl'], ['esteem']],
  [['kiusa'], ['mobb'], ['bully']],
  [['itsemurh'], ['självmord'], ['suicid']],
  [['suru'], ['sorg'], ['grief', 'bereave']],
  [['hyvinvoin'], ['välbefinn', 'välmående'], ['wellbeing', 'well-being']],
  [['omaishoi'], ['närståendevård', 'anhörigvård'], ['carer', 'caregiver']],
  [['vero'], ['skatt'], ['tax']],
  [['kela'], ['fpa'], ['kela']],
];


const cache = new Map<string, string[]>();

/** Stems in the other languages for a query word that names a known concept (empty when it names none). */
export function translateToken(token: string): string[] {
  const hit = cache.get(token);
  if (hit) return hit;
  const out = new Set<string>();
  for (const c of CONCEPTS) {
    const matches = c.some((list) => list.some((s) => token.startsWith(s) || (s.length >= 5 && token.includes(s))));
    if (matches) for (const s of c.flat()) if (!token.startsWith(s)) out.add(s);
  }
  const list = [...out].sort();
  if (cache.size > 50_000) cache.clear();
  cache.set(token, list);
  return list;
}
