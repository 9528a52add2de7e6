#!/usr/bin/env python3
"""The timeline pictures the repository commits, and the ones the browser
tests open, all made by `eventgraph timeline`, never by hand.

  timeline_images.py --eventgraph BIN --source DIR render OUT   # every picture into OUT
  timeline_images.py --eventgraph BIN --source DIR check OUT    # committed copies == OUT's?
  timeline_images.py --eventgraph BIN --source DIR update       # rewrite the committed copies
  timeline_images.py --eventgraph BIN --source DIR lint OUT     # xmllint every SVG in OUT
"""
import argparse
import filecmp
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Committed picture -> the timeline options that make it.
COMMITTED = {
    'docs/img/timeline.svg': [],
    'docs/img/timeline-2025-2026-actors.svg': ['--from', '2025', '--to', '2026', '--lanes', 'actor'],
    'examples/04_embed.svg': [],
    'docs/img/timeline-deep-time.svg': ['--scale', 'log', '--lanes', 'kind'],
}
# Committed pictures drawn from another file than the seed data.
DATA = {
    'docs/img/timeline-deep-time.svg': 'examples/05_deep_time.yaml',
}
# Pictures only the tests open: other themes, widths and lane modes, and hostile text.
TESTED = {
    'dark-kind-480.svg': ['--theme', 'dark', '--lanes', 'kind', '--width', '480'],
    'tag-repeat-1600.svg': ['--lanes', 'tag', '--lanes-repeat', '--width', '1600'],
    'linear-causes.svg': ['--compress', 'off', '--relations', 'causes', '--lanes', 'none'],
}


def run(command):
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        sys.exit('failed: %s\n%s' % (' '.join(command), done.stderr.decode('utf-8', 'replace')))
    return done.stdout


def embed_page(svg):
    template = open(os.path.join(HERE, 'embed_page.html.in'), encoding='utf-8').read()
    desc = re.search(r'<desc[^>]*>(.*?)</desc>', svg, re.S).group(1)
    inline = svg.strip().replace('role="img"', 'class="timeline" role="img"', 1)
    # The description is already escaped for XML; it is valid in an attribute as it is.
    return template.replace('@ALT@', desc).replace('@SVG@', inline)


def render(args, out):
    os.makedirs(out, exist_ok=True)
    seed = os.path.join(args.source, 'data', 'events.yaml')
    for name, options in COMMITTED.items():
        target = os.path.join(out, os.path.basename(name))
        data = os.path.join(args.source, DATA[name]) if name in DATA else seed
        run([args.eventgraph, 'timeline', data, '-o', target] + options)
    for name, options in TESTED.items():
        run([args.eventgraph, 'timeline', seed, '-o', os.path.join(out, name)] + options)
    hostile = os.path.join(args.source, 'tests', 'data', 'render', 'hostile-timeline.yaml')
    run([args.eventgraph, 'timeline', hostile, '-o', os.path.join(out, 'hostile.svg')])
    if args.synthetic:
        yaml = os.path.join(out, 'synthetic-100.yaml')
        open(yaml, 'wb').write(run([args.synthetic, '100', '3']))
        run([args.eventgraph, 'timeline', yaml, '-o', os.path.join(out, 'synthetic-100.svg'),
             '--relations', 'none'])
    svg = open(os.path.join(out, '04_embed.svg'), encoding='utf-8').read()
    with open(os.path.join(out, '04_embed.html'), 'w', encoding='utf-8') as page:
        page.write(embed_page(svg))


def committed_pairs(args, out):
    for name in list(COMMITTED) + ['examples/04_embed.html']:
        yield os.path.join(args.source, name), os.path.join(out, os.path.basename(name))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--eventgraph', required=True)
    parser.add_argument('--source', required=True)
    parser.add_argument('--synthetic', help='the synthetic_yaml helper, for a generated picture')
    parser.add_argument('mode', choices=['render', 'check', 'update', 'lint'])
    parser.add_argument('out', nargs='?')
    args = parser.parse_args()
    if args.mode == 'render':
        render(args, args.out)
    elif args.mode == 'lint':
        files = sorted(f for f in os.listdir(args.out) if f.endswith('.svg'))
        if not files:
            sys.exit('no svg files in ' + args.out)
        run(['xmllint', '--noout', '--nonet'] + [os.path.join(args.out, f) for f in files])
        print('well-formed: ' + ', '.join(files))
    elif args.mode == 'check':
        stale = [committed for committed, fresh in committed_pairs(args, args.out)
                 if not os.path.exists(committed) or not filecmp.cmp(committed, fresh, shallow=False)]
        if stale:
            print('out of date (run `ninja timeline_images` and commit the result):')
            for name in stale:
                print('  ' + os.path.relpath(name, args.source))
            return 1
        print('committed timeline pictures are up to date')
    else:
        out = tempfile.mkdtemp(prefix='eventgraph-images-')
        try:
            render(args, out)
            for committed, fresh in committed_pairs(args, out):
                os.makedirs(os.path.dirname(committed), exist_ok=True)
                shutil.copyfile(fresh, committed)
                print('wrote ' + os.path.relpath(committed, args.source))
        finally:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
