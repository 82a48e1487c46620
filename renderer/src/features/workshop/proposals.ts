import type { TFunction } from 'i18next';
import type { ProposalView } from '../../../../shared/workshop/types';

/** What a proposal says, in one line, with the map's names for what it points at. */
export function proposalSummary(p: ProposalView, nameOf: (id: string) => string, t: TFunction): string {
  const x = p.proposal;
  if (x.kind === 'need' || x.kind === 'service') return x.name;
  if (x.kind === 'link') return t('workshop.proposal.linkSummary', { service: nameOf(x.service), need: nameOf(x.need) });
  return t('workshop.proposal.correctionSummary', { entity: nameOf(x.entity), text: x.text });
}
