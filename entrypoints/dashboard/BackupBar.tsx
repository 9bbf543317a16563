import { getDb } from '../../src/db/schema';
import { BackupError, exportBackup, importBackup, wipeAll } from '../../src/db/backup';
import { downloadText } from '../../src/ui/download';
import { t, tn, type MessageKey } from '../../src/ui/i18n';
import { callBackground } from '../../src/messaging/client';

/** Reminders and the badge follow the database; after a bulk change the background plans them again. */
const resyncDuties = () => callBackground('duty.resync', {}).catch(() => undefined);

const db = getDb();

export type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** Export everything as one JSON file, import it back (all or nothing), or delete all. */
export function BackupBar({ onNotice }: { onNotice: (n: Notice) => void }) {
  const doExport = async () => {
    const backup = await exportBackup(db);
    const day = backup.exportedAt.slice(0, 10);
    downloadText(`moocmate-backup-${day}.json`, JSON.stringify(backup), 'application/json');
    onNotice({ kind: 'ok', text: tn('exportDone', backup.data.lectures.length) });
  };
  const doImport = async (file: File | undefined) => {
    if (!file) return;
    try {
      const summary = await importBackup(db, await file.text());
      await resyncDuties();
      onNotice({ kind: 'ok', text: t('importDone', tn('importLectures', summary.lectures), tn('importLines', summary.cues)) });
    } catch (err) {
      const text = err instanceof BackupError ? t(err.key as MessageKey, ...err.subs) : t('importFailed', String(err));
      onNotice({ kind: 'error', text: `${t('importRejected')} ${text}` });
    }
  };
  const doWipe = async () => {
    if (!confirm(t('wipeConfirm'))) return;
    await wipeAll(db);
    await resyncDuties();
    onNotice({ kind: 'ok', text: t('wipeDone') });
  };
  return (
    <div class="backup-bar" role="group" aria-label={t('backup')}>
      <button type="button" onClick={() => doExport().catch((e: Error) => onNotice({ kind: 'error', text: e.message }))}>
        {t('exportBackup')}
      </button>
      <label class="button">
        {t('importBackup')}
        <input
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          data-testid="import-file"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void doImport(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </label>
      <button type="button" class="danger" onClick={() => void doWipe()}>
        {t('wipeAll')}
      </button>
    </div>
  );
}
