import { browser } from 'wxt/browser';
import { getDb, type DutyRecord } from '../db/schema';
import type { Handlers } from '../messaging/router';
import { backgroundText } from '../ui/page-strings';
import { countForm } from '../ui/messages-table';
import { applyReading, confirmDeadline, markSent, saveDuty, setDone, snoozeDuty } from './store';
import { dutyDoubts } from './doubts';
import { badgeChangeAt, DEFAULT_DUTY_SETTINGS, DUTY_SETTINGS_KEY, dueReminder, isDutySettings, nextReminderAt, reviewsOwed, type DueReminder, type DutySettings } from './schedule';

/** Alarm and notification names: one per duty. */
const PREFIX = 'duty:';
const nameOf = (id: string) => `${PREFIX}${id}`;
const idOf = (name: string) => (name.startsWith(PREFIX) ? name.slice(PREFIX.length) : null);

type Text = Awaited<ReturnType<typeof backgroundText>>;

export async function loadSettings(): Promise<DutySettings> {
  const got = await browser.storage.local.get(DUTY_SETTINGS_KEY);
  const s = got[DUTY_SETTINGS_KEY];
  return isDutySettings(s) ? s : DEFAULT_DUTY_SETTINGS;
}

/** The toolbar badge: how many reviews the learner still owes. */
export async function updateBadge(now = Date.now()): Promise<number> {
  const open = await getDb().duties.where('status').equals('open').toArray();
  const owed = reviewsOwed(open, now);
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  await action?.setBadgeText({ text: owed > 0 ? String(owed) : '' });
  await action?.setBadgeBackgroundColor?.({ color: '#b42318' });
  return owed;
}

