/**
 * Builds the paragraphs of the report and numbers its headings itself, so that the numbering is
 * always continuous (docs/narrative.md "Consistency checks" C8: 一…七, （一）…, 1.…, （1）…): no section can be skipped
 * or numbered twice by hand.
 */
import { chineseNumber } from './words';

export type ParagraphKind = 'title' | 'heading1' | 'heading2' | 'heading3' | 'paragraph' | 'signature';

export interface ReportParagraph {
  kind: ParagraphKind;
  text: string;
  /**
   * Which paragraph of the outline this is, the same from run to run whatever the figures say
   * (e.g. `部门基本情况/部门概况/单位概况#1`): a re-run compares the clerk's sheet with what we
   * generated under this key. Set by Outline.
   */
  key?: string;
  /** For a request (（请补充：…。）): the name of the clerk text it asks for. */
  request?: string;
}

export class Outline {
  readonly paragraphs: ReportParagraph[] = [];
  private level1 = 0;
  private level2 = 0;
  private level3 = 0;
  private item = 0;
  /** The unnumbered heading texts above the current position. */
  private path: string[] = [];
  private readonly counts = new Map<string, number>();
  private readonly used = new Set<string>();

  title(text: string): void {
    this.push('title', text, 'title');
  }

  /** 一、部门基本情况 */
  heading1(text: string): void {
    this.level1 += 1;
    this.level2 = this.level3 = this.item = 0;
    this.path = [text];
    this.push('heading1', `${chineseNumber(this.level1)}、${text}`, this.path.join('/'));
  }

  /** （一）部门概况 */
  heading2(text: string): void {
    this.level2 += 1;
    this.level3 = this.item = 0;
    this.path = [this.path[0], text];
    this.push('heading2', `（${chineseNumber(this.level2)}）${text}`, this.path.join('/'));
  }

  /** 1.前期准备 */
  heading3(text: string): void {
    this.level3 += 1;
    this.item = 0;
    this.path = [...this.path.slice(0, 2), text];
    this.push('heading3', `${this.level3}.${text}`, this.path.join('/'));
  }

  /**
   * A body paragraph; empty text is skipped. `id` names it within its section (a clerk text, an
   * item); without one it is the section's next unnamed paragraph.
   */
  paragraph(text: string, id?: string): void {
    if (text.trim()) this.push('paragraph', text, this.keyOf(id));
  }

  /** A request for the clerk text `name`, or the clerk's paragraphs of it (keys `name#1`, `name#2` …). */
  clerkParagraphs(name: string, paragraphs: string[], request: boolean): void {
    paragraphs.forEach((p, i) => {
      if (!p.trim()) return;
      this.push('paragraph', p, this.keyOf(`${name}#${i + 1}`));
      if (request) this.paragraphs[this.paragraphs.length - 1].request = name;
    });
  }

  /** （1）在职人员控制率。… — numbered under the current heading3. */
  item3(text: string, id?: string): void {
    this.item += 1;
    this.push('paragraph', `（${this.item}）${text}`, this.keyOf(id));
  }

  /** 1.… — a numbered paragraph directly under a heading2 (problems and measures). */
  numbered(n: number, text: string, id?: string): void {
    this.push('paragraph', `${n}.${text}`, this.keyOf(id));
  }

  signature(text: string): void {
    this.push('signature', text, this.keyOf(undefined, '落款'));
  }

  private keyOf(id: string | undefined, section = this.path.join('/')): string {
    if (id) return `${section}/${id}`;
    const n = (this.counts.get(section) ?? 0) + 1;
    this.counts.set(section, n);
    return `${section}#${n}`;
  }

  private push(kind: ParagraphKind, text: string, key: string): void {
    // A key twice (two items of the same name) gets a suffix: keys stay unique.
    let unique = key;
    for (let i = 2; this.used.has(unique); i++) unique = `${key}(${i})`;
    this.used.add(unique);
    this.paragraphs.push({ kind, text, key: unique });
  }
}
