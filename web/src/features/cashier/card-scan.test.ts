import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { cameraProblemOf, frameSize, loadQrDecoder, scanResult } from './card-scan.ts';
import type { DirectoryMember } from './member-match.ts';

const member = (no: string, status = 'active'): DirectoryMember => ({
  id: `m${no}`,
  memberNo: no,
  name: `Anggota ${no}`,
  cardCode: `A1571011001-${no}`,
  status,
});
const DIRECTORY = [member('0042'), member('0043', 'left')];

/** `text` as a QR code, black on white with a quiet zone, `scale` px a module, as RGBA pixels. */
function qrPixels(text: string, scale = 6) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + 8) * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const [r, c] = [Math.floor(y / scale) - 4, Math.floor(x / scale) - 4];
      const dark = r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.get(r, c);
      if (dark) rgba.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  return { rgba, size };
}

describe('reading the member card QR', () => {
  it('decodes a rendered card QR to the member whose card it is', async () => {
    const decode = await loadQrDecoder();
    const { rgba, size } = qrPixels('A1571011001-0042');
    const text = decode(rgba, size, size);
    expect(text).toBe('A1571011001-0042');
    expect(scanResult(DIRECTORY, text!)).toEqual({ kind: 'member', member: DIRECTORY[0] });
  });

  it('finds nothing in a blank frame', async () => {
    const decode = await loadQrDecoder();
    expect(decode(new Uint8ClampedArray(64 * 64 * 4).fill(255), 64, 64)).toBeNull();
  });

  it('tells a card of no active member and a QR that is no card apart', () => {
    expect(scanResult(DIRECTORY, 'a1571011001-0043')).toEqual({
      kind: 'unknownMember',
      code: 'A1571011001-0043',
    });
    expect(scanResult(DIRECTORY, 'A3201010001-0042')).toEqual({
      kind: 'unknownMember',
      code: 'A3201010001-0042',
    });
    expect(scanResult(DIRECTORY, 'https://example.com/')).toEqual({ kind: 'notCard' });
    expect(scanResult(DIRECTORY, '00020101021126')).toEqual({ kind: 'notCard' });
  });

  it('scales large frames down and leaves small ones', () => {
    expect(frameSize(1920, 1080)).toEqual({ width: 640, height: 360 });
    expect(frameSize(480, 640)).toEqual({ width: 480, height: 640 });
  });

  it('says why the camera could not open', () => {
    expect(cameraProblemOf(new DOMException('x', 'NotAllowedError'))).toBe('denied');
    expect(cameraProblemOf(new DOMException('x', 'NotFoundError'))).toBe('noCamera');
    expect(cameraProblemOf(new TypeError('no mediaDevices'))).toBe('noCamera');
    expect(cameraProblemOf(new DOMException('x', 'NotReadableError'))).toBe('failed');
  });
});
