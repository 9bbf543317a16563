// Chromium traces through CDP, for the benches that need more than Performance.getMetrics.

export const TRACE_CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline';

/** Ends a trace started with `Tracing.start({ transferMode: 'ReturnAsStream' })` and returns its events. */
export async function readTrace(cdp) {
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The main thread of the renderer that parsed the page whose address contains `urlPart`. */
export function pageMainThread(events, urlPart) {
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').includes(urlPart));
  return parse ? { pid: parse.pid, tid: parse.tid } : null;
}

/** Trace events that run script (top-level calls into JavaScript). */
export const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.callFunction', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'v8.run']);

/**
 * The calls into extension code (chrome-extension:// URLs) on one thread, in time order:
 * each a top-level call, not one nested in another (that is the same call).
 */
export function extensionCalls(events, thread) {
  const ours = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && String(e.args?.data?.url ?? '').startsWith('chrome-extension://'))
    .sort((a, b) => a.ts - b.ts);
  const calls = [];
  let end = -1;
  for (const e of ours) {
    if (e.ts < end) continue;
    calls.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return calls;
}

/**
 * Main-thread figures of one page load: every top-level task's wall time (`dur`) and the
 * time the thread really ran (`tdur`, thread CPU time: without the time it waited for a
 * core, which on a busy 2-core machine is most of a task's wall time), long tasks by either
 * measure, and the top-level script calls into extension code (chrome-extension:// URLs).
 */
export function mainThreadFigures(events, thread) {
  const on = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const tasks = on.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const ms = (us) => (us ?? 0) / 1000;
  const ours = extensionCalls(events, thread);
  const ourWall = ours.reduce((n, e) => n + ms(e.dur), 0);
  const ourCpu = ours.reduce((n, e) => n + ms(e.tdur), 0);
  // A renderer started ahead of need (Chromium's spare renderer) starts in the background and
  // later reclaims its memory in a task of its own: page housekeeping, not any script's.
  const reclaim = tasks.filter((e) => e.args?.src_func === 'OnBackgrounded');
  return {
    tasks: tasks.length,
    reclaimCpuMs: reclaim.reduce((n, e) => n + ms(e.tdur), 0),
    wallMs: tasks.reduce((n, e) => n + ms(e.dur), 0),
    cpuMs: tasks.reduce((n, e) => n + ms(e.tdur), 0),
    longTasksWall: tasks.filter((e) => ms(e.dur) > 50).map((e) => ({ wallMs: ms(e.dur), cpuMs: ms(e.tdur) })),
    maxTaskCpuMs: Math.max(0, ...tasks.map((e) => ms(e.tdur))),
    extensionScript: { wallMs: ourWall, cpuMs: ourCpu, maxCallCpuMs: Math.max(0, ...ours.map((e) => ms(e.tdur))) },
  };
}
