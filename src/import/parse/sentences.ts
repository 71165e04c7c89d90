/** Sentence splitting that survives abbreviations such as 'pr.', 'kr.', 'jf.' and 'f.eks.'. */

const ABBREVIATIONS = /(?:\b(?:pr|kr|ca|jf|jfr|nr|mnd|evt|inkl|bl\.a|f\.eks|osv|mv|dvs|t\.d|m\.a|kap)|\d)\.$/iu;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]+\s+(?=[\p{Lu}\d«"])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const candidate = text.slice(start, m.index + 1);
    if (ABBREVIATIONS.test(candidate.trimEnd())) continue;
    out.push(text.slice(start, m.index + m[0].length).trim());
    start = m.index + m[0].length;
  }
  out.push(text.slice(start).trim());
  return out.filter((s) => s.length > 0);
}
