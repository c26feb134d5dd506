// Splits the bundled article into headings and sentences, so that
// a fact's `source` can be checked as a whole sentence and its `section` as
// the heading it really sits under.

export interface Sentence {
  text: string;
  /** Heading the sentence sits under (the article title before the first heading). */
  section: string;
  /** The whole line (paragraph or list item) the sentence belongs to. */
  paragraph: string;
}

export interface Article {
  title: string;
  headings: string[];
  /** Body sentences, without captions and the footer (credit and registration). */
  sentences: Sentence[];
}

// A caption starts with a triangle; "Source: ..." closes the body, and what
// follows it (the site's registration line) is not part of the article.
const CAPTION = /^\u25b2/;
const SOURCE_LINE = /^Source:\s/;
// Body text ends a line with punctuation or a lead-in dash ("In 2025 -");
// a heading does not.
const BODY_END = /[.!?;:"'\u201d)-]$/;

export function parseArticle(text: string): Article {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const title = lines[0] ?? '';
  const headings: string[] = [];
  const sentences: Sentence[] = [];
  let section = title;
  for (const line of lines.slice(1)) {
    if (line === '' || CAPTION.test(line)) continue;
    if (SOURCE_LINE.test(line)) break;
    if (!BODY_END.test(line)) {
      headings.push(line);
      section = line;
      continue;
    }
    for (const s of splitSentences(line)) sentences.push({ text: s, section, paragraph: line });
  }
  return { title, headings, sentences };
}

/**
 * Splits one line into sentences: after `.`, `!`, `?` or `;` when white space
 * and a capital, digit or opening quote follow, never inside a quotation (a
 * quoted remark stays with its "exclaimed ..."), nor after "No." as in "No. 1".
 */
export function splitSentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      inQuote = !inQuote;
      continue;
    }
    if (inQuote || !'.!?;'.includes(line.charAt(i))) continue;
    let end = i + 1;
    while (line[end] === '.') end++; // an ellipsis ends where its dots end
    // Its other dots end the same way: on to the last, so a long run is looked at once.
    const last = end - 1;
    if (!/^\s+["A-Z0-9]/.test(line.slice(end))) {
      i = last;
      continue;
    }
    // "No" and the character before it (a word boundary), not everything since the sentence began.
    if (ch === '.' && /\bNo$/.test(line.slice(Math.max(start, i - 3), i))) continue;
    out.push(line.slice(start, end).trim());
    start = end;
    i = end - 1;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** The paragraph (or list item) a sentence sits in, or undefined when the article lacks it. */
export function paragraphOf(article: Article, sentence: string): string | undefined {
  return article.sentences.find((s) => s.text === sentence)?.paragraph;
}
