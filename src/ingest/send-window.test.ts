import { describe, expect, it } from 'vitest';
import { SendWindow } from './send-window.js';

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SendWindow', () => {
  it('lets a fast producer run at most `size` events ahead of a slow consumer', async () => {
    const window = new SendWindow(5);
    const sent: number[] = [];
    let highest = 0;
    const producer = (async () => {
      for (let i = 0; i < 40; i++) {
        await window.take();
        sent.push(i);
        highest = Math.max(highest, window.pending);
      }
    })();

    await settle();
    expect(sent).toHaveLength(5);
    expect(window.pending).toBe(5);

    // The consumer takes two events at a time: the producer sends exactly two more each time.
    let consumed = 0;
    while (consumed < 40) {
      const inQueue = sent.length - consumed;
      expect(inQueue).toBeLessThanOrEqual(5);
      const count = Math.min(2, inQueue);
      consumed += count;
      window.acknowledge(count);
      await settle();
      expect(sent.length - consumed).toBeLessThanOrEqual(5);
    }
    await producer;
    expect(sent).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(highest).toBe(5);
    expect(window.pending).toBe(0);
  });

  it('does not wait while the window has room', async () => {
    const window = new SendWindow(3);
    await window.take();
    await window.take();
    expect(window.pending).toBe(2);
    window.acknowledge(2);
    expect(window.pending).toBe(0);
  });

  it('refuses a window that could never send', () => {
    expect(() => new SendWindow(0)).toThrow(RangeError);
    expect(() => new SendWindow(1.5)).toThrow(RangeError);
  });
});
