import { lazy } from 'react';
import i18next from 'i18next';
import { COMMANDS } from '../../app/commands';
import { navigate, parseRoute } from '../../app/route';
import { useApp } from '../../app/store';
import { courseErrorText } from './courseApi';
import { useCourse } from './courseStore';

export { CourseFrame } from './CourseFrame';
/** Trainer mode, loaded on first visit (authoring and the results table are not needed to start). */
export const TrainerView = lazy(() => import('./TrainerView'));

const isCopyOpen = () => {
  const s = useCourse.getState();
  return !!s.manifest && s.path === useApp.getState().info?.path;
};

// Through the shared list, so the command palette offers them and Ctrl+Enter checks from anywhere.
COMMANDS.push(
  {
    id: 'course.check',
    labelKey: 'course.ui.check',
    shortcuts: ['Mod+Enter'],
    enabled: isCopyOpen,
    async perform(t) {
      if (parseRoute(window.location.hash).view !== 'canvas') navigate({ view: 'canvas', mode: 'map' });
      await useCourse.getState().check((e) => courseErrorText(t, e, i18next.language));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.course-results')?.focus());
    },
  },
  {
    id: 'course.trainer',
    labelKey: 'course.ui.trainer.title',
    shortcuts: [],
    enabled: () => !!useApp.getState().info,
    async perform() {
      navigate({ view: 'course', tab: 'author' });
    },
  },
);
