// The figure around a plot: the title (also the accessible name), the plot itself, then a
// "Download … as PNG" button under it (after the plot in the tab order too) unless the plot brings
// its own, a text alternative, and under the plot its caption (one line on what it shows) and
// notes, in the figure's <figcaption>.
import { useId, useState, type ReactNode } from 'react';
import './plots.css';

/** Props of PlotFrame: the plot's title (also its accessible name), its text alternative and visible notes. */
export interface PlotFrameProps {
  title: string;
  /** Short description for screen readers, e.g. "V: 60×40, values 0.01–2.3." */
  summary: string;
  /** Saves the plot as a PNG file (the button is disabled while this is undefined). */
  onDownload?: () => Promise<void> | void;
  /** Whether the title row has the PNG button (false: the plot brings its own, e.g. plotly's modebar). */
  pngButton?: boolean;
  /** One plain line under the plot saying what it shows ("WH: the reconstruction, W times H; …"). */
  caption?: string;
  /** Visible notes under the plot (block averaging, missing entries, …). */
  notes?: ReactNode[];
  className?: string;
  children: ReactNode;
}

/** A <figure> named by `title` and described by `summary`, holding the plot. */
export function PlotFrame({ title, summary, onDownload, pngButton = true, caption, notes = [], className, children }: PlotFrameProps) {
  const id = useId();
  const [failed, setFailed] = useState<string | null>(null);
  const download = async () => {
    try {
      setFailed(null);
      await onDownload?.();
    } catch (e) {
      setFailed(`PNG not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <figure className={className ? `plot ${className}` : 'plot'} aria-label={title} aria-describedby={`${id}-summary`}>
      <div className="plot-head">
        <span className="plot-title">{title}</span>
      </div>
      {children}
      {pngButton && (
        <div className="plot-foot">
          <button
            type="button"
            className="plot-png"
            aria-label={`Download ${title} as PNG`}
            title={`Download ${title} as PNG`}
            onClick={download}
            disabled={!onDownload}
          >
            PNG
          </button>
        </div>
      )}
      <p id={`${id}-summary`} className="plot-sr">
        {summary}
      </p>
      {(caption || notes.length > 0 || failed) && (
        <figcaption className="plot-notes">
          {caption && <span className="plot-caption">{caption}</span>}
          {notes.map((n, i) => (
            <span key={i} className="plot-note">
              {n}
            </span>
          ))}
          {failed && (
            <span className="plot-note plot-failed" role="alert">
              {failed}
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
