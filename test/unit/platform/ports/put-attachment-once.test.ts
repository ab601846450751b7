import { describe, expect, it } from 'vitest';
import { putAttachmentOnce } from '../../../../functions/platform/ports/object-store.port';
import { MemoryObjectStore } from '../../../support/fakes/object-store';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a write-once put that a retry may repeat', () => {
  it('stores the object the first time and answers the stored version on a repeat', async () => {
    // Arrange
    const objects = new MemoryObjectStore();

    // Act
    const first = await putAttachmentOnce(objects, 't1/a.pdf', bytes('first'), 'application/pdf');
    const again = await putAttachmentOnce(objects, 't1/a.pdf', bytes('a retry'), 'application/pdf');

    // Assert
    expect(first).toBeTruthy();
    expect(again).toBe(first);
    expect(new TextDecoder().decode(await objects.get({ bucket: 'attachments', key: 't1/a.pdf' }))).toBe(
      'first',
    );
  });

  it('lets any other failure of the store through', async () => {
    // Arrange
    const objects = new MemoryObjectStore();
    objects.put = () => Promise.reject(new Error('storage unreachable'));

    // Act
    const put = putAttachmentOnce(objects, 't1/b.pdf', bytes('x'), 'application/pdf');

    // Assert
    await expect(put).rejects.toThrow('storage unreachable');
  });
});
