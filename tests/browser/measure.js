// Test code, never part of an SVG we ship: measures what a reader's browser
// draws and writes the verdict into the page, where `chromium --dump-dom`
// shows it to check_timeline.py.
(function () {
  'use strict';
  function box(el) {
    const b = el.getBBox();
    return {x: b.x, y: b.y, w: b.width, h: b.height};
  }
  function overlap(a, b, slack) {
    return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w &&
           a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
  }
  function describe(el) {
    return (el.tagName + ' "' + (el.textContent || '').slice(0, 40) + '"');
  }
  // Every text inside the viewBox; no two texts, and no text and mark, overlap.
  function check_svg(svg, problems, name) {
    const view = svg.viewBox.baseVal;
    const texts = Array.from(svg.querySelectorAll('text')).map(t => ({el: t, b: box(t)}));
    const marks = Array.from(svg.querySelectorAll('.mark')).map(m => ({el: m, b: box(m)}));
    for (const t of texts) {
      const b = t.b;
      if (b.x < view.x - 0.01 || b.y < view.y - 0.01 || b.x + b.w > view.x + view.width + 0.01 ||
          b.y + b.h > view.y + view.height + 0.01) {
        problems.push(name + ': outside the viewBox: ' + describe(t.el) + ' ' + JSON.stringify(b));
      }
    }
    const sorted = texts.concat(marks.map(m => ({el: m.el, b: m.b, mark: true})))
                        .sort((p, q) => p.b.x - q.b.x);
    for (let i = 0; i < sorted.length; ++i) {
      for (let j = i + 1; j < sorted.length && sorted[j].b.x < sorted[i].b.x + sorted[i].b.w; ++j) {
        if (sorted[i].mark && sorted[j].mark) continue;
        if (overlap(sorted[i].b, sorted[j].b, 0.01)) {
          problems.push(name + ': overlap: ' + describe(sorted[i].el) + ' ' + JSON.stringify(sorted[i].b) +
                        ' and ' + describe(sorted[j].el) + ' ' + JSON.stringify(sorted[j].b));
        }
      }
    }
    return texts.length;
  }
  function run() {
    const problems = [];
    const facts = {};
    const svgs = Array.from(document.querySelectorAll('svg'));
    // Text geometry is checked at the design size; scaled down to a phone
    // column, browsers round tiny line boxes up, so only the fit is checked.
    const geometry = !window.EVENTGRAPH_PAGE_MODE;
    svgs.forEach((svg, n) => {
      const name = 'svg' + n;
      if (!geometry) {
        facts[name + '.texts'] = svg.querySelectorAll('text').length;
      } else {
      facts[name + '.texts'] = check_svg(svg, problems, name);
      // As laid out by eventgraph, then at the font's natural widths.
      const stripped = svg.cloneNode(true);
      stripped.querySelectorAll('[textLength]').forEach(t => {
        t.removeAttribute('textLength');
        t.removeAttribute('lengthAdjust');
      });
      svg.parentNode.insertBefore(stripped, svg.nextSibling);
      check_svg(stripped, problems, name + ' (natural widths)');
      stripped.remove();
      }
      const events = svg.querySelectorAll('g.event');
      let titled = 0;
      events.forEach(g => {
        const first = g.firstElementChild;
        if (first && first.tagName === 'title' && first.textContent.trim().length > 0) ++titled;
      });
      facts[name + '.events'] = events.length;
      facts[name + '.titled_events'] = titled;
      facts[name + '.title_attributes'] = svg.querySelectorAll('[title]').length;
      facts[name + '.scripts'] = svg.querySelectorAll('script').length;
      const r = svg.getBoundingClientRect();
      facts[name + '.rect'] = [r.left, r.top, r.width, r.height];
      facts[name + '.viewbox'] = [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height];
    });
    Array.from(document.querySelectorAll('img')).forEach((img, n) => {
      const r = img.getBoundingClientRect();
      facts['img' + n + '.rect'] = [r.left, r.top, r.width, r.height];
      facts['img' + n + '.natural'] = [img.naturalWidth, img.naturalHeight];
      facts['img' + n + '.complete'] = img.complete;
    });
    const column = document.querySelector('main') || document.body;
    facts['column.width'] = column.getBoundingClientRect().width;
    facts['viewport.width'] = window.innerWidth;
    facts['document.scrollWidth'] = document.documentElement.scrollWidth;
    const out = document.createElement('pre');
    out.id = 'eventgraph-verdict';
    out.textContent = JSON.stringify({problems: problems, facts: facts});
    document.body.appendChild(out);
  }
  window.addEventListener('load', run);
})();
