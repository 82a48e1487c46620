import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../api', () => ({ api: { call: async () => null, on: () => () => {} } }));
vi.mock('../../i18n', () => ({ default: { t: (k: string) => k, language: 'fi', on: () => {} } }));

// Frames run as timers here: a test can step through them.
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => setTimeout(() => fn(performance.now()), 16));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('fitShown', () => {
  it('stands the opening fit down only while its own fit is on its way, also when there is no map to fit', async () => {
    const { attachFlow, fitOnItsWay, fitShown } = await import('./actions');
    attachFlow(null, null);
    fitShown({ placed: { a: { x: 0, y: 0 } } });
    expect(fitOnItsWay()).toBe(true);
    // It waits a few seconds at most for a map that never comes.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fitOnItsWay()).toBe(false);
  });

  it('fits a map that is there, and counts down after a fit that fails', async () => {
    const { attachFlow, fitOnItsWay, fitShown } = await import('./actions');
    const fitView = vi.fn(async () => {
      throw new Error('no size');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    attachFlow({ fitView, getNode: () => undefined, getZoom: () => 1 } as never, null);
    fitShown();
    await vi.advanceTimersByTimeAsync(100);
    expect(fitView).toHaveBeenCalledTimes(1);
    expect(fitOnItsWay()).toBe(false);
    expect(error).toHaveBeenCalled();
    attachFlow(null, null);
  });
});
