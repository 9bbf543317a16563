import { getDb } from '../../src/db/schema';
import { t, uiLocale } from '../../src/ui/i18n';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { lectureHref } from './use-route';

const db = getDb();

/** Courses and their lectures, most recently seen first. */
export function Library({ currentLecture }: { currentLecture: string | null }) {
  const data = useLiveQuery(
    async () => {
      const [courses, lectures, tracks] = await Promise.all([
        db.courses.orderBy('lastSeen').reverse().toArray(),
        db.lectures.orderBy('lastSeen').reverse().toArray(),
        db.tracks.toArray(),
      ]);
      const languages = new Map<string, string[]>();
      for (const tr of tracks) languages.set(tr.lectureId, [...(languages.get(tr.lectureId) ?? []), tr.language || '?']);
      return courses.map((c) => ({
        course: c,
        lectures: lectures.filter((l) => l.courseId === c.id).map((l) => ({ lecture: l, languages: languages.get(l.id) ?? [] })),
      }));
    },
    [],
    null,
  );
  if (data === null) return <p class="muted">{t('loading')}</p>;
  if (data.length === 0) return <p class="empty">{t('libraryEmpty')}</p>;
  const date = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' });
  return (
    <nav aria-label={t('courses')} class="library">
      {data.map(({ course, lectures }) => (
        <section key={course.id} class="course">
          <h2>{course.title}</h2>
          <ul>
            {lectures.map(({ lecture, languages }) => (
              <li key={lecture.id}>
                <a href={lectureHref(lecture.id)} aria-current={lecture.id === currentLecture ? 'page' : undefined} class="lecture-link">
                  <span class="lecture-name">{lecture.title}</span>
                  <span class="muted small">
                    <bdi>{languages.sort().join(' · ')}</bdi> — <bdi>{date.format(lecture.lastSeen)}</bdi>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
