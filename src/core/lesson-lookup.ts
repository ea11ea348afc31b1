// Finds a lesson from what a user typed: "2", "aula 2", "lesson 2", "#2", or part of its title.
import { editDistance } from './edit-distance.ts';
import { normalize, tokenize } from './text.ts';

interface Findable {
  number: number;
  id: string;
  title: string;
}

const NUMBER = /^(?:aula|lesson|licao|lição|class)?\s*#?\s*(\d{1,3})$/i;

/** The lessons a query names: one for a number, possibly several for a title fragment; best first. */
export function findLessons<L extends Findable>(lessons: readonly L[], query: string): L[] {
  // A signed number ("-1", "+2") is no lesson, though normalizing would drop its sign.
  if (/^\s*[-+−]\s*\d/.test(query)) return [];
  const q = normalize(query);
  if (!q) return [];
  const byNumber = NUMBER.exec(q);
  if (byNumber) return lessons.filter((l) => l.number === Number(byNumber[1]));
  const words = tokenize(q).filter((w) => w.length > 2 || /\d/.test(w));
  if (words.length === 0) return [];
  const scored = lessons.map((lesson) => {
    const title = tokenize(normalize(`${lesson.title} ${lesson.id.replaceAll('-', ' ')}`));
    let score = 0;
    for (const w of words) {
      if (title.includes(w)) score += 3;
      else if (title.some((t) => t.startsWith(w))) score += 2;
      else if (w.length >= 5 && title.some((t) => editDistance(w, t.slice(0, w.length + 1), 1) <= 1))
        score += 1;
      else return { lesson, score: 0 };
    }
    return { lesson, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.lesson.number - b.lesson.number)
    .map((s) => s.lesson);
}
