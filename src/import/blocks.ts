/** The neutral block model every extractor produces and the parser consumes. */

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  /** Text with line breaks already joined; may still carry a bullet or number prefix. */
  readonly text: string;
  /** The source marked it as a list item (Word list, bullet glyph). */
  readonly bullet?: boolean;
  /** Heading level from the source's styles, when known. */
  readonly heading?: number;
}

export interface TableBlock {
  readonly kind: 'table';
  /** rows → cells → paragraphs of the cell. */
  readonly rows: ReadonlyArray<ReadonlyArray<ReadonlyArray<ParagraphBlock>>>;
}

export type Block = ParagraphBlock | TableBlock;

export function paragraph(text: string, extra: Omit<ParagraphBlock, 'kind' | 'text'> = {}): ParagraphBlock {
  return { kind: 'paragraph', text, ...extra };
}
