"""Mutations of Mojo source projects: token-level, line-level, byte-level and project-level.

A project is a dict from relative path to text. Text is decoded from UTF-8 with
`surrogateescape`, so arbitrary bytes survive a mutation and are written back unchanged.
Every mutation takes a `random.Random` and returns a new project plus a short description,
so that one seed always produces the same input.
"""
import re

TOKEN = re.compile(r'''
    (?P<ws>[ \t]+)
  | (?P<nl>\r?\n)
  | (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\*\*=|//=|<<=|>>=|->|\*\*|//|<<|>>|<=|>=|==|!=|\+=|-=|\*=|/=|%=|&=|\|=|\^=|[-+*/%&|^~<>=().,:;\[\]{}@!])
  | (?P<other>.)
''', re.X | re.S)

OPERATORS = ['+', '-', '*', '/', '//', '%', '**', '&', '|', '^', '<<', '>>', '~', '<', '>', '<=', '>=',
             '==', '!=', '=', '+=', '-=', '*=', '//=', '%=', '<<=', '>>=', ' and ', ' or ', ' not ',
             ' is ', ' in ', ',', '.', ':', '->', '(', ')', '[', ']', '@', ';', '{', '}']
INTERESTING_NUMBERS = [
    '0', '1', '-1', '2', '7', '63', '64', '65', '127', '128', '255', '256', '65535', '4294967295',
    '4294967296', '9223372036854775807', '9223372036854775808', '-9223372036854775808',
    '-9223372036854775809', '18446744073709551615', '18446744073709551616',
    '340282366920938463463374607431768211456', '0x7fffffffffffffff', '0x8000000000000000',
    '0xffffffffffffffff', '0b1' + '0' * 63, '0o1777777777777777777777', '1_000_000', '00', '0_',
    '1e308', '1e309', '1.7976931348623157e308', '4.9e-324', '5e-325', '2.2250738585072014e-308',
    '0.1', '1.0', '-0.0', '1e-400', '123456789012345678901234567890.5', '9' * 400, '0.' + '3' * 400,
]
KEYWORDS = ['def', 'var', 'return', 'if', 'elif', 'else', 'while', 'for', 'in', 'break', 'continue',
            'pass', 'struct', 'comptime', 'import', 'from', 'as', 'mut', 'ref', 'owned', 'out', 'fn',
            'raise', 'raises', 'try', 'except', 'with', 'lambda', 'True', 'False', 'None', 'self',
            'Self', 'Int', 'Float64', 'String', 'Bool', 'List', 'print', 'len', 'range', 'main',
            '@fieldwise_init', '@staticmethod', 'alias', 'let', 'inout', 'and', 'or', 'not', 'is']
UNICODE = ['\u00e9', '\u65e5\u672c', '\U0001F600', '\u200d', '\u202e', '\u0301', '\u00a0', '\u2028',
           '\ufeff', '\uffff', '\U0010FFFF', '\u03bb', '\u212b', '\ufffd', '\u0000']
ESCAPES = ['\\x', '\\x4', '\\xZZ', '\\u00e9', '\\U0001F600', '\\777', '\\0', '\\N{DASH}', '\\', '\\\n',
           '\\q', '\\t\\r\\n', '\\"', "\\'", '\\\\']


def tokens(text):
    """Returns (kind, start, end) for every token of `text`."""
    return [(m.lastgroup, m.start(), m.end()) for m in TOKEN.finditer(text)]


def pick_file(rng, project):
    """Picks the file a mutation edits: main.mojo half of the time, else any .mojo file."""
    names = sorted(n for n in project if n.endswith('.mojo'))
    if not names:
        return None
    if 'main.mojo' in project and rng.random() < 0.5:
        return 'main.mojo'
    return rng.choice(names)


def _lines(text):
    return text.splitlines(keepends=True)


def _token_of(rng, text, kinds):
    found = [t for t in tokens(text) if t[0] in kinds]
    return rng.choice(found) if found else None


def _splice(text, start, end, new):
    return text[:start] + new + text[end:]


def log_uniform(rng, lo, hi):
    """An integer between lo and hi, small values as likely as large ones per decade."""
    import math
    return int(round(math.exp(rng.uniform(math.log(lo), math.log(hi)))))


# MARK: - Line-level

def delete_line(rng, text):
    lines = _lines(text)
    if not lines:
        return text, 'delete-line (empty)'
    i = rng.randrange(len(lines))
    return ''.join(lines[:i] + lines[i + 1:]), f'delete line {i + 1}'


def duplicate_line(rng, text):
    lines = _lines(text)
    if not lines:
        return text, 'duplicate-line (empty)'
    i = rng.randrange(len(lines))
    count = rng.choice([1, 1, 2, 10])
    return ''.join(lines[:i] + [lines[i]] * (count + 1) + lines[i + 1:]), f'duplicate line {i + 1} x{count}'


