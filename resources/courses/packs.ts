/** Each shipped pack's builder, by pack id (the ids of shared/course/shipped.ts). */
import type { CoursePack } from '../../shared/course/types';
import { buildPack as nuoret } from './nuoret/pack';
import { buildPack as ulkomaiset } from './ulkomaiset-opiskelijat/pack';
import { buildPack as jatkuva } from './jatkuva-oppiminen/pack';
import { buildPack as kuolema } from './laheisen-kuolema/pack';

export const PACK_BUILDERS: Readonly<Record<string, () => Promise<CoursePack>>> = {
  'nuoret-kiinni-yhteiskunnassa': nuoret,
  'ulkomaiset-opiskelijat': ulkomaiset,
  'jatkuva-oppiminen': jatkuva,
  'laheisen-kuolema': kuolema,
};
