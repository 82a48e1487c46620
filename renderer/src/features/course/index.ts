import { createElement, lazy, Suspense } from 'react';
import i18next from 'i18next';
import { COMMANDS } from '../../app/commands';
import { navigate, parseRoute, type CourseTab } from '../../app/route';
import { useApp } from '../../app/store';
import { courseErrorText } from './courseApi';
import { useCourse } from './courseStore';

export { CourseFrame } from './CourseFrame';
const LazyTrainer = lazy(() => import('./TrainerView'));
/** Trainer mode, loaded on first visit (authoring and the results table are not needed to start). */
export function TrainerView({ tab }: { tab: CourseTab }) {
  return createElement(Suspense, { fallback: createElement('p', { role: 'status', className: 'muted' }, i18next.t('app.loading')) }, createElement(LazyTrainer, { tab }));
}

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