def swap_lines(rng, text):
    lines = _lines(text)
    if len(lines) < 2:
        return text, 'swap-lines (short)'
    i, j = rng.sample(range(len(lines)), 2)
    lines[i], lines[j] = lines[j], lines[i]
    return ''.join(lines), f'swap lines {i + 1} and {j + 1}'


def reindent_line(rng, text):
    lines = _lines(text)
    if not lines:
        return text, 'reindent (empty)'
    i = rng.randrange(len(lines))
    body = lines[i].lstrip(' \t')
    indent = lines[i][:len(lines[i]) - len(body)]
    choice = rng.randrange(5)
    if choice == 0:
        new = indent + ' '
    elif choice == 1:
        new = indent[:-1]
    elif choice == 2:
        new = indent.replace('    ', '\t')
    elif choice == 3:
        new = '\t' + indent
    else:
        new = indent + ' ' * rng.choice([1, 2, 4, 8, 1000])
    lines[i] = new + body
    return ''.join(lines), f'reindent line {i + 1} ({choice})'


def whitespace_style(rng, text):
    choice = rng.randrange(5)
    if choice == 0:
        return text.replace('\n', '\r\n'), 'CRLF line endings'
    if choice == 1:
        return text.replace('    ', '\t'), 'tabs for 4 spaces'
    if choice == 2:
        return text.replace('\n', ' \t \n'), 'trailing whitespace'
    if choice == 3:
        return text.rstrip('\n'), 'no final newline'
    return text.replace('\n', '\r'), 'CR line endings'


def splice_line(rng, text, donor):
    """Inserts a line of another corpus file, re-indented like its new neighbour."""
    lines, other = _lines(text), _lines(donor)
    if not lines or not other:
        return text, 'splice (empty)'
    i = rng.randrange(len(lines))
    neighbour = lines[i]
    indent = neighbour[:len(neighbour) - len(neighbour.lstrip(' \t'))]
    line = other[rng.randrange(len(other))].lstrip(' \t')
    if not line.endswith('\n'):
        line += '\n'
    return ''.join(lines[:i] + [indent + line] + lines[i:]), f'splice donor line at {i + 1}: {line.strip()[:60]!r}'


def truncate(rng, text):
    if not text:
        return text, 'truncate (empty)'
    cut = rng.randrange(len(text))
    return text[:cut], f'truncate at {cut}'


# MARK: - Token-level

def change_operator(rng, text):
    token = _token_of(rng, text, {'op'})
    if not token:
        return text, 'change-operator (none)'
    new = rng.choice(OPERATORS)
    return _splice(text, token[1], token[2], new), f'operator {text[token[1]:token[2]]!r} -> {new!r} at {token[1]}'


def interesting_number(rng, text):
    token = _token_of(rng, text, {'number'})
    new = rng.choice(INTERESTING_NUMBERS)
    if rng.random() < 0.3:
        new = '-' + new if not new.startswith('-') else new[1:]
    if not token:
        token = _token_of(rng, text, {'name'})
        if not token:
            return text, 'number (none)'
    return _splice(text, token[1], token[2], new), f'number {text[token[1]:token[2]][:20]!r} -> {new[:30]!r}'


def token_edit(rng, text):
    toks = [t for t in tokens(text) if t[0] not in ('ws', 'nl')]
    if len(toks) < 2:
        return text, 'token-edit (short)'
    choice = rng.randrange(5)
    a = rng.choice(toks)
    if choice == 0:
        return _splice(text, a[1], a[2], ''), f'delete token {text[a[1]:a[2]][:30]!r}'
    if choice == 1:
        s = text[a[1]:a[2]]
        return _splice(text, a[1], a[2], s + ' ' + s), f'duplicate token {s[:30]!r}'
    if choice == 2:
        b = rng.choice(toks)
        first, second = sorted([a, b], key=lambda t: t[1])
        if first == second:
            return text, 'swap-tokens (same)'
        s1, s2 = text[first[1]:first[2]], text[second[1]:second[2]]
        out = text[:first[1]] + s2 + text[first[2]:second[1]] + s1 + text[second[2]:]
        return out, f'swap tokens {s1[:20]!r} and {s2[:20]!r}'
    if choice == 3:
        names = sorted({text[t[1]:t[2]] for t in toks if t[0] == 'name'})
        target = _token_of(rng, text, {'name'})
        if not target or not names:
            return text, 'rename (none)'
        new = rng.choice(names)
        return _splice(text, target[1], target[2], new), f'name {text[target[1]:target[2]]!r} -> {new!r}'
    word = rng.choice(KEYWORDS)
    return _splice(text, a[1], a[1], word + ' '), f'insert keyword {word!r} at {a[1]}'


