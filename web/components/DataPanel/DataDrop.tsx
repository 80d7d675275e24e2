// A CSV/TSV file dropped anywhere on the controls' column is read as an upload; the column is
// outlined while a file is dragged over it. Holds the upload's file format (long or not), which a
// drop and the Upload control share.
import { useState, type DragEvent, type ReactNode } from 'react';
import { useController } from '../../app/context.js';
import { readUpload } from './readUpload.js';

/** The drop target around `children(long, setLong)`, a div of class `className` (plus "dropping" while a file is over it). */
export function DataDrop({
  className,
  children,
}: {
  className: string;
  children: (long: boolean, setLong: (long: boolean) => void) => ReactNode;
}) {
  const controller = useController();
  const [dragging, setDragging] = useState(false);
  const [long, setLong] = useState(false);
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) await readUpload(file, controller, long);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for dragged files; the Upload control is the way to the same for keyboard and screen readers
    <div
      className={`${className}${dragging ? ' dropping' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {children(long, setLong)}
    </div>
  );
}
