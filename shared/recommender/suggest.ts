/**
 * The meter model's own opinion of a service, for a facilitator who labels services by hand:
 * per meter, how likely the service is relevant, which of its words say so, and what the
 * labelled examples behind that meter were. Works for any service, also one being edited and
 * not yet saved, and also for meters already labelled (where it may disagree with the label).
 */
import { METERS, type Meter, type Service } from '../model';
import type { RecommenderIndex } from './build';
import { serviceWords } from './features';
import { FeatureSpace, predictMeters, priorEvidence, rawFeatures, topWordsForMeter, vectorise } from './model';

/** One meter's suggestion for a service. */
export interface MeterSuggestion {
  meter: Meter;
  /** Probability that the service is relevant to the meter, 0..1. */
  probability: number;
  /** The service's words that pointed to the meter the most. */
  words: string[];
  /** The facilitator's label for the meter, when there is one. */
  label?: number;
  /** Labelled examples the model learned this meter from (0 positives: the built-in word list alone). */
  examples: { positive: number; negative: number };
}

/** The model's suggestion for each of the ten meters of a service (labelled or not, saved or not). */
export function suggestAffinities(index: RecommenderIndex, service: Service): MeterSuggestion[] {
  const model = index.model;
  const words = serviceWords(service);
  const at = index.position.get(service.id);
  // Life events reached through links count as in the index build, where the service is indexed.
  const lifeEvents = new Set(service.lifeEvents ?? []);
  if (at !== undefined) for (const k of index.serviceLifeEvents[at]) lifeEvents.add(k);
  const codes = {
    serviceClasses: service.serviceClasses ?? [],
    lifeEvents: [...lifeEvents],
    targetGroups: service.targetGroups ?? [],
    ontologyTerms: service.ontologyTerms ?? [],
  };
  const prior = priorEvidence(words, codes).score;
  // A space of its own, mapped into the model's vocabulary by feature name: the same vector the
  // build computed for an indexed service, and a comparable one for a draft.
  const space = new FeatureSpace(model.gramSize);
  const raw = rawFeatures(
    words.filter((w) => !model.isIgnored(w.token)),
    codes,
    space,
  );
  const remap = new Int32Array(space.ids.size).fill(-1);
  for (const [key, id] of space.ids) {
    const v = model.vocab.get(key);
    if (v !== undefined) remap[id] = v;
  }
  const p = predictMeters(model, vectorise(raw, remap, model.idf), prior);
  return METERS.map((meter, m) => ({
    meter,
    probability: Math.round(p[m] * 1e4) / 1e4,
    words: topWordsForMeter(model, words, m),
    ...(service.meterAffinities?.[meter] !== undefined ? { label: service.meterAffinities[meter] } : {}),
    examples: { ...model.examples[m] },
  }));
}
