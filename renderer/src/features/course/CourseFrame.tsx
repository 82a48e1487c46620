import './course.css';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { attempt, useApp } from '../../app/store';
import { courseErrorText } from './courseApi';
import { useCourse } from './courseStore';
import { ExercisePanel } from './ExercisePanel';

/**
 * The map with the exercise panel beside it, when the open workspace is a participant's copy of
 * a course pack; any other workspace shows the map alone.
 */
export function CourseFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const path = useApp((s) => s.info?.path ?? null);
  const manifest = useCourse((s) => (s.path === path ? s.manifest : null));
  useEffect(() => {
    void attempt(() => useCourse.getState().load(path), (e) => courseErrorText(t, e));
  }, [path, t]);
  if (!manifest) return <>{children}</>;
  return (
    <div className="course-frame">
      <div className="course-frame-map">{children}</div>
      <ExercisePanel />
    </div>
  );
}
