import type { ContentItem } from '../../../functions/modules/documents/domain/document';
import { T0 } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';
import { CountingExtractor, RecordingIndex } from './recording-index';

/** A stored "scan" whose text the counting extractor gives back. */
export const scan = new TextEncoder().encode('Sahə İSTANBUL küçəsində');

export function content(id: string, overrides: Partial<ContentItem> = {}): ContentItem {
  return {
    id,
    fileName: `${id}.png`,
    contentType: 'image/png',
    size: scan.byteLength,
    sha256: 'ab'.repeat(32),
    state: 'stored',
    addedAt: T0,
    addedBy: 'clerk',
    ...overrides,
  };
}

/** Without a workflow engine: the texts are extracted in line. */
export function world() {
  const { workflow: _machines, ...rest } = memoryDeps();
  return { ...rest, search: new RecordingIndex(), searchEnabled: true, extractor: new CountingExtractor() };
}

/** With the workflow engine (every Lambda, the embedded default): the content-text machine extracts. */
export function withMachine() {
  return {
    ...memoryDeps(),
    search: new RecordingIndex(),
    searchEnabled: true,
    extractor: new CountingExtractor(),
  };
}
