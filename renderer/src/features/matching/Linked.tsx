import type { Entity } from '../../../../shared/model';
import { entityHref } from './names';

/** An id of a run shown by name, linked to its entity while the entity exists. */
export function Linked({ id, byId, name }: { id: string; byId: Map<string, Entity>; name: (id: string) => string }) {
  const href = entityHref(byId, id);
  return href ? <a href={href}>{name(id)}</a> : <span>{name(id)}</span>;
}