function when(msg: Text, at: number): string {
  return new Intl.DateTimeFormat(msg('localeCode') || undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

function hoursLeft(msg: Text, at: number, now: number): string {
  const h = Math.max(0, Math.round((at - now) / 3_600_000));
  const [key, n] = h >= 48 ? (['dutyInDays', Math.round(h / 24)] as const) : (['dutyInHours', h] as const);
  return msg(countForm(key, n, msg('localeCode')), n);
}

/** Chrome's notifications take buttons; Firefox's do not (a click on the notification opens the page). */
const BUTTONS = !import.meta.env.FIREFOX;

async function notify(d: DutyRecord, due: DueReminder, now: number): Promise<void> {
  // In the interface language the learner chose, not only the browser's.
  const msg = await backgroundText();
  const at = due.deadline.at;
  const left = hoursLeft(msg, at, now);
  const message =
    due.deadline.kind === 'review'
      ? msg('dutyNotifyReview', d.reviewsRequired - d.reviewsGiven, d.reviewsRequired, when(msg, at), left)
      : msg('dutyNotifySubmit', when(msg, at), left);
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/duties/bell-128.png'),
    title: d.course ? `${d.title} · ${d.course}` : d.title,
    message,
    priority: 2,
    ...(BUTTONS ? { buttons: [{ title: msg('dutyOpen') }, { title: msg('dutySnooze') }] } : {}),
  };
  await browser.notifications.create(nameOf(d.id), options);
}

/**
 * Brings one duty's reminder in line with the database: shows what is due now (once), then
 * sets one alarm for the next moment the duty needs the learner. Alarms persist across
 * restarts, and this runs again at every start, so nothing depends on a live worker.
 */
export async function syncDuty(id: string, settings?: DutySettings, now = Date.now()): Promise<void> {
  const s = settings ?? (await loadSettings());
  const db = getDb();
  let d = await db.duties.get(id);
  if (!d) {
    await browser.alarms.clear(nameOf(id));
    await browser.notifications.clear(nameOf(id)).catch(() => false);
    return;
  }
  const due = dueReminder(d, s, now);
  if (due) {
    d = await markSent(db, id, due.keys, due.snoozed, now);
    await notify(d, due, now).catch((err) => console.warn('[MoocMate] notification failed', err));
  }
  if (d.status === 'done') await browser.notifications.clear(nameOf(id)).catch(() => false);
  // Also woken at the review deadline after the last reminder, so the badge stops counting it then.
  const times = [nextReminderAt(d, s, now), badgeChangeAt(d, now)].filter((t): t is number => t !== null);
  if (times.length === 0) await browser.alarms.clear(nameOf(id));
  else await browser.alarms.create(nameOf(id), { when: Math.min(...times) });
}

/** Every duty's reminder, and the badge, from the database (start-up, install, import). */
export async function syncAll(now = Date.now()): Promise<number> {
  const s = await loadSettings();
  const db = getDb();
  const ids = new Set(await db.duties.toCollection().primaryKeys());
  for (const alarm of await browser.alarms.getAll()) {
    const id = idOf(alarm.name);
    if (id && !ids.has(id)) await browser.alarms.clear(alarm.name);
  }
  for (const id of ids) await syncDuty(id, s, now);
  await updateBadge(now);
  return ids.size;
}

async function afterWrite(id: string): Promise<void> {
  await syncDuty(id);
  await updateBadge();
}

export const dutySeen: Handlers['duty.seen'] = async (reading) => {
  const { duty, created } = await applyReading(getDb(), reading, Date.now());
  await afterWrite(duty.id);
  return { dutyId: duty.id, created, doubts: dutyDoubts(duty) };
};

export const dutySave: Handlers['duty.save'] = async (input) => {
  const d = await saveDuty(getDb(), input, Date.now());
  await afterWrite(d.id);
  return { dutyId: d.id };
};

export const dutyConfirm: Handlers['duty.confirm'] = async ({ id, kind }) => {
  await confirmDeadline(getDb(), id, kind, Date.now());
  await afterWrite(id);
  return { dutyId: id };
};

export const dutyDone: Handlers['duty.done'] = async ({ id, done }) => {
  await setDone(getDb(), id, done, Date.now());
  await afterWrite(id);
  return { dutyId: id };
};

async function snooze(id: string, minutes?: number): Promise<number> {
  const s = await loadSettings();
  const now = Date.now();
  const until = now + (minutes ?? s.snoozeMinutes) * 60_000;
  await snoozeDuty(getDb(), id, until, now);
  await browser.notifications.clear(nameOf(id)).catch(() => false);
  await syncDuty(id, s, now);
  return until;
}

export const dutySnooze: Handlers['duty.snooze'] = async ({ id, minutes }) => ({ dutyId: id, until: await snooze(id, minutes) });

export const dutyDelete: Handlers['duty.delete'] = async ({ id }) => {
  await getDb().duties.delete(id);
  await afterWrite(id);
  return { dutyId: id };
};

export const dutyResync: Handlers['duty.resync'] = async () => ({ duties: await syncAll() });

async function openDuty(id: string): Promise<void> {
  const d = await getDb().duties.get(id);
  const url = d?.url && /^https?:/.test(d.url) ? d.url : browser.runtime.getURL('/dashboard.html#/duties');
  await browser.tabs.create({ url });
  await browser.notifications.clear(nameOf(id)).catch(() => false);
}

/** Alarms, notification buttons and settings changes; called once from the background entry. */
export function installDutyReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    const id = idOf(alarm.name);
    if (id) void syncDuty(id).then(() => updateBadge());
  });
  browser.notifications.onButtonClicked?.addListener((notificationId, index) => {
    const id = idOf(notificationId);
    if (!id) return;
    void (index === 0 ? openDuty(id) : snooze(id));
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    const id = idOf(notificationId);
    if (id) void openDuty(id);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && DUTY_SETTINGS_KEY in changes) void syncAll();
  });
  browser.runtime.onStartup.addListener(() => void syncAll());
  browser.runtime.onInstalled.addListener(() => void syncAll());
  // A worker woken for anything else also checks (a missed alarm while the browser slept).
  void syncAll();
}
