"""Render `nbs/index.ipynb` to `README.md` without Quarto (nbdev_readme needs Quarto).

`python .ci/readme.py` writes README.md; `python .ci/readme.py --check` exits 1 when
README.md differs from what index.ipynb renders to (the index notebook tests this too).
"""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = '<!-- Generated from nbs/index.ipynb by `python .ci/readme.py`: edit the notebook, not this file. -->\n\n'

def _directives(src):
    return [l for l in src.splitlines() if l.startswith('#|')]

def _outputs(cell):
    text = ''
    for o in cell.get('outputs', []):
        if o.get('output_type') == 'stream': text += ''.join(o['text'])
        elif 'text/markdown' in o.get('data', {}): text += ''.join(o['data']['text/markdown'])
        elif 'text/plain' in o.get('data', {}): text += ''.join(o['data']['text/plain'])
    return text.rstrip()

def render(nb_path=ROOT/'nbs'/'index.ipynb'):
    "The README text for the index notebook at `nb_path`."
    parts = []
    for cell in json.loads(Path(nb_path).read_text())['cells']:
        src = ''.join(cell['source'])
        if cell['cell_type'] == 'markdown':
            parts.append(src.strip()); continue
        dirs = ' '.join(_directives(src))
        if re.search(r'#\|\s*(hide|default_exp|export)', dirs): continue
        code = '\n'.join(l for l in src.splitlines() if not l.startswith('#|')).strip()
        if code and 'echo: false' not in dirs: parts.append(f'```python\n{code}\n```')
        out = _outputs(cell)
        if out: parts.append(f'```\n{out}\n```')
    return HEADER + '\n\n'.join(p for p in parts if p) + '\n'

if __name__ == '__main__':
    text, readme = render(), ROOT/'README.md'
    if '--check' in sys.argv:
        same = readme.exists() and readme.read_text() == text
        print('README.md is up to date' if same else 'README.md differs from nbs/index.ipynb: run `python .ci/readme.py`')
        sys.exit(0 if same else 1)
    readme.write_text(text)
    print(f'wrote {readme}')
