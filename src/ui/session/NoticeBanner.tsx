// The page's notice: a link that could not be opened (and what opened instead), what a link's
// restore pass repaired, storage that fails. Dismissable; an alert when it warns.
import { useAppStore } from '../../store';

export function NoticeBanner() {
  const notice = useAppStore((s) => s.notice);
  const storage = useAppStore((s) => s.storage);
  const dismiss = useAppStore((s) => s.showNotice);
  if (!notice && storage.status !== 'failed') return null;
  return (
    <div className="pp-notices">
      {notice && (
        <div className={`pp-notice is-${notice.tone}`} role={notice.tone === 'warning' ? 'alert' : 'status'}>
          <div>
            <p className="pp-notice-title">{notice.title}</p>
            {notice.details.map((d) => <p key={d} className="pp-notice-detail">{d}</p>)}
          </div>
          <button type="button" className="pp-btn pp-btn-quiet" onClick={() => dismiss(null)}>Dismiss</button>
        </div>
      )}
      {storage.status === 'failed' && storage.message && <p className="pp-notice is-warning pp-storage" role="status">{storage.message}</p>}
    </div>
  );
}