def string_edit(rng, text):
    token = _token_of(rng, text, {'string'})
    if not token:
        return text, 'string-edit (none)'
    s = text[token[1]:token[2]]
    quote = 3 if s[:3] in ('"""', "'''") else 1
    inner_at = token[1] + quote + rng.randrange(max(1, len(s) - 2 * quote + 1))
    choice = rng.randrange(4)
    if choice == 0:
        new = rng.choice(ESCAPES)
    elif choice == 1:
        new = rng.choice(UNICODE) * rng.choice([1, 3, 100])
    elif choice == 2:
        new = 'x' * log_uniform(rng, 100, 200000)
    else:
        new = '\\n' * log_uniform(rng, 10, 20000)
    return _splice(text, inner_at, inner_at, new), f'string insert {new[:20]!r} (len {len(new)}) at {inner_at}'


# MARK: - Nesting

# The deepest nesting a mutation inserts (Scripts/fuzz sets it from --max-depth).
MAX_DEPTH = 3000


def deep_nesting(rng, text):
    """Wraps an operand in deep brackets or unary operators, or a line in nested blocks."""
    kind = rng.randrange(4)
    depth = log_uniform(rng, 8, 3000)
    depth = min(depth, MAX_DEPTH)
    if kind < 3:
        token = _token_of(rng, text, {'number', 'name'})
        if not token:
            return text, 'nest (none)'
        operand = text[token[1]:token[2]]
        if kind == 0:
            new = '(' * depth + operand + ')' * depth
        elif kind == 1:
            new = rng.choice(['-', '~', 'not ', '+', '- ']) * depth + operand
        else:
            new = '[' * depth + operand + ']' * depth
        return _splice(text, token[1], token[2], new), f'nest operand {operand[:20]!r} kind {kind} depth {depth}'
    lines = _lines(text)
    candidates = [i for i, l in enumerate(lines) if l.startswith((' ', '\t')) and l.strip()]
    if not candidates:
        return text, 'nest-block (none)'
    i = rng.choice(candidates)
    line = lines[i]
    indent = line[:len(line) - len(line.lstrip(' \t'))]
    header = rng.choice(['if True:', 'while False:', 'for _ in range(1):', 'if 1 < 2:'])
    block = [indent + ' ' * k + header + '\n' for k in range(depth)]
    block.append(indent + ' ' * depth + line.lstrip(' \t'))
    return ''.join(lines[:i] + block + lines[i + 1:]), f'nest line {i + 1} in {depth} x {header!r}'


# MARK: - Bytes

def random_bytes(rng, text):
    at = rng.randrange(len(text) + 1)
    choice = rng.randrange(3)
    if choice == 0:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        new = data.decode('utf-8', 'surrogateescape')
        label = data.hex()
    elif choice == 1:
        new = rng.choice(['\x00', '\x0b', '\x0c', '\r', '\x1a', '\x7f', '\udcff', '\udc80', '\udcc3'])
        label = repr(new)
    else:
        new = rng.choice(UNICODE)
        label = repr(new)
    return _splice(text, at, at, new), f'bytes {label} at {at}'


def bom(rng, text):
    if rng.random() < 0.7:
        return '\ufeff' + text, 'BOM at start'
    at = rng.randrange(len(text) + 1)
    return _splice(text, at, at, '\ufeff'), f'BOM at {at}'


FILE_MUTATIONS = [
    (delete_line, 3), (duplicate_line, 2), (swap_lines, 2), (reindent_line, 2), (whitespace_style, 1),
    (truncate, 1), (change_operator, 4), (interesting_number, 4), (token_edit, 5), (string_edit, 1),
    (deep_nesting, 2), (random_bytes, 2), (bom, 1),
]


# MARK: - Project-level

def project_edit(rng, project):
    names = sorted(project)
    choice = rng.randrange(4)
    if choice == 0 and len(names) > 1:
        victim = rng.choice([n for n in names if n != 'main.mojo'] or names)
        out = dict(project)
        del out[victim]
        return out, f'delete file {victim}'
    if choice == 1:
        out = dict(project)
        victim = rng.choice(names)
        out[victim] = ''
        return out, f'empty file {victim}'
    if choice == 2:
        out = dict(project)
        name = rng.choice(names)
        module = name[:-5].replace('/', '.') if name.endswith('.mojo') else 'main'
        out['main.mojo'] = f'import {module}\nfrom {module} import *\n' + out.get('main.mojo', '')
        return out, f'main imports {module}'
    out = dict(project)
    out[rng.choice(['__init__.mojo', 'pkg/__init__.mojo', 'main/x.mojo'])] = 'import main\n'
    return out, 'add a module importing main'


def mutate(rng, project, donors):
    """Applies 1 to 4 stacked mutations; returns (project, [descriptions])."""
    out = dict(project)
    done = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        if rng.random() < 0.06:
            out, what = project_edit(rng, out)
            done.append(what)
            continue
        name = pick_file(rng, out)
        if name is None:
            break
        if rng.random() < 0.08 and donors:
            out[name], what = splice_line(rng, out[name], rng.choice(donors))
        else:
            functions, weights = zip(*FILE_MUTATIONS)
            mutation = rng.choices(functions, weights)[0]
            out[name], what = mutation(rng, out[name])
        done.append(f'{name}: {what}')
    return out, done
