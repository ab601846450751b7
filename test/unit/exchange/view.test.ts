import { describe, expect, it } from 'vitest';
import { receivedView } from '../../../functions/modules/exchange/usecases/view';
import { exchangeWorld, storedItem } from './world';

describe('a received item as the API shows it', () => {
  it('leaves out object keys, the delivery key and the origin', async () => {
    const item = await storedItem(exchangeWorld(), {
      receipt: { at: 'x', key: 'secret-key', sha256: 'abc' },
    });
    const view = receivedView(item);
    expect(view.receipt).toEqual({ at: 'x', sha256: 'abc' });
    expect(JSON.stringify(view)).not.toMatch(/secret-key|deliveryKey|origin|exchange\/received/);
    expect(view.files[0]).toEqual(
      expect.objectContaining({ singleFile: true, sha256: item.files[0]!.sha256 }),
    );
  });
});
