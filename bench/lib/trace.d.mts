// Types of trace.mjs, for the e2e tests that read a trace too.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string }; beginData?: { url?: string } };
}
export const TRACE_CATEGORIES: string;
export const SCRIPT_EVENTS: Set<string>;
export function readTrace(cdp: CDPSession): Promise<TraceEvent[]>;
export function pageMainThread(events: TraceEvent[], urlPart: string): { pid: number; tid: number } | null;
export function extensionCalls(events: TraceEvent[], thread: { pid: number; tid: number }): TraceEvent[];
