import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import { defaultStatusSettings } from '../../lambdas/domain/types';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { reportMarkdown } from '../../lambdas/render/report-md';

// User text in the Markdown report cannot plant a link, an image (a tracking pixel) or
// raw HTML: [ ] ( ) ! < are escaped.

function markdownWithCommentary(commentary: string): string {
  const [first] = samplePlan.measures;
  const report = buildReport({
    quarter: '2017-18-Q4',
    measures: [{ ...first!, title: `${first!.title} [see](https://evil.example/t)` }],
    actions: [],
    results: samplePlan.results
      .filter((r) => r.measureId === first!.id)
      .map((r) => ({ ...r, version: 1, ...(r.period.startsWith('2017-18') ? { commentary } : {}) })),
    actionUpdates: [],
    remedialActions: {},
    settings: defaultStatusSettings,
  });
  return reportMarkdown(report, 'Corporate Improvement Plan');
}

describe('report Markdown', () => {
  it('escapes an image in commentary so it is shown as text, not fetched', () => {
    const md = markdownWithCommentary('Fine ![x](https://track.example/pixel.png)');
    expect(md).not.toContain('![x](');
    expect(md).toContain('Fine \\!\\[x\\]\\(https://track.example/pixel.png\\)');
  });

  it('escapes a link in commentary and in a title', () => {
    const md = markdownWithCommentary('[click here](https://evil.example/)');
    expect(md).not.toMatch(/\]\(https/);
    expect(md).toContain('\\[click here\\]\\(https://evil.example/\\)');
    expect(md).toContain('\\[see\\]\\(https://evil.example/t\\)');
  });

  it('escapes an autolink and raw HTML', () => {
    const md = markdownWithCommentary('<https://evil.example/> <img src=x>');
    expect(md).not.toContain('<https');
    expect(md).not.toContain('<img');
  });
});
