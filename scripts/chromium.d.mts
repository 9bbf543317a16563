import type { BrowserContext, Page, Worker } from 'playwright-core';

export const ROOT: string;
export const EXTENSION_DIR: string;
export const OTHER_HOST: string;
export function chromiumPath(): string;
export function launchChromium(opts?: {
  withExtension?: boolean;
  headless?: boolean;
  locale?: string;
  args?: string[];
  mapHosts?: string[];
  mapPort?: number;
  env?: Record<string, string>;
  extensionDir?: string;
  userDataDir?: string;
}): Promise<{
  context: BrowserContext;
  worker: Worker | null;
  extensionId: string;
  /** Uncaught errors of the browser's pages ("address: message"). */
  errors: string[];
  close(): Promise<void>;
}>;
export function readDb(page: Page, tables?: string[]): Promise<Record<string, Array<Record<string, unknown>>>>;
