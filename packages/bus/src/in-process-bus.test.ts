import { describe, expect, it } from 'vitest';
import { createInProcessBus } from './in-process-bus.ts';
import { describeBusContract } from './testing/bus-contract.ts';

describeBusContract('in-process', () => createInProcessBus({ maxBatch: 7 }), { timeoutMs: 10_000 });

describe('in-process bus', () => {
  it('rejects records for a topic that does not exist', async () => {
    const bus = createInProcessBus();
    const producer = await bus.producer();
    await expect(producer.send([{ topic: 'missing', key: null, value: Buffer.from('x') }])).rejects.toThrow(
      /topic "missing" does not exist/,
    );
  });

  it('counts lag per group over all partitions', async () => {
    const bus = createInProcessBus();
    await bus.ensureTopics(['t'], 3);
    const producer = await bus.producer();
    await producer.send(
      Array.from({ length: 9 }, (_, i) => ({ topic: 't', key: `k${i}`, value: Buffer.from('v') })),
    );
    expect(await bus.lag('g', ['t'])).toBe(9);
  });

  it('stops a consumer on a non-retriable handler error and reports the crash', async () => {
    const bus = createInProcessBus();
    await bus.ensureTopics(['t'], 1);
    const producer = await bus.producer();
    await producer.send([{ topic: 't', key: 'k', value: Buffer.from('v') }]);
    const crash = new Promise<Error>((resolve) => {
      void bus.consumer({ groupId: 'g', topics: ['t'], onCrash: resolve }).then((c) =>
        c.start(async () => {
          throw new TypeError('bug in handler');
        }),
      );
    });
    expect((await crash).message).toBe('bug in handler');
    expect(await bus.lag('g', ['t'])).toBe(1);
  });
});
