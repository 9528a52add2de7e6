// The exports as the programs on the other side read them: Mermaid's own
// parser and renderer and the real TimelineJS in headless Chromium (no
// console error, every slide rendered, BCE years labelled as TimelineJS
// labels them), and cytoscape under node.
//
// node check_in_programs.mjs CHROMIUM OUT_DIR  (OUT_DIR holds the exports
// check_exports.py wrote: NAME.mermaid-timeline, NAME.timelinejs, ...)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import cytoscape from 'cytoscape';

const require = createRequire(import.meta.url);
const [chromium, outDir] = process.argv.slice(2);
const failures = [];
const fail = (what) => { failures.push(what); console.error('FAIL ' + what); };
const files = fs.readdirSync(outDir).sort();
const withSuffix = (suffix) => files.filter((f) => f.endsWith(suffix)).map((f) => path.join(outDir, f));

// ---- cytoscape, headless under node ----
for (const file of withSuffix('.cytoscape')) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const expected = JSON.parse(fs.readFileSync(file.replace(/\.cytoscape$/, '.expected.json'), 'utf8'));
  let cy;
  try {
    cy = cytoscape({ headless: true, elements: doc.elements });
  } catch (e) {
    fail(`${file}: cytoscape refused the elements: ${e.message}`);
    continue;
  }
  const ids = cy.nodes().map((n) => n.id()).sort();
  if (JSON.stringify(ids) !== JSON.stringify(expected.ids.slice().sort())) fail(`${file}: node ids ${ids}`);
  if (cy.edges().length !== expected.relations.length) fail(`${file}: ${cy.edges().length} edges`);
  const kinds = cy.edges().map((e) => `${e.source().id()} ${e.data('kind')} ${e.target().id()}`).sort();
  if (JSON.stringify(kinds) !== JSON.stringify(expected.relations.slice().sort())) fail(`${file}: edges ${kinds}`);
  for (const n of cy.nodes()) {
    if (n.data('label') !== expected.titles[n.id()]) fail(`${file}: label of ${n.id()} is ${n.data('label')}`);
  }
  console.log(`ok cytoscape ${path.basename(file)}: ${cy.nodes().length} nodes, ${cy.edges().length} edges`);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'eventgraph-bridges-'));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
});
try {
  // ---- Mermaid: its own parser, then a render to SVG ----
  const mermaidJs = require.resolve('mermaid/dist/mermaid.min.js');
  for (const file of [...withSuffix('.mermaid-timeline'), ...withSuffix('.mermaid-flowchart')]) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: mermaidJs });
    const text = fs.readFileSync(file, 'utf8');
    const outcome = await page.evaluate(async (source) => {
      window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      try {
        const parsed = await window.mermaid.parse(source);
        const { svg } = await window.mermaid.render('diagram', source);
        const holder = document.getElementById('out');
        holder.innerHTML = svg;
        return { type: parsed.diagramType, text: holder.textContent, scripts: holder.querySelectorAll('script').length };
      } catch (e) {
        return { error: String(e.message || e) };
      }
    }, text);
    if (outcome.error) { fail(`${file}: Mermaid: ${outcome.error}`); await page.close(); continue; }
    if (errors.length) fail(`${file}: console errors: ${errors.join(' | ')}`);
    if (outcome.scripts) fail(`${file}: a script element in the rendered diagram`);
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.mermaid-\w+$/, '.expected.json'), 'utf8'));
    // The entity codes come back as the characters: every title is shown as written.
    // (Mermaid wraps long lines into separate text elements: compare
    // without white space.)
    const shown = outcome.text.replace(/\s+/g, '');
    for (const title of Object.values(expected.titles)) {
      if (!shown.includes(title.replace(/\s+/g, ''))) fail(`${file}: title not shown as written: ${title}`);
    }
    console.log(`ok mermaid ${path.basename(file)}: ${outcome.type}`);
    await page.close();
  }

  // ---- TimelineJS: the real library, every slide, BCE labels ----
  const tlJs = require.resolve('@knight-lab/timelinejs/dist/js/timeline.js');
  const tlCss = require.resolve('@knight-lab/timelinejs/dist/css/timeline.css');
  for (const file of withSuffix('.timelinejs')) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('requestfailed', (r) => errors.push('request ' + r.url()));
    await page.setViewport({ width: 1200, height: 800 });
    await page.setContent('<!doctype html><html><body><div id="tl" style="width:1200px;height:700px"></div></body></html>');
    await page.addStyleTag({ path: tlCss });
    await page.addScriptTag({ path: tlJs });
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.timelinejs$/, '.expected.json'), 'utf8'));
    const slides = await page.evaluate(async (json) => {
      const loaded = new Promise((resolve) => {
        window.timeline = new TL.Timeline('tl', json, { hash_bookmark: false, font: null }); // no web font: this machine is offline
        window.timeline.on('loaded', resolve);
        setTimeout(resolve, 8000);
      });
      await loaded;
      await new Promise((r) => setTimeout(r, 500));
      return [...document.querySelectorAll('.tl-slide')].map((s) => ({
        id: s.id,
        headline: (s.querySelector('.tl-headline') || {}).textContent || '',
        date: (s.querySelector('.tl-headline-date') || {}).textContent || '',
      }));
    }, data);
    if (errors.length) fail(`${file}: console errors: ${errors.join(' | ')}`);
    const byId = Object.fromEntries(slides.map((s) => [s.id, s]));
    for (const [id, label] of Object.entries(expected.timelinejs_dates)) {
      const slide = byId[id];
      if (!slide) { fail(`${file}: no slide for ${id}`); continue; }
      if (slide.headline.trim() !== expected.titles[id]) fail(`${file}: ${id} headline '${slide.headline}'`);
      if (!slide.date.includes(label)) fail(`${file}: ${id} dated '${slide.date}', expected '${label}'`);
    }
    await page.screenshot({ path: file + '.png' });
    console.log(`ok timelinejs ${path.basename(file)}: ${slides.length} slides`);
    await page.close();
  }
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`${failures.length} failures`);
  process.exit(1);
}
