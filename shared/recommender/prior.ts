/**
 * Built-in prior knowledge of what each 3X10D meter is about, in Finnish, Swedish and English:
 * word stems, PTV service classes and PTV life events. Written from the meaning of the meters
 * and of the PTV code lists, not fitted to any labelled data, so it stays useful on catalogues
 * the model has never seen. The learned model starts from this and corrects it with the
 * workspace's own labelled services.
 */
import { METERS, type Meter } from '../model';

/** Stems are folded (lower case, diacritics except å/ä/ö removed). A stem starting with '=' must start a word; others of five or more letters also match inside compounds (kouluterveydenhuolto). */
export interface MeterLexicon {
  stems: Record<'fi' | 'sv' | 'en', Record<string, number>>;
  /** PTV service class → weight; a class covers its sub-classes. */
  classes: Record<string, number>;
  /** PTV life event → weight; a life event covers its sub-events. */
  lifeEvents: Record<string, number>;
}

const s = (words: string, w = 1): Record<string, number> =>
  Object.fromEntries(
    words
      .split(/\s+/)
      .filter(Boolean)
      .map((x) => [x, w]),
  );

/** The prior, meter by meter. Weights: 1 = the word alone says the meter; 0.5 = a hint. */
export const METER_PRIOR: Record<Meter, MeterLexicon> = {
  health: {
    stems: {
      fi: {
        ...s('terveys terveyd terveyskesk sairaa sairau lääkär =lääke hammas neuvola rokot mielenterv psykiatr päihde päihte fysioter ravitsem diabet päivysty ensiapu apteek potila laborator raskau synnyty hoitaja sairaanhoi kuntoutu'),
        ...s('=hoito =hoidon liikunt terapi hyvinvoin =vamma vammai uni ehkäis', 0.5),
      },
      sv: {
        ...s('hälsa hälso =sjuk sjukvård sjukhus läkar läkemed tandvård =tand vaccin psykiatr missbruk rehabiliter mentalvård =jour apotek patient diabet förlossning graviditet'),
        ...s('terapi =vård motion funktionsned', 0.5),
      },
      en: {
        ...s('=health =medic =hospital =doctor =nurs =dental =dentist =vaccin =psychiatr =substance =rehabilit =clinic =pharmac =patient =disease =illness =sick =pregnan =diabet'),
        ...s('=therap =care =exercis =disabil =wellbeing', 0.5),
      },
    },
    classes: { P5: 0.8, 'P4.4': 0.3, 'P4.7': 0.3, 'P10.4': 0.4, 'P13.3': 0.3, 'P5.21': -0.5 },
    lifeEvents: { KE11: 0.9, KE12: 0.7, KE1: 0.3, KE13: 0.4 },
  },
  resilience: {
    stems: {
      fi: {
        ...s('kriisi vaikeu selviyt psykolog väkivalt turvakot auttava keskusteluap sururyhm =suru menety itsemurh jaksami voimavar motivaat traum'),
        ...s('valmennu tukihenkil elämänhallin =stressi kuntoutu sopeutu =tuki ohjau', 0.5),
      },
      sv: {
        ...s('=kris svårighet psykolog =våld skyddshem samtalsstöd =sorg självmord =trauma motivation'),
        ...s('=coach stödperson =stress =ork =stöd', 0.5),
      },
      en: {
        ...s('=crisis =difficult =psycholog =violence =shelter =helpline =grief =bereave =suicid =coping =cope =resilien =trauma =motivat'),
        ...s('=coach =counsel =stress =recover =support', 0.5),
      },
    },
    classes: { 'P5.7': 0.5, 'P4.13': 0.3, 'P4.12': 0.3, 'P5.13': 0.3, 'P19.3': 0.2, 'P7.5': 0.2, 'P28.4': 0.4 },
    lifeEvents: { KE14: 0.5, KE11: 0.3, KE7: 0.3, KE9: 0.2, KE12: 0.3, KE8: 0.2 },
  },
  housing: {
    stems: {
      fi: {
        ...s('=asun asunno asunto asumi =asuin vuokra takuuvuokr muuttoilm =muutto =muuttami asunnot häätö asuntola vuokranant kodittom'),
        ...s('=koti kotikun kiinteist =talo', 0.4),
      },
      sv: {
        ...s('bostad bostäd boende hyres =hyra =flytt hemlös =husrum vräkning'),
        ...s('=hem fastighet', 0.4),
      },
      en: {
        ...s('=housing =house =homeless =rent =apartment =accommodation =tenan =evict =dormitor =landlord =lodging'),
        ...s('=home =moving =resid =property', 0.4),
      },
    },
    classes: { P1: 0.9, 'P4.1': 0.7, 'P2.2': 0.3, 'P2.1': 0.2, 'P4.3': 0.2 },
    lifeEvents: { KE4: 0.8, KE6: 0.6, KE7: 0.3 },
  },
  working_studying: {
    stems: {
      fi: {
        ...s('=opisk =opint koulutu =koulu työnhak työllis =tyött työttöm =ammat ammatill ammatinval uraohja =tutkinto lukio yliopist korkeakoul harjoittel kesätyö työpaja työvoima oppisopimu =opetu perusopetu esiopetu oppilashuol oppilai =oppila =opiskelij työkoke =työ työelämä työkyky työkokeil'),
        ...s('=oppi =ura valmentav =kurssi =tutkimu rekrytoi', 0.5),
      },
      sv: {
        ...s('studi =studer utbildning =skol =arbet =jobb =yrke yrkes lärling gymnasi högskol universitet praktik sysselsätt karriär undervisning arbetslös'),
        ...s('=kurs =lär', 0.5),
      },
      en: {
        ...s('=study =studi =student =school =educat =job =employ =unemploy =career =vocation =apprentic =universit =college =internship =work'),
        ...s('=train =course =learn', 0.5),
      },
    },
    classes: { P6: 0.8, P10: 0.8, 'P4.8': 0.7, 'P4.9': 0.5, 'P22.2': 0.5, 'P28.3': 0.6, 'P28.5': 0.4, 'P11.1': 0.3, 'P6.15': -0.4 },
    lifeEvents: { KE3: 0.8, KE8: 0.8, KE5: 0.4, KE2: 0.2 },
  },
  family: {
    stems: {
      fi: {
        ...s('perhe =perhe =laps lapsi lasten vanhemm =äiti äitiy =isyy =isä avioer avioli parisuh lastensuo neuvola varhaiskasv päiväkod elatu =huoltaj sisaru omais läheis kasvatu vauva adopt'),
        ...s('=koti kotiho', 0.3),
      },
      sv: {
        ...s('famil =barn föräld =mamma =pappa faderskap moderskap skilsmäss parförhåll barnskydd daghem småbarn närstående anhörig syskon uppfostr adoption =baby'),
        ...s('underhåll', 0.5),
      },
      en: {
        ...s('=famili =child =parent =mother =father =paternity =maternity =divorce =couple =marriage =daycare =relative =sibling =custody =adopt =baby'),
      },
    },
    classes: { P3: 0.9, 'P4.6': 0.5, 'P5.2': 0.5, 'P5.14': 0.4, 'P6.1': 0.3, 'P6.3': 0.3 },
    lifeEvents: { KE1: 0.8, KE7: 0.8, KE13: 0.6, KE14: 0.5 },
  },
  friends: {
    stems: {
      fi: {
        ...s('ystäv =kaveri kaveri yksinäi vertais kohtaamisp vapaaehtoi olohuone nuorisotil nuorisotal nuorisokahvil =kerho'),
        ...s('=ryhmä ryhmätoim yhteisö osallisuu =seura tapaami verkosto harrast', 0.5),
      },
      sv: {
        ...s('=vän =vänn vänskap =kompis =ensam kamrat likställd frivillig träffpunkt mötesplats gemenskap'),
        ...s('=grupp =klubb', 0.5),
      },
      en: {
        ...s('=friend =lonel =peer =volunteer =companion'),
        ...s('=group =club =social =community =meet', 0.5),
      },
    },
    classes: { 'P4.12': 0.6, 'P5.16': 0.6, 'P10.8': 0.6, 'P28.1': 0.5, 'P28.2': 0.3, 'P8.4': 0.3, 'P25.5': 0.2 },
    lifeEvents: { KE5: 0.2, KE14: 0.2 },
  },
  finance: {
    stems: {
      fi: {
        ...s('=raha =velk velkaneuv talousneuv =talou toimeentul =etuu etuuks =avustu köyhy vähävarai ulosot luottotie maksuhäir =kela =eläke eläkk asumistu opintotu työttömyysturv =korvau =budjet =tulot =laina'),
        ...s('=tuki =tuet =maksu =vero rahoitu =säästö', 0.4),
      },
      sv: {
        ...s('=pengar ekonom =skuld utkomst =bidrag förmån =lån =kredit utsökning fattig =budget pension ersättning inkomst'),
        ...s('=stöd =avgift =skatt', 0.4),
      },
      en: {
        ...s('=money =financ =debt =econom =benefit =allowance =loan =credit =poverty =budget =pension =income =compensation =subsid'),
        ...s('=grant =fee =tax', 0.4),
      },
    },
    classes: { 'P15.1': 0.9, P15: 0.4, 'P4.10': 0.9, 'P1.4': 0.6, 'P10.6': 0.7, P13: 0.5, 'P6.14': 0.6, 'P14.1': 0.3, 'P15.3': 0.5, 'P15.5': 0.5 },
    lifeEvents: { KE9: 0.9, KE8: 0.6, KE10: 0.5, KE14: 0.3, KE7: 0.3, KE4: 0.2 },
  },
  improvement_of_strengths: {
    stems: {
      fi: {
        ...s('harrast kulttuur =taide =taite =taiteil musiik liikunt urheil kirjast museo kansalaisop =opisto teatter tapahtum =leiri retkei ulkoilu kalastu metsästy vaikuttami osaami kehittämi =kerho nuorisotoim'),
        ...s('=kurssi =tiede =luonto =näyttely =tieto =itse', 0.5),
      },
      sv: {
        ...s('=hobb kultur =konst musik =motion idrott bibliotek =muse =teater evenemang =läger friluft utveckl kompetens'),
        ...s('=kurs =utställning =vetenskap', 0.5),
      },
      en: {
        ...s('=hobb =cultur =arts =artist =music =sport =exercis =librar =museum =leisure =theatre =theater =event =camp =outdoor =skill'),
        ...s('=course =develop =learn =science =exhibition', 0.5),
      },
    },
    classes: { P25: 0.7, P27: 0.7, 'P28.2': 0.7, 'P6.10': 0.5, 'P25.7': 0.8, 'P8.3': 0.3, 'P28.6': 0.4, 'P28.7': 0.4, 'P22.3': 0.4, 'P6.15': 0.3 },
    lifeEvents: { KE3: 0.2, KE10: 0.2 },
  },
  self_esteem: {
    stems: {
      fi: {
        ...s('itsetun itseluot tukihenkil =mentor minäkuv =kiusa kiusaami syrjin =häpeä rohkeu voimaantu'),
        ...s('psykolog keskusteluap =arvostu =nuor', 0.4),
      },
      sv: {
        ...s('självkänsl självförtro stödperson =mentor =mobb diskriminer självbild'),
        ...s('psykolog samtalsstöd =ung', 0.4),
      },
      en: {
        ...s('=esteem =confiden =mentor =bully =discrimin =empower'),
        ...s('=psycholog =young =youth', 0.4),
      },
    },
    classes: { 'P28.4': 0.3, 'P5.7': 0.3, 'P4.12': 0.2, 'P28.1': 0.3 },
    lifeEvents: {},
  },
  life_satisfaction: {
    stems: {
      fi: {
        ...s('tyytyväi mielenterv masennu ahdistu hyvinvoin onnelli jaksami elämänhallin elämänlaa =mieliala =mieli'),
        ...s('=elämä yksinäi kriisi', 0.5),
      },
      sv: {
        ...s('tillfredsst =livs välbefinn välmående depression ångest psykisk =mental =lycka'),
        ...s('=liv ensam', 0.5),
      },
      en: {
        ...s('=satisf =wellbeing =depress =anxi =mental =happi'),
        ...s('=life =lonel', 0.5),
      },
    },
    classes: { 'P5.7': 0.6, 'P5.17': 0.3, 'P28.4': 0.3, 'P4.13': 0.2 },
    lifeEvents: { KE14: 0.3, KE11: 0.2 },
  },
};

