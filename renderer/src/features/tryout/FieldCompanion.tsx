import type { Entity, EntityKind } from '../../../../shared/model';
import type { FieldSpec } from '../entities/fields';
import { AffinitySuggestions } from './AffinitySuggestions';
import { TryoutPanel } from './TryoutPanel';

/**
 * What the recommender adds below a field of an entity's form: live recommendations under a
 * persona's meter sliders, and the inferred meter labels under a service's own labels.
 */
export function FieldCompanion(props: {
  spec: FieldSpec;
  kind: EntityKind;
  draft: Record<string, unknown>;
  entity?: Entity;
  set(key: string, value: unknown): void;
}) {
  if (props.kind === 'persona' && props.spec.type === 'meters') return <TryoutPanel draft={props.draft} personaId={props.entity?.id} />;
  if (props.kind === 'service' && props.spec.type === 'affinities') return <AffinitySuggestions draft={props.draft} onUse={(v) => props.set('meterAffinities', v)} />;
  return null;
}
