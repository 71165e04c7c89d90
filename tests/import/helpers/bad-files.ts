/** Builders for files the importer must refuse. */
import JSZip from 'jszip';
import { PDFDocument, rgb } from 'pdf-lib';

const enc = new TextEncoder();

/** A minimal PDF whose trailer names a Standard security handler with an unknown user password. */
export function encryptedPdf(): Uint8Array {
  const hex32 = 'a1'.repeat(32);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'0'.repeat(32)}> <${'0'.repeat(32)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc.encode(body);
}

/** A PDF with pages but no text layer, like a scan. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 50, y: 50, width: 495, height: 742, color: rgb(0.9, 0.9, 0.9) });
  }
  return doc.save();
}

export async function zipThatIsNotDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('hello.txt', 'not a word document');
  return zip.generateAsync({ type: 'uint8array' });
}

export function truncatedZip(): Uint8Array {
  const bytes = new Uint8Array(400);
  bytes.set([0x50, 0x4b, 0x03, 0x04]);
  for (let i = 4; i < bytes.length; i++) bytes[i] = (i * 37) % 251;
  return bytes;
}

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
export const BROKEN_PDF = enc.encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage without end');
export const RECIPE = enc.encode(
  'Sjokoladekake\n\nIngredienser:\n- 200 g smør\n- 3 egg\n- 2 dl sukker\n\nSlik gjør du:\nSmelt smøret og rør inn sukker og egg. Stek i 30 minutter.\n',
);
