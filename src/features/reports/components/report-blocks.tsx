/**
 * A report's blocks (src/reports/content.ts) as HTML: the printable view shows exactly what the
 * .docx holds. Its title is a level-2 heading under the page's own, areas level 3, their parts
 * level 4; tables have a caption and column headers.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReportBlock } from '../../../reports/content';

const useStyles = makeStyles({
  document: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  h1: { margin: `${tokens.spacingVerticalL} 0 0`, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, breakAfter: 'avoid' },
  h2: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, breakAfter: 'avoid' },
  paragraph: { margin: 0 },
  strong: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: 'start',
      verticalAlign: 'top',
    },
    '& th': { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  },
  caption: { captionSide: 'top', textAlign: 'start', color: tokens.colorNeutralForeground3, paddingBlockEnd: tokens.spacingVerticalXXS },
});

export function ReportBlocks({ blocks, lang }: { blocks: readonly ReportBlock[]; lang: string }) {
  const styles = useStyles();
  return (
    <div className={styles.document} lang={lang} data-report-document>
      {blocks.map((block, index) => {
        const key = `${index}`;
        switch (block.kind) {
          case 'title':
            return (
              <h2 key={key} className={styles.title}>
                {block.text}
              </h2>
            );
          case 'heading':
            return block.level === 1 ? (
              <h3 key={key} className={styles.h1}>
                {block.text}
              </h3>
            ) : (
              <h4 key={key} className={styles.h2}>
                {block.text}
              </h4>
            );
          case 'paragraph':
            return (
              <p key={key} className={block.emphasis === 'strong' ? styles.strong : block.emphasis === 'muted' ? styles.muted : styles.paragraph}>
                {block.text}
              </p>
            );
          case 'list':
            return (
              <ul key={key} className={styles.list}>
                {block.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <div key={key} className={styles.scroll} role="region" aria-label={block.caption} tabIndex={0}>
                <table className={styles.table}>
                  <caption className={styles.caption}>{block.caption}</caption>
                  <thead>
                    <tr>
                      {block.header.map((h, i) => (
                        <th key={i} scope="col" style={{ width: `${block.widths[i] ?? 10}%` }}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, c) => (
                          <td key={c}>{cell}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}
