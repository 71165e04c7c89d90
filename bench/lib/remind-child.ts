/**
 * The reminder runner in a process of its own, for `npm run bench`'s `remindNational`: runs
 * scripts/remind.ts (`npm run remind`, which calls runRemind) with this process's arguments, as a
 * scheduler would, so that the peak memory measured is the runner's and not the emulator's. The
 * runner's output (its `--json` summary) goes to stdout as usual; then one line on stderr:
 * `remind-child: {"wallMs":…,"peakRssKb":…,"source":…}`: the wall time from loading the runner to
 * its end, and the peak resident memory. Started with `node --import tsx`.
 *
 * The peak is Linux's VmHWM (/proc/self/status), the high-water mark of this program's own memory.
 * Not `process.resourceUsage().maxRSS`: Linux carries the forked parent's peak across exec into it,
 * so under the bench (a parent of 900 MB) it reported 918 MB for a runner that never used 300.
 * Elsewhere maxRSS is all there is.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

function peakRssKb(): { peakRssKb: number; source: 'VmHWM' | 'maxRSS' } {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return { peakRssKb: Number(hwm[1]), source: 'VmHWM' };
  } catch {
    // Not Linux.
  }
  return { peakRssKb: process.resourceUsage().maxRSS, source: 'maxRSS' };
}

const started = performance.now();
await import('../../scripts/remind');
const wallMs = Math.round(performance.now() - started);
process.stderr.write(`remind-child: ${JSON.stringify({ wallMs, ...peakRssKb() })}\n`);
