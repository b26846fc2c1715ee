// Everything the graph has for editing, laid over it: the toolbar, the inspector of the
// selected object, the edit menu, and the keys.
import { ContextMenu } from './ContextMenu';
import { EditToolbar } from './EditToolbar';
import { Inspector } from './Inspector';
import { useEditKeys } from './useEditKeys';
import './edit.css';

export function EditLayer() {
  useEditKeys();
  return (
    <>
      <EditToolbar />
      <Inspector />
      <ContextMenu />
    </>
  );
}
