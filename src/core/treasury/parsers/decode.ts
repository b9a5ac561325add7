import { refuseFile } from './statement.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A bank file's bytes as text: UTF-8 (a byte order mark is dropped). A file in
 * UTF-16 (it starts with FF FE or FE FF) or one whose bytes are no UTF-8 is
 * refused: read as UTF-8 its remarks, and the payment references in them,
 * would be garbled.
 */
export function decodeBankFile(bytes: Uint8Array): string {
  if (bytes.length === 0) refuseFile('berkas kosong', 'the file is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    refuseFile(
      'berkas ber-encoding UTF-16; simpan ulang sebagai UTF-8 (atau unduh ulang dari bank) lalu kirim lagi',
      'the file is encoded as UTF-16; save it again as UTF-8 (or download it again from the bank) and send it again',
    );
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    refuseFile(
      'berkas bukan teks UTF-8 yang sah (encoding salah); unduh ulang dari bank atau simpan ulang sebagai UTF-8',
      'the file is not valid UTF-8 text (wrong encoding); download it again from the bank or save it again as UTF-8',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000'))
    refuseFile(
      'berkas berisi karakter NUL (biner atau UTF-16); simpan ulang sebagai UTF-8',
      'the file holds NUL characters (binary or UTF-16); save it again as UTF-8',
    );
  return text.replace(/\r\n?/g, '\n');
}
