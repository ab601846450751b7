import type { ReceivedItem } from '../domain/received';

/** A received item as the API shows it (object keys, the delivery key and the origin stay inside). */
export function receivedView(item: ReceivedItem) {
  return {
    id: item.id,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    source: item.source,
    state: item.state,
    receivedAt: item.receivedAt,
    sender: item.sender,
    requisites: item.requisites,
    files: item.files.map((f) => ({
      name: f.name,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      ...(f.singleFile ? { singleFile: true } : {}),
    })),
    ...(item.verification ? { verification: item.verification } : {}),
    ...(item.quarantine ? { quarantine: item.quarantine } : {}),
    ...(item.openedAt ? { openedAt: item.openedAt } : {}),
    ...(item.registration ? { registration: item.registration } : {}),
    ...(item.refusal ? { refusal: item.refusal } : {}),
    ...(item.receipt
      ? {
          receipt: {
            at: item.receipt.at,
            sha256: item.receipt.sha256,
            ...(item.receipt.messageId ? { messageId: item.receipt.messageId } : {}),
          },
        }
      : {}),
  };
}

export type ReceivedView = ReturnType<typeof receivedView>;
