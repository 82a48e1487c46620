import { randomUUID } from 'node:crypto';
import type { EntityKind } from '../../../shared/model';

const PREFIX: Record<EntityKind, string> = {
  organisation: 'org',
  service: 'srv',
  channel: 'chn',
  lifeEvent: 'le',
  need: 'need',
  persona: 'per',
};

/** New ids read as what they name (srv-…, need-…), which helps in exports and logs. */
export function newEntityId(kind: EntityKind): string {
  return `${PREFIX[kind]}-${randomUUID().slice(0, 13)}`;
}

export function newLinkId(): string {
  return `lnk-${randomUUID().slice(0, 13)}`;
}
