#!/usr/bin/env python3
"""Opens timeline SVGs and the embedding example in headless Chromium and
checks what a reader would see: no text outside the picture, no two texts
(or a text and a mark) overlapping, the picture scaling to a phone column
and to a wide screen without clipping, and tooltips from per-event <title>s.

  check_timeline.py --chromium PATH svg FILE.svg|DIR...
  check_timeline.py --chromium PATH page PAGE.html --events-from FILE.yaml --eventgraph BIN
                    [--widths 360,1600]

Exit status 0 when every check passes; the problems are printed otherwise.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run_chromium(chromium, url, width, workdir):
    profile = tempfile.mkdtemp(prefix='profile-', dir=workdir)
    command = [chromium, '--headless', '--no-sandbox', '--disable-gpu',
               '--user-data-dir=' + profile, '--hide-scrollbars',
               '--window-size=%d,1000' % width, '--virtual-time-budget=10000',
               '--dump-dom', url]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=240, check=False)
    dom = done.stdout.decode('utf-8', 'replace')
    found = re.search(r'<pre id="eventgraph-verdict">(.*?)</pre>', dom, re.S)
    if not found:
        sys.exit('chromium gave no verdict for %s (exit %d): %s' %
                 (url, done.returncode, done.stderr.decode('utf-8', 'replace')[-2000:]))
    return json.loads(html.unescape(found.group(1)))


def with_script(page_html, column=None):
    script = open(os.path.join(HERE, 'measure.js'), encoding='utf-8').read()
    tag = '<script>\n' + script + '\n</script>\n'
    if column:
        # Headless windows are at least 500 px wide, so a narrower phone
        # column is made by the page's own column, as a phone's would be.
        tag = ('<style>main{max-width:%dpx !important}</style>\n'
               '<script>window.EVENTGRAPH_PAGE_MODE = true;</script>\n' % column) + tag
    if '</body>' in page_html:
        return page_html.replace('</body>', tag + '</body>', 1)
    return page_html + tag


def check_svgs(chromium, paths, workdir):
    problems = []
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith('.svg'))
        else:
            files.append(path)
    if not files:
        problems.append('no svg files in %s' % ' '.join(paths))
    for path in files:
        svg = open(path, encoding='utf-8').read()
        page = ('<!doctype html><html><head><meta charset="utf-8"><style>'
                'body{margin:0}</style></head><body>' + svg + '</body></html>')
        target = os.path.join(workdir, 'svg.html')
        open(target, 'w', encoding='utf-8').write(with_script(page))
        width = int(float(re.search(r'width="([0-9.]+)"', svg).group(1)))
        verdict = run_chromium(chromium, 'file://' + target, width, workdir)
        problems += ['%s: %s' % (path, p) for p in verdict['problems']]
        facts = verdict['facts']
        if facts.get('svg0.texts', 0) == 0:
            problems.append('%s: no text measured' % path)
        print('%s: %d texts, %d events checked' %
              (path, facts.get('svg0.texts', 0), facts.get('svg0.events', 0)))
    return problems


def check_page(chromium, page, events, widths, workdir):
    problems = []
    folder = os.path.join(workdir, 'page')
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.dirname(os.path.abspath(page)), folder)
    target = os.path.join(folder, os.path.basename(page))
    source = open(page, encoding='utf-8').read()
    for width in widths:
        open(target, 'w', encoding='utf-8').write(with_script(source, column=width))
        verdict = run_chromium(chromium, 'file://' + target, max(width, 800), workdir)
        facts = verdict['facts']
        where = '%s at %d px' % (page, width)
        problems += ['%s: %s' % (where, p) for p in verdict['problems']]
        column = facts['column.width']
        if facts['document.scrollWidth'] > facts['viewport.width']:
            problems.append('%s: the page scrolls sideways (%s > %s)' %
                            (where, facts['document.scrollWidth'], facts['viewport.width']))
        if abs(column - width) > 0.5:
            problems.append('%s: the column is %.1f px, not %d' % (where, column, width))
        pictures = [k[:-5] for k in facts if k.endswith('.rect')]
        if not any(p.startswith('img') for p in pictures) or 'svg0' not in pictures:
            problems.append('%s: needs an <img> and an inline <svg>' % where)
        for name in pictures:
            left, top, w, h = facts[name + '.rect']
            ratio = (facts['svg0.viewbox'][1] / facts['svg0.viewbox'][0])
            if name.startswith('img'):
                natural = facts[name + '.natural']
                if not facts[name + '.complete'] or natural[0] == 0:
                    problems.append('%s: %s did not load' % (where, name))
                    continue
                ratio = natural[1] / natural[0]
            if w > column + 0.5 or left < -0.5 or left + w > facts['viewport.width'] + 0.5:
                problems.append('%s: %s is clipped: %.1f px wide in a %.1f px column' %
                                (where, name, w, column))
            if w < column - 1:
                problems.append('%s: %s does not fill the column: %.1f of %.1f px' %
                                (where, name, w, column))
            if abs(h - w * ratio) > 1.5:
                problems.append('%s: %s is distorted or cut: %.1f x %.1f' % (where, name, w, h))
        if facts.get('svg0.events') != events or facts.get('svg0.titled_events') != events:
            problems.append('%s: %s of %s inline events have a <title> tooltip (expected %d)' %
                            (where, facts.get('svg0.titled_events'), facts.get('svg0.events'),
                             events))
        if facts.get('svg0.title_attributes') or facts.get('svg0.scripts'):
            problems.append('%s: the inline svg has title attributes or scripts' % where)
        print('%s: column %.0f px, inline svg %.0f px wide, %s events with tooltips' %
              (where, column, facts['svg0.rect'][2], facts.get('svg0.titled_events')))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--chromium', required=True)
    sub = parser.add_subparsers(dest='mode', required=True)
    svg = sub.add_parser('svg')
    svg.add_argument('files', nargs='+')
    page = sub.add_parser('page')
    page.add_argument('page')
    page.add_argument('--events-from', required=True, help='the event file the page shows')
    page.add_argument('--eventgraph', required=True)
    page.add_argument('--widths', default='360,1600')
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix='eventgraph-browser-')
    try:
        if args.mode == 'svg':
            problems = check_svgs(args.chromium, args.files, workdir)
        else:
            widths = [int(w) for w in args.widths.split(',')]
            stats = subprocess.run([args.eventgraph, 'stats', '--format', 'json', args.events_from],
                                   stdout=subprocess.PIPE, check=True)
            events = json.loads(stats.stdout)['events']
            problems = check_page(args.chromium, args.page, events, widths, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    for p in problems[:200]:
        print('FAIL ' + p)
    if len(problems) > 200:
        print('... and %d more' % (len(problems) - 200))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
