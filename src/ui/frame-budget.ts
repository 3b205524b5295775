/**
 * Milliseconds of each animation frame that work done in pieces may take. The rest of the
 * frame is the browser's, to lay out and paint what the pieces added: together well under
 * the 50 ms that make a long task, on a fast machine; on a slow phone each piece still
 * comes in a frame of its own, one at least per frame.
 */
const budgetMs = 8;

/**
 * One piece of a job; returns whether the job is done. It handles its own errors: one
 * that throws stops the frames, every job waiting until another is added.
 */
export type Piece = () => boolean;

/** Jobs waiting, first come first served: one budget per frame for all of them. */
const jobs = new Set<Piece>();
let isFrameRequested = false;

/**
 * Runs `piece` from the next animation frame on, as many times a frame as the frame's
 * budget allows, until it returns true. Every job shares the same budget, so several long
 * replies opening at once cost a frame no more than one does. Returns the cancel function.
 */
export function runInFrames(piece: Piece): () => void {
  jobs.add(piece);
  if (!isFrameRequested) {
    isFrameRequested = true;
    requestAnimationFrame(runFrame);
  }
  return () => jobs.delete(piece);
}

function runFrame(): void {
  isFrameRequested = false;
  const start = performance.now();
  const hasTime = () => performance.now() - start < budgetMs;
  // A Set's iteration sees what is added or removed during the loop.
  for (const piece of jobs) {
    while (jobs.has(piece) && hasTime()) if (piece()) jobs.delete(piece);
    if (!hasTime()) break;
  }
  if (jobs.size > 0) {
    isFrameRequested = true;
    requestAnimationFrame(runFrame);
  }
}
