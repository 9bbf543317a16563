import type { PageInfo } from '../messaging/protocol';

/**
 * One course platform. The content entry asks the registry for the first adapter that
 * matches the page; the generic HTML5 adapter matches everything and comes last.
 */
export interface SiteAdapter {
  /** Short stable name, stored with every course and lecture. */
  readonly site: string;
  matches(location: Location, document: Document): boolean;
  /** The videos on the page that hold lectures. */
  findVideos(root: ParentNode): HTMLVideoElement[];
  /** Course and lecture identity for one video (called again when its source changes). */
  describe(video: HTMLVideoElement, document: Document, location: Location): PageInfo;
}
