/**
 * Reading the member card's QR with the device's camera (pure parts, tested without a browser):
 * the decoder is loaded only when the cashier opens the camera (it is bundled, so it works
 * offline), frames are scaled down before decoding, and a decoded text is judged against the
 * device's copy of the directory the same way as a typed card code (member-match.ts).
 */
import { cardCodeIn, matchMembers, type DirectoryMember } from './member-match.ts';

/** Decodes a QR in RGBA pixels; null when the frame shows none. */
export type QrDecoder = (rgba: Uint8ClampedArray, width: number, height: number) => string | null;

/** jsQR, loaded on first use (its own chunk, so the cashier's first load does not grow). */
export async function loadQrDecoder(): Promise<QrDecoder> {
  const { default: jsQR } = await import('jsqr');
  return (rgba, width, height) =>
    jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** The size a video frame is decoded at: its longer side at most `max` px (a card QR needs no more). */
export function frameSize(width: number, height: number, max = 640) {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** What a decoded QR means at the counter. */
export type ScanResult =
  | { kind: 'member'; member: DirectoryMember }
  | { kind: 'unknownMember'; code: string }
  | { kind: 'notCard' };

/**
 * The active member whose card code the QR holds; `unknownMember` for a card code of no active
 * member on the device's directory (another cooperative's card, a member who left, or a directory
 * older than the card); `notCard` for any other QR.
 */
export function scanResult(directory: readonly DirectoryMember[], text: string): ScanResult {
  const code = cardCodeIn(text);
  if (!code) return { kind: 'notCard' };
  const [member] = matchMembers(directory, code, 1);
  return member ? { kind: 'member', member } : { kind: 'unknownMember', code };
}

/** Why the camera could not be opened, for the message the cashier reads. */
export type CameraProblem = 'denied' | 'noCamera' | 'failed';

/** The problem a failed `getUserMedia` (or its absence, e.g. on a page not served over HTTPS) means. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'TypeError')
    return 'noCamera';
  return 'failed';
}
