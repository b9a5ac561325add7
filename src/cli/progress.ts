/** A one-line progress bar on stderr (plain lines when not a terminal). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastPct = -1;
  return (done: number, total: number, detail: string) => {
    const pct = Math.floor((done / total) * 100);
    if (pct === lastPct && done !== total) return;
    lastPct = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${detail}`;
    if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (pct % 10 === 0 || done === total) process.stderr.write(`${line}\n`);
  };
}
