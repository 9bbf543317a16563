import type { Browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { open(o: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * The "open the side panel" shortcut. Chrome offers no built-in command for an
 * extension's side panel, so ours calls sidePanel.open straight from the command event
 * (a keyboard command counts as a user gesture only until the first await). Firefox
 * has the built-in `_execute_sidebar_action` and never sends this command; the fallback
 * is there for a browser that has sidebarAction but sends it anyway.
 */
export function openSidePanelFor(api: PanelApis, tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (api.sidePanel && tab?.windowId !== undefined) return api.sidePanel.open({ windowId: tab.windowId });
  if (api.sidebarAction) return api.sidebarAction.open();
  return Promise.resolve();
}
