import type { LocalizedText } from '../model';

/**
 * The course packs shipped with the app (issue 11), in the order a start screen offers them. Files
 * are relative to the bundled resources folder (electron/backend/shipped-courses.ts resolves them);
 * resources/courses/build-courses.ts builds them from the real data and a test keeps each file's
 * manifest in step with this list.
 */
export interface ShippedCourse {
  /** The pack's manifest id. */
  id: string;
  /** Relative to the resources folder. */
  file: string;
  title: LocalizedText;
}

export const SHIPPED_COURSES: readonly ShippedCourse[] = [
  {
    id: 'nuoret-kiinni-yhteiskunnassa',
    file: 'courses/nuoret-kiinni-yhteiskunnassa.kohtaanto-course',
    title: { fi: 'Nuoret kiinni yhteiskunnassa', sv: 'Unga med i samhället', en: 'Young people engaged in society' },
  },
  {
    id: 'ulkomaiset-opiskelijat',
    file: 'courses/ulkomaiset-opiskelijat.kohtaanto-course',
    title: {
      fi: 'Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään',
      sv: 'Utländska studerande fäster sig vid det finländska arbetslivet',
      en: 'International students attaching to Finnish working life',
    },
  },
  {
    id: 'jatkuva-oppiminen',
    file: 'courses/jatkuva-oppiminen.kohtaanto-course',
    title: { fi: 'Kiinni työelämässä jatkuvan oppimisen avulla', sv: 'Kvar i arbetslivet genom kontinuerligt lärande', en: 'Staying in working life through continuous learning' },
  },
  {
    id: 'laheisen-kuolema',
    file: 'courses/laheisen-kuolema.kohtaanto-course',
    title: { fi: 'Läheisen kuolema', sv: 'När en närstående dör', en: 'Death of a close relative' },
  },
];

export type ShippedCourseId = (typeof SHIPPED_COURSES)[number]['id'];

export function shippedCourse(id: string): ShippedCourse | undefined {
  return SHIPPED_COURSES.find((c) => c.id === id);
}
