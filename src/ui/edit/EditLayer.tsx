// Everything the graph has for editing: the toolbar (a row above it), the edit menu, and the
// keys. The inspector of the selected object is the side panel's Edit tab (Inspector.tsx).
import { ContextMenu } from './ContextMenu';
import { EditToolbar } from './EditToolbar';
import { useEditKeys } from './useEditKeys';
import './edit.css';

export function EditLayer() {
  useEditKeys();
  return (
    <>
      <EditToolbar />
      <ContextMenu />
    </>
  );
}
