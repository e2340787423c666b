let drawnThisTask = false;

/**
 * Runs `draw` now, unless another chart was drawn in this task: then in a later task, one chart per
 * task. The coordinator's page mounts four charts at once, and Chart.js setting them all up in the
 * task that drew the page made one long task of both; a chart alone on its page is drawn at once.
 */
export function drawInTurn(draw: () => void): void {
  if (drawnThisTask) {
    setTimeout(() => drawInTurn(draw), 0);
    return;
  }
  drawnThisTask = true;
  setTimeout(() => {
    drawnThisTask = false;
  }, 0);
  draw();
}
