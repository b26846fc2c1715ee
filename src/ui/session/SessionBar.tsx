// The top bar's session controls: Undo and Redo, Copy link, My scenarios, Import kubectl, Handouts.
import { CopyLink } from './CopyLink';
import { HandoutsDialog } from '../handout/HandoutsDialog';
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
      <HandoutsDialog />
    </div>
  );
}
