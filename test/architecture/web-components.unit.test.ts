import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The web app's GOV.UK form fields live in web/src/components (docs/web-app.md "How the code
// is arranged"): a page passes words, a value and an error; the error class, the ids and
// aria-describedby are the components' to write, and the page title is page-title.ts's.

const web = join(__dirname, '../../web/src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** Files outside web/src/components that contain `text`. */
const outsideComponents = (text: string) =>
  files(web)
    .map((f) => relative(web, f))
    .filter((f) => !f.startsWith('components/') && readFileSync(join(web, f), 'utf8').includes(text));

describe("the web app's form fields", () => {
  it('only the components write the error class of a form group or the page title', () => {
    expect(outsideComponents('govuk-form-group--error')).toEqual([]);
    expect(outsideComponents('document.title')).toEqual([]);
  });

  it("writes no data-module attribute (GOV.UK Frontend's JavaScript is not started)", () => {
    expect(files(web).filter((f) => readFileSync(f, 'utf8').includes('data-module'))).toEqual([]);
  });

  it('finds a hand-written error class (the check can fail)', () => {
    expect(outsideComponents('govuk-form-group')).not.toEqual([]);
  });
});

describe("the web app's pages", () => {
  it('are 300 lines at most each (docs/web-app.md "Adding a page": a bigger page is split by job)', () => {
    const long = files(join(web, 'pages'))
      .map((f) => ({ page: relative(web, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((p) => p.lines > 300);
    expect(long).toEqual([]);
  });
});
