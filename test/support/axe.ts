import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM, VirtualConsole } from 'jsdom';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { html: string }[];
}

/** axe-core's WCAG 2.2 A and AA rules (and the 2.0/2.1 ones they include) on an HTML page in jsdom. */
export async function axeViolations(html: string): Promise<AxeViolation[]> {
  // A silent console: jsdom has no canvas, which axe probes for colour contrast.
  const dom = new JSDOM(html, {
    runScripts: 'outside-only',
    pretendToBeVisual: true,
    virtualConsole: new VirtualConsole(),
  });
  try {
    dom.window.eval(axeSource);
    const axe = (
      dom.window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const results = await axe.run(dom.window.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return results.violations;
  } finally {
    dom.window.close();
  }
}
