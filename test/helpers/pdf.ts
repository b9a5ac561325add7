import { inflateSync } from 'node:zlib';

/**
 * The text drawn in a PDF made by pdfkit with the standard fonts: the hex strings of its `TJ` operators,
 * decoded, one drawn string per line. Enough to assert what a person reading the PDF would see.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const body = m[1]!;
    try {
      streams.push(inflateSync(Buffer.from(body, 'latin1')).toString('latin1'));
    } catch {
      streams.push(body);
    }
  }
  const out: string[] = [];
  for (const s of streams) {
    const tj = /\[([^\]]*)\]\s*TJ/g;
    for (let m = tj.exec(s); m; m = tj.exec(s)) {
      const parts = [...m[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((p) =>
        Buffer.from(p[1]!, 'hex').toString('latin1'),
      );
      out.push(parts.join(''));
    }
  }
  return out.join('\n');
}
