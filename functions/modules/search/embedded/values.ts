/** Small pure helpers of the embedded engine: versions, Baku dates, cursors, HTML. */
import { BadRequestError } from '../../../platform/kernel/errors';

/**
 * Orders two item versions: both decimal integers compare as numbers (`9` < `10`), anything
 * else (ISO instants) as text.
 */
export function compareVersions(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const bakuDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Baku',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `yyyy-MM-dd`: the Asia/Baku calendar day of an ISO instant ('' when it is not one). */
export function bakuDate(isoInstant: string): string {
  const time = Date.parse(isoInstant);
  if (Number.isNaN(time)) return '';
  const parts: Record<string, string> = {};
  for (const { type, value } of bakuDay.formatToParts(new Date(time))) parts[type] = value;
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`;
}

/** Where the previous page ended: the sort key of its last hit. */
export type CursorKey = { by: 'score'; score: number; id: string } | { by: 'date'; at: string; id: string };

export function encodeCursor(key: CursorKey): string {
  const raw = key.by === 'score' ? ['s', key.score, key.id] : ['d', key.at, key.id];
  return Buffer.from(JSON.stringify(raw), 'utf8').toString('base64url');
}

const invalidCursor = () => new BadRequestError([{ path: 'cursor', code: 'invalid_cursor' }]);

export function decodeCursor(cursor: string): CursorKey {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(raw) || raw.length !== 3 || typeof raw[2] !== 'string') throw invalidCursor();
  const [by, value, id] = raw as [unknown, unknown, string];
  if (by === 's' && typeof value === 'number' && Number.isFinite(value))
    return { by: 'score', score: value, id };
  if (by === 'd' && typeof value === 'string') return { by: 'date', at: value, id };
  throw invalidCursor();
}

/** Throws the same error for a cursor of another kind of ordering (a text cursor on an empty search). */
export function wrongCursor(): never {
  throw invalidCursor();
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