/** A compiled matcher for one language: exact-start stems and compound-inner stems. */
interface CompiledLexicon {
  /** stem → [meter index, weight][] for stems that must start a word. */
  prefix: Map<string, [number, number][]>;
  /** stems that may occur anywhere inside a word (five letters or more, not '='-marked). */
  infix: { stem: string; meter: number; weight: number }[];
  prefixLengths: number[];
  /** Infix stems by their first letters, for finding them inside a word. */
  infixByHead: Map<string, { stem: string; meter: number; weight: number }[]>;
}

function compile(lang: 'fi' | 'sv' | 'en'): CompiledLexicon {
  const prefix = new Map<string, [number, number][]>();
  const infix: CompiledLexicon['infix'] = [];
  METERS.forEach((m, mi) => {
    for (const [raw, w] of Object.entries(METER_PRIOR[m].stems[lang])) {
      const anchored = raw.startsWith('=');
      const stem = anchored ? raw.slice(1) : raw;
      if (!anchored && stem.length >= 5) infix.push({ stem, meter: mi, weight: w });
      else {
        const list = prefix.get(stem) ?? [];
        list.push([mi, w]);
        prefix.set(stem, list);
      }
    }
  });
  const prefixLengths = [...new Set([...prefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  const infixByHead = new Map<string, CompiledLexicon['infix']>();
  for (const x of infix) {
    const head = x.stem.slice(0, INFIX_HEAD);
    const list = infixByHead.get(head) ?? [];
    list.push(x);
    infixByHead.set(head, list);
  }
  return { prefix, infix, prefixLengths, infixByHead };
}

/** Infix stems (five letters or more) are found through their first three letters, not by trying each one on every word. */
const INFIX_HEAD = 3;

let compiled: Record<'fi' | 'sv' | 'en', CompiledLexicon> | null = null;
function lexicons(): Record<'fi' | 'sv' | 'en', CompiledLexicon> {
  compiled ??= { fi: compile('fi'), sv: compile('sv'), en: compile('en') };
  return compiled;
}

/** One hit of the prior: a word in the text that points to a meter. */
export interface PriorHit {
  meter: number;
  weight: number;
  word: string;
}

const tokenHitCache = new Map<string, PriorHit[]>();

/** Prior hits for one folded word token; searched in all three languages because text language is often unknown. */
export function priorHitsForToken(token: string): PriorHit[] {
  const cached = tokenHitCache.get(token);
  if (cached) return cached;
  const best = new Map<number, number>();
  for (const lex of Object.values(lexicons())) {
    for (const len of lex.prefixLengths) {
      if (len > token.length) break;
      const hits = lex.prefix.get(token.slice(0, len));
      if (hits) for (const [m, w] of hits) best.set(m, Math.max(best.get(m) ?? -Infinity, w));
    }
    for (let at = 0; at + 5 <= token.length; at++) {
      const list = lex.infixByHead.get(token.slice(at, at + INFIX_HEAD));
      if (!list) continue;
      for (const { stem, meter, weight } of list) {
        if (token.startsWith(stem, at)) best.set(meter, Math.max(best.get(meter) ?? -Infinity, weight));
      }
    }
  }
  const out = [...best.entries()].sort((a, b) => a[0] - b[0]).map(([meter, weight]) => ({ meter, weight, word: token }));
  if (tokenHitCache.size > 200_000) tokenHitCache.clear();
  tokenHitCache.set(token, out);
  return out;
}

/** Whether a code equals a prefix code or is one of its sub-codes (P5.1 under P5, KE4.1 under KE4). */
export function codeUnder(code: string, parent: string): boolean {
  return code === parent || (code.length > parent.length && code.startsWith(parent) && code[parent.length] === '.');
}

/** Most specific weight a classification code gets for a meter from a code → weight table. */
export function codeWeight(code: string, table: Record<string, number>): number | undefined {
  // Asked for every code of every service, per meter: a region's build asks the same few hundred codes a million times.
  let memo = codeWeightMemo.get(table);
  if (!memo) codeWeightMemo.set(table, (memo = new Map()));
  if (memo.has(code)) return memo.get(code);
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (codeUnder(code, key) && (best === undefined || key.length > best.length)) best = key;
  }
  const weight = best === undefined ? undefined : table[best];
  memo.set(code, weight);
  return weight;
}
const codeWeightMemo = new WeakMap<Record<string, number>, Map<string, number | undefined>>();
