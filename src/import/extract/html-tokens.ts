/** A minimal tokenizer for the well-formed HTML that mammoth produces. */

export type HtmlToken =
  | { readonly type: 'open'; readonly tag: string; readonly selfClosing: boolean }
  | { readonly type: 'close'; readonly tag: string }
  | { readonly type: 'text'; readonly text: string };

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

export function tokenizeHtml(html: string): HtmlToken[] {
  const out: HtmlToken[] = [];
  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined) out.push({ type: 'text', text: decodeEntities(m[4]) });
    else if (m[2] !== undefined) {
      const tag = m[2].toLowerCase();
      if (m[1] === '/') out.push({ type: 'close', tag });
      else out.push({ type: 'open', tag, selfClosing: /\/\s*$/.test(m[3] ?? '') || tag === 'br' || tag === 'img' });
    }
  }
  return out;
}
