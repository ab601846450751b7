import type { QuarantineReason } from './received';
import { zipEntries } from '../../../platform/kernel/zip';

/**
 * What makes an e-mail to an agency's intake address be kept aside instead of waiting for
 * registration (issue 14): its size, its number of parts, and attachments that are programs
 * (by name and by their first bytes) or archives that would blow up when opened. Pure: it looks at
 * declared sizes and magic numbers only, never runs or unpacks anything.
 */
export const MAIL_LIMITS = {
  /** Largest raw message taken in as a received item (larger ones are kept aside as oversized). */
  maxRawBytes: 25 * 1024 * 1024,
  /** Most attachments one message may carry. */
  maxAttachments: 50,
  /** Most MIME parts (headers, bodies, attachments) the parser may meet. */
  maxParts: 200,
  /** Archive: most entries, most declared uncompressed bytes in all, highest compression ratio. */
  maxArchiveEntries: 10_000,
  maxArchiveBytes: 200 * 1024 * 1024,
  maxArchiveRatio: 100,
} as const;

export interface Verdict {
  reason: QuarantineReason;
  detail: string;
}

/** Names that run when opened: programs, installers, scripts, shortcuts. */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'sys', 'drv', 'ocx',
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'wsf', 'wsh', 'wsc', 'hta',
  'jar', 'class', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'app', 'elf', 'run',
  'lnk', 'url', 'reg', 'inf', 'scf', 'msc', 'gadget', 'application', 'appref-ms', 'apk', 'dmg', 'pkg',
  'deb', 'rpm', 'iso', 'img', 'vhd', 'vhdx', 'xll', 'py', 'pyw', 'pl', 'rb', 'php',
]); // prettier-ignore

/** Names of archives: one inside another is refused (nested archives hide what they carry). */
const ARCHIVE_EXTENSIONS = new Set([
  'zip', 'rar', '7z', 'gz', 'tgz', 'bz2', 'tbz2', 'xz', 'txz', 'tar', 'cab', 'arj', 'lz', 'lzh', 'z',
  'zst', 'ace', 'uue', 'xxe',
]); // prettier-ignore

const extensionOf = (name: string): string => {
  const base = name
    .trim()
    .toLowerCase()
    .replace(/[.\s]+$/, '');
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1);
};

const startsWith = (bytes: Uint8Array, ...magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** What the first bytes say a program is: Windows (MZ), Linux (ELF), macOS (Mach-O), a script (#!). */
export function executableMagic(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0x4d, 0x5a)) return 'MZ';
  if (startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46)) return 'ELF';
  for (const m of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ])
    if (startsWith(bytes, ...m)) return 'Mach-O';
  if (startsWith(bytes, 0x23, 0x21)) return 'script';
  return undefined;
}

const isZip = (bytes: Uint8Array) =>
  startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06);
const isGzip = (bytes: Uint8Array) => startsWith(bytes, 0x1f, 0x8b);

/** A ZIP whose entries are programs, archives again, too many, or would unpack to far too much. */
function zipVerdict(name: string, bytes: Uint8Array): Verdict | undefined {
  const entries = zipEntries(bytes);
  if (!entries) return { reason: 'malformed', detail: `${name}: unreadable ZIP directory` };
  if (entries.length > MAIL_LIMITS.maxArchiveEntries)
    return { reason: 'archive_bomb', detail: `${name}: ${entries.length} entries` };
  let total = 0;
  for (const e of entries) {
    const ext = extensionOf(e.name);
    if (EXECUTABLE_EXTENSIONS.has(ext)) return { reason: 'executable', detail: `${name}: ${e.name}` };
    if (ARCHIVE_EXTENSIONS.has(ext))
      return { reason: 'archive_bomb', detail: `${name}: nested archive ${e.name}` };
    total += e.size;
    const ratio = e.size / Math.max(1, e.compressedSize);
    if (ratio > MAIL_LIMITS.maxArchiveRatio && e.size > 1024 * 1024)
      return { reason: 'archive_bomb', detail: `${name}: ${e.name} expands ${Math.round(ratio)}×` };
  }
  if (total > MAIL_LIMITS.maxArchiveBytes)
    return { reason: 'archive_bomb', detail: `${name}: ${total} bytes unpacked` };
  return undefined;
}

/** A gzip declares its unpacked size (mod 2^32) in its last four bytes. */
function gzipVerdict(name: string, bytes: Uint8Array): Verdict | undefined {
  if (bytes.length < 18) return { reason: 'malformed', detail: `${name}: truncated gzip` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(bytes.length - 4, true);
  const ratio = size / bytes.length;
  if (size > MAIL_LIMITS.maxArchiveBytes || (ratio > MAIL_LIMITS.maxArchiveRatio && size > 1024 * 1024))
    return { reason: 'archive_bomb', detail: `${name}: expands to ${size} bytes` };
  const inner = extensionOf(name.replace(/\.(gz|tgz)$/i, (m) => (m.toLowerCase() === '.tgz' ? '.tar' : '')));
  if (ARCHIVE_EXTENSIONS.has(inner) && inner !== 'tar')
    return { reason: 'archive_bomb', detail: `${name}: nested archive` };
  return undefined;
}

/** Why one attachment keeps its message aside, or undefined when it may wait for registration. */
export function attachmentVerdict(name: string, bytes: Uint8Array): Verdict | undefined {
  const ext = extensionOf(name);
  if (EXECUTABLE_EXTENSIONS.has(ext)) return { reason: 'executable', detail: `${name}: .${ext}` };
  const magic = executableMagic(bytes);
  if (magic) return { reason: 'executable', detail: `${name}: ${magic}` };
  if (isZip(bytes)) return zipVerdict(name, bytes);
  if (isGzip(bytes)) return gzipVerdict(name, bytes);
  return undefined;
}

/** The first reason of the message's attachments, in their order. */
export function attachmentsVerdict(files: Array<{ name: string; bytes: Uint8Array }>): Verdict | undefined {
  if (files.length > MAIL_LIMITS.maxAttachments)
    return { reason: 'too_many_parts', detail: `${files.length} attachments` };
  for (const f of files) {
    const verdict = attachmentVerdict(f.name, f.bytes);
    if (verdict) return verdict;
  }
  return undefined;
}
