// The figure around a plot: accessible name = the visible title, a text alternative, notes under
// the plot, and a "loading plot…" placeholder until plotly has loaded.
import { useId, type ReactNode } from 'react';
import type { PlotHandle } from './usePlot.js';
import './plots.css';

/** Props of PlotFrame: the plot's title (also its accessible name), its text alternative and visible notes. */
export interface PlotFrameProps {
  plot: PlotHandle;
  title: string;
  /** Short description for screen readers, e.g. "V: 60×40, values 0.01–2.3." */
  summary: string;
  /** Plot area height in px. */
  height: number;
  /** Visible notes under the plot (block averaging, missing entries, …). */
  notes?: ReactNode[];
  className?: string;
}

/** A <figure> named by `title` and described by `summary`, holding the plot div. */
export function PlotFrame({ plot, title, summary, height, notes = [], className }: PlotFrameProps) {
  const id = useId();
  return (
    <figure className={className ? `plot ${className}` : 'plot'} aria-label={title} aria-describedby={`${id}-summary`}>
      <div className="plot-area" style={{ height }}>
        <div ref={plot.ref} className="plot-div" style={{ height }} />
        {!plot.ready && !plot.error && (
          <div className="plot-loading">
            <span className="plot-loading-title">{title}</span>
            <span>loading plot…</span>
          </div>
        )}
        {plot.error && <p className="plot-error" role="alert">{plot.error}</p>}
      </div>
      <p id={`${id}-summary`} className="plot-sr">{summary}</p>
      {notes.length > 0 && (
        <figcaption className="plot-notes">
          {notes.map((n, i) => (
            <span key={i} className="plot-note">{n}</span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
