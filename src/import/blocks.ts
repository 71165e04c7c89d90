/** The neutral block model every extractor produces and the parser consumes. */

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  /** Text with line breaks already joined; may still carry a bullet or number prefix. */
  readonly text: string;
  /** The source marked it as a list item (Word list, bullet glyph). */
  readonly bullet?: boolean;
  /** Heading level from the source's styles, when known. */
  readonly heading?: number;
  /** Page furniture (a page number, a running header or footer): kept so nothing is dropped silently. */
  readonly furniture?: boolean;
  /**
   * A table's header line as the source wrote it, when the table that follows carries a header of
   * the reader's making (a flattened situation table): a label, kept so nothing is dropped.
   */
  readonly tableHeader?: boolean;
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
