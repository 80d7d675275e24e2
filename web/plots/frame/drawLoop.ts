// One plot's draw loop, without React or the DOM (useQueuedDraw.ts wires it to the page): draws go
// through the frame queue, never two at once, only while the plot is on or near the screen; a
// draw asked for off screen (or skipped because the plot left the screen before its frame, or
// because the last draw was still busy) leaves a dirty mark, drawn when the plot comes back or
// once nothing has asked for a draw for SETTLE_MS, so a stopped run ends drawn everywhere.

/** An off-screen plot whose data has not changed for this long draws anyway. */
export const SETTLE_MS = 250;

/** What a DrawLoop needs from the page: the frame queue for its key, and timers. */
export interface DrawLoopHost {
  /** Queues `job` as this plot's pending draw (replacing an earlier one). */
  request(job: () => void): void;
  /** Drops this plot's pending draw. */
  cancel(): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** The draw state of one plot: `draw` (which may return a promise) runs through `host`'s queue. */
export class DrawLoop {
  private alive = true;
  /** A draw's promise has not settled yet. */
  private busy = false;
  /** A draw was asked for and not yet made (busy, or off screen). */
  private dirty = false;
  private settle: unknown = undefined;

  constructor(
    private readonly draw: () => unknown,
    private readonly host: DrawLoopHost,
    private readonly onError: (e: unknown) => void,
    private readonly onDrawn: () => void = () => {},
    private visible = true,
  ) {}

  /** Asks for a draw: now (on the next frame) when on screen and idle, else marked for later. */
  schedule(): void {
    if (!this.alive) return;
    if (this.visible && !this.busy) return this.host.request(() => this.job(false));
    this.dirty = true;
    if (!this.visible) this.armSettle();
  }

  /** The plot came on or near the screen, or left it. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!this.alive || !this.dirty || this.busy) return;
    if (visible) {
      this.dirty = false;
      this.host.request(() => this.job(false));
    } else this.armSettle();
  }

  /** Stops: nothing more is drawn. */
  dispose(): void {
    this.alive = false;
    this.host.clearTimer(this.settle);
    this.host.cancel();
  }

  private armSettle(): void {
    this.host.clearTimer(this.settle);
    this.settle = this.host.setTimer(() => {
      if (this.alive && this.dirty && !this.visible) this.host.request(() => this.job(true));
    }, SETTLE_MS);
  }

  private job(offScreen: boolean): void {
    if (!this.alive) return;
    if (this.busy || (!this.visible && !offScreen)) {
      // left the screen before its frame (or still drawing): keep the mark, and settle off screen
      this.dirty = true;
      if (!this.visible) this.armSettle();
      return;
    }
    this.dirty = false;
    this.busy = true;
    let done: unknown;
    try {
      done = this.draw();
    } catch (e) {
      this.onError(e);
    }
    const finish = () => {
      this.busy = false;
      if (!this.alive || !this.dirty) return;
      if (this.visible) {
        this.dirty = false;
        this.host.request(() => this.job(false));
      } else this.armSettle();
    };
    if (done instanceof Promise)
      done
        .then(
          () => this.alive && this.onDrawn(),
          (e) => this.alive && this.onError(e),
        )
        .finally(finish);
    else finish();
  }
}
