// The top bar's session controls: Undo and Redo, Copy link, My scenarios, Import kubectl.
import { CopyLink } from './CopyLink';
import { HistoryButtons } from './HistoryButtons';
import { ImportDialog } from './ImportDialog';
import { LibraryDialog } from './LibraryDialog';
import './session.css';

export function SessionBar({ makeLink }: { makeLink: () => Promise<string> }) {
  return (
    <div className="pp-session">
      <HistoryButtons />
      <CopyLink makeLink={makeLink} />
      <LibraryDialog />
      <ImportDialog />
    </div>
  );
}
