// `npm run content:check [dir]`: validates the course files and prints every problem with file and field.
import { ContentError, loadContent } from './load.ts';

const dir = process.argv[2] ?? process.env.CONTENT_DIR ?? './content';
try {
  const content = loadContent(dir);
  console.log(
    `content ok: ${content.lessons.length} lessons, ${content.questions.length} questions, ${content.glossary.length} glossary terms`,
  );
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
