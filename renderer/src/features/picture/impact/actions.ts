import type { TFunction } from 'i18next';
import { create } from 'zustand';
import { pickText, type Language } from '../../../../../shared/model';
import type { ImpactBox, ImpactLink, ImpactStage, PictureItem } from '../../../../../shared/picture';
import { api } from '../../../api';
import { attempt, useApp } from '../../../app/store';
import { describeError } from '../../../i18n/errors';
import { linkRefusal, newItemId, type LinkRefusal } from './model';

/**
 * The impact logic's UI state and its edits. Every edit is one `picture.put` or `picture.delete`,
 * so one undo step; the picture reloads itself when the change event arrives (usePicture).
 */

export type ImpactMode = 'canvas' | 'outline';
export type Target = { kind: 'box' | 'link'; id: string };

export interface NewBoxForm {
  stage: ImpactStage;
  left: number;
  top: number;
}

interface ImpactUi {
  mode: ImpactMode;
  /** The box or link open in the editor. */
  editing: Target | null;
  /** The quick form for a new box on the diagram, where it was asked for. */
  adding: NewBoxForm | null;
  /** A delete waiting for confirmation. */
  pendingDelete: Target | null;
  set(p: Partial<Omit<ImpactUi, 'set'>>): void;
}

const MODE_KEY = 'kohtaanto.impact.mode';

export const useImpactUi = create<ImpactUi>((set) => ({
  mode: globalThis.localStorage?.getItem(MODE_KEY) === 'outline' ? 'outline' : 'canvas',
  editing: null,
  adding: null,
  pendingDelete: null,
  set(p) {
    if (p.mode) globalThis.localStorage?.setItem(MODE_KEY, p.mode);
    set(p);
  },
}));

const notify = (kind: 'info' | 'error', text: string) => useApp.getState().notify({ kind, text });
const fail = (t: TFunction) => (e: Parameters<typeof describeError>[1]) => describeError(t, e);

export function boxName(box: Pick<ImpactBox, 'name' | 'id'> | undefined, lang: Language): string {
  return box ? pickText(box.name, lang) || box.id : '?';
}

/** Stores one item (create or replace): one undo step. Resolves with it, or undefined when refused. */
export async function putItem<T extends PictureItem>(t: TFunction, item: T): Promise<T | undefined> {
  return (await attempt(() => api.call('picture.put', { item }), fail(t))) as T | undefined;
}

/** A new box in a stage, named in the language the user works in. */
export async function createBox(t: TFunction, lang: Language, stage: ImpactStage, name: string): Promise<ImpactBox | undefined> {
  const box: ImpactBox = { id: newItemId('impactBox'), kind: 'impactBox', stage, name: { [lang]: name }, description: {}, refs: [] };
  const made = await putItem(t, box);
  if (made) notify('info', t('picture.impact.add.created', { name, stage: t(`picture.stage.${stage}`) }));
  return made;
}

/** The sentence that says why a link is refused, naming both boxes and their stages. */
export function refusalText(t: TFunction, lang: Language, why: LinkRefusal, from: ImpactBox, to: ImpactBox): string {
  return t(`picture.impact.refusal.${why}`, {
    from: boxName(from, lang),
    to: boxName(to, lang),
    stage: t(`picture.stage.${from.stage}`),
    fromStage: t(`picture.stage.${from.stage}`),
    toStage: t(`picture.stage.${to.stage}`),
  });
}

/** Links two boxes left to right; a link the rule refuses is not sent, and the reason is shown. */
export async function connectBoxes(
  t: TFunction,
  lang: Language,
  boxes: readonly ImpactBox[],
  links: readonly ImpactLink[],
  sourceId: string,
  targetId: string,
  extra: Pick<ImpactLink, 'assumption' | 'assumptionStatus'> = { assumption: {} },
): Promise<ImpactLink | undefined> {
  const from = boxes.find((b) => b.id === sourceId);
  const to = boxes.find((b) => b.id === targetId);
  if (!from || !to) return undefined;
  const why = linkRefusal(from, to, links);
  if (why) {
    notify('error', refusalText(t, lang, why, from, to));
    return undefined;
  }
  const link: ImpactLink = { id: newItemId('impactLink'), kind: 'impactLink', source: from.id, target: to.id, ...extra };
  const made = await putItem(t, link);
  if (made) notify('info', t('picture.impact.link.created', { from: boxName(from, lang), to: boxName(to, lang) }));
  return made;
}

/** Deletes a box (its links go with it, in the same undo step) or a link. */
export async function deleteTarget(t: TFunction, lang: Language, target: Target, boxes: readonly ImpactBox[], links: readonly ImpactLink[]): Promise<boolean> {
  const r = await attempt(() => api.call('picture.delete', { id: target.id }), fail(t));
  if (!r) return false;
  const ui = useImpactUi.getState();
  if (ui.editing?.id === target.id || (target.kind === 'box' && ui.editing?.kind === 'link' && links.some((l) => l.id === ui.editing?.id && (l.source === target.id || l.target === target.id)))) {
    ui.set({ editing: null });
  }
  const hint = t('picture.impact.del.undoHint');
  if (target.kind === 'box') {
    notify('info', `${t('picture.impact.del.done', { name: boxName(boxes.find((b) => b.id === target.id), lang) })} ${hint}`);
  } else {
    const l = links.find((x) => x.id === target.id);
    const name = (id: string | undefined) => boxName(boxes.find((b) => b.id === id), lang);
    notify('info', `${t('picture.impact.del.linkDone', { from: name(l?.source), to: name(l?.target) })} ${hint}`);
  }
  return true;
}
