import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageExtras, PageTools } from '../../../entrypoints/course-page/shared';

// The background's answer to tools.load: the test decides what running the tools script does.
const sendMessage = vi.fn();
vi.mock('../../../src/messaging/client', () => ({ callBackground: (type: string, data: unknown) => sendMessage(type, data) }));

const { shareCore, shareExtras, shareTools, sharedCore, sharedExtras, sharedTools } = await import('../../../entrypoints/course-page/shared');
const { extrasLoader, toolsLoader } = await import('../../../entrypoints/course-page/tools');

const fakeTools = (): PageTools => ({ flagNow: async () => true, addWord: () => null, key: () => false });
const core = (invalid = false) => ({ ctx: { isInvalid: invalid, stop: vi.fn() }, loop: {} }) as unknown as Parameters<typeof shareCore>[0];

afterEach(() => {
  sendMessage.mockReset();
  shareCore(core());
});

describe('page tools, loaded when first needed', () => {
  it('asks the background once for any number of callers at the same time, then answers from what the script shared', async () => {
    shareCore(core());
    const tools = fakeTools();
    sendMessage.mockImplementation(async () => {
      await new Promise((r) => setTimeout(r, 5));
      shareTools(tools); // what the tools script does when the background runs it
      return { loaded: true };
    });
    const loader = toolsLoader();
    expect(loader.now()).toBeNull();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toBe(tools);
    expect(b).toBe(tools);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith('tools.load', {});
    await loader.load();
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('a load that fails (a stopped service worker, a refused page) is tried again on the next need', async () => {
    shareCore(core());
    sendMessage.mockRejectedValueOnce(new Error('No answer from MoocMate.'));
    const loader = toolsLoader();
    await expect(loader.load()).rejects.toThrow('No answer from MoocMate.');
    const tools = fakeTools();
    sendMessage.mockImplementationOnce(async () => (shareTools(tools), { loaded: true }));
    await expect(loader.load()).resolves.toBe(tools);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('says so when the background ran the script but no tools came of it', async () => {
    shareCore(core());
    sendMessage.mockResolvedValueOnce({ loaded: true });
    await expect(toolsLoader().load()).rejects.toThrow('could not start its tools');
  });

  it('the rare parts load the same way, with their own message', async () => {
    shareCore(core());
    const extras = { seekTo: vi.fn() } as unknown as PageExtras;
    sendMessage.mockImplementationOnce(async () => (shareExtras(extras), { loaded: true }));
    const loader = extrasLoader();
    expect(loader.now()).toBeNull();
    await expect(loader.load()).resolves.toBe(extras);
    expect(sendMessage).toHaveBeenCalledWith('extras.load', {});
    sendMessage.mockResolvedValueOnce({ loaded: true });
    shareCore(core()); // a newer copy: its extras are not in yet
    await expect(extrasLoader().load()).rejects.toThrow('could not start on this page');
  });

  it('a new copy of the capture script stops the old copy and drops its tools and extras; an invalid core is not handed out', () => {
    const older = core();
    shareCore(older);
    shareTools(fakeTools());
    shareExtras({} as PageExtras);
    expect(sharedTools()).not.toBeNull();
    shareCore(core());
    expect(sharedTools()).toBeNull();
    expect(sharedExtras()).toBeNull();
    expect(older.ctx.stop).toHaveBeenCalledTimes(1);
    shareCore(core(true));
    expect(sharedCore()).toBeNull();
  });
});
