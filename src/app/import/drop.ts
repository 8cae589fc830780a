/**
 * Files dropped on the map go to the data card. The map container shows a "drop to import" outline while a file is
 * dragged over it; only drags that carry files are taken (a dragged station is not a file drag).
 */

/** True when a drag carries files. */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer !== null && Array.from(event.dataTransfer.types).includes('Files');
}

/**
 * Makes `target` a drop zone for files.
 * @param onFile told the first dropped file
 * @param label the hint shown while dragging (set as `data-drop-label`, drawn by CSS)
 */
export function bindFileDrop(target: HTMLElement, onFile: (file: File) => void, label: () => string): void {
  let depth = 0;
  const done = () => {
    depth = 0;
    target.classList.remove('drop-target');
  };
  target.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    depth++;
    target.dataset.dropLabel = label();
    target.classList.add('drop-target');
  });
  target.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  target.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) done();
  });
  target.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    done();
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
}
