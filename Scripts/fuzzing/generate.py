"""Generators of deep and large inputs: one kind of extreme per generator, sized by one number.

These complement `mojoc corpus generate` (whose shapes are realistic programs: wide module
graphs, long nested functions, print runs, list literals, mixed structs) with the edges of the
front end and the backends: long operator chains, deep brackets and blocks, unary runs, huge
literals, many modules and deep packages, many parameters, deep run-time recursion.
Every generator takes a `random.Random` and a size and returns ({path: text}, description);
a smaller size gives a smaller input of the same kind (the reducer bisects on it).
"""

INT_OPS = ['+', '-', '*', '&', '|', '^']


def _program(body, helpers=''):
    return {'main.mojo': helpers + 'def main():\n' + ''.join('    ' + line + '\n' for line in body)}


def operator_chain(rng, n):
    """`print(a op b op c ...)` with n operands, on literals (folded) or variables (run time)."""
    literal = rng.random() < 0.4
    ops = INT_OPS + ['//', '%', '<<', '>>'] if literal else INT_OPS
    terms = []
    for i in range(n):
        operand = str(rng.randint(1, 9)) if literal else rng.choice(['a', 'b', 'c', str(rng.randint(1, 9))])
        if i:
            op = rng.choice(ops)
            if op in ('<<', '>>'):
                operand = str(rng.randint(0, 3))
            terms.append(f' {op} ')
        terms.append(operand)
    expr = ''.join(terms)
    if rng.random() < 0.3:
        expr = ' and '.join(f'(a < {i})' if i % 2 else f'(b != {i})' for i in range(n))
    return _program(['var a = 3', 'var b = -7', 'var c = 1 << 40', f'print({expr})']), \
        f'operator chain of {n} (literal={literal})'


def deep_parentheses(rng, n):
    inner = rng.choice(['1', 'a', 'a + 1', '-a'])
    return _program(['var a = 5', 'print(' + '(' * n + inner + ')' * n + ')']), f'{n} nested parentheses'


def deep_if(rng, n):
    """n nested `if` blocks, one more space per level, with an else on some levels."""
    lines = ['def main():\n', '    var x = 1\n']
    for k in range(n):
        lines.append(' ' * (4 + k) + f'if x > {-k}:\n')
    lines.append(' ' * (4 + n) + 'print("deep", x)\n')
    for k in reversed(range(n)):
        if rng.random() < 0.2:
            lines.append(' ' * (4 + k) + 'else:\n' + ' ' * (5 + k) + f'print({k})\n')
    lines.append('    print("done")\n')
    return {'main.mojo': ''.join(lines)}, f'{n} nested if blocks'


def long_elif(rng, n):
    lines = ['    var x = 3', '    var hit = -1', '    if x == 0:', '        hit = 0']
    for k in range(1, n):
        lines += [f'    elif x == {k}:', f'        hit = {k}']
    lines += ['    else:', '        hit = -2', '    print(hit)']
    return {'main.mojo': 'def main():\n' + '\n'.join(lines) + '\n'}, f'if with {n} elif branches'


def deep_loops(rng, n):
    header = rng.choice(['for i{k} in range(1):', 'while False:', 'for i{k} in range(2, 1, -1):'])
    lines = ['def main():\n', '    var total = 0\n']
    for k in range(n):
        lines.append(' ' * (4 + k) + header.format(k=k) + '\n')
    lines.append(' ' * (4 + n) + 'total += 1\n')
    lines.append('    print(total)\n')
    return {'main.mojo': ''.join(lines)}, f'{n} nested loops {header!r}'


def unary_run(rng, n):
    op = rng.choice(['-', '~', 'not ', '+', '- ~', '-(', 'not not '])
    if op == '-(':
        expr = '-(' * n + 'a' + ')' * n
    else:
        expr = op * n + ('True' if 'not' in op else 'a')
    return _program(['var a = 9', f'print({expr})']), f'unary run {op!r} x {n}'


def huge_literal(rng, n):
    choice = rng.randrange(7)
    if choice == 0:
        lit, note = '9' * n, 'decimal'
    elif choice == 1:
        lit, note = '0x' + 'f' * n, 'hex'
    elif choice == 2:
        lit, note = '1' + '0' * n + '.5', 'float digits'
    elif choice == 3:
        lit, note = f'1e{n}', 'exponent'
    elif choice == 4:
        lit, note = '0.' + '0' * n + '1', 'tiny float'
    elif choice == 5:
        lit, note = '"' + 'ab\\n' * n + '"', 'string'
    else:
        lit, note = f'({"9" * n} - {"9" * n} + 1)', 'folded difference'
    use = rng.choice(['print({})', 'var v = {}\n    print(v)', 'comptime C = {}\n    print(C)',
                      'var f: Float64 = {}\n    print(f)', 'var i: Int = {}\n    print(i)'])
    return _program([use.format(lit)]), f'huge {note} literal of size {n}'


def comptime_chain(rng, n):
    op = rng.choice(['*', '+', '-', '/', '//'])
    lines = ['comptime A0 = 3']
    for k in range(1, n):
        lines.append(f'comptime A{k} = A{k - 1} {op} {rng.randint(2, 9)}')
    tail = rng.choice([f'print(A{n - 1})', f'print(A{n - 1} > 0)', f'var x: Float64 = A{n - 1}\n    print(x)'])
    return _program([tail], '\n'.join(lines) + '\n\n'), f'{n} chained comptime values with {op!r}'


def many_modules(rng, n):
    """n modules in a chain: m0 imports m1 ... each adds one; optionally a cycle back to m0."""
    files = {}
    cycle = rng.random() < 0.3
    for k in range(n):
        if k + 1 < n:
            files[f'm{k}.mojo'] = f'from m{k + 1} import f{k + 1}\n\n\ndef f{k}() -> Int:\n    return f{k + 1}() + 1\n'
        else:
            back = 'import m0\n\n\n' if cycle else ''
            files[f'm{k}.mojo'] = back + f'def f{k}() -> Int:\n    return 1\n'
    files['main.mojo'] = 'from m0 import f0\n\n\ndef main():\n    print(f0())\n'
    return files, f'{n} chained modules (cycle={cycle})'


def deep_packages(rng, n):
    path = '/'.join(f'p{k}' for k in range(n))
    files = {f'{path}/leaf.mojo': 'def value() -> Int:\n    return 42\n'}
    if rng.random() < 0.5:
        for k in range(1, n + 1):
            files['/'.join(f'p{j}' for j in range(k)) + '/__init__.mojo'] = ''
    dotted = path.replace('/', '.')
    files['main.mojo'] = f'from {dotted}.leaf import value\n\n\ndef main():\n    print(value())\n'
    return files, f'package nested {n} deep'


def deep_calls(rng, n):
    helpers = 'def f(x: Int) -> Int:\n    return x + 1\n\n\n'
    return _program(['print(' + 'f(' * n + '0' + ')' * n + ')'], helpers), f'{n} nested calls'


def deep_list(rng, n):
    expr = '[' * n + '1' + ']' * n
    return _program([f'var x = {expr}', 'print(len(x))']), f'list literal nested {n} deep'


def many_parameters(rng, n):
    params = ', '.join(f'a{k}: Int' for k in range(n))
    body = ' + '.join(f'a{k}' for k in range(n))
    args = ', '.join(str(k % 7) for k in range(n))
    helpers = f'def f({params}) -> Int:\n    return {body}\n\n\n'
    return _program([f'print(f({args}))'], helpers), f'function with {n} parameters'


def many_locals(rng, n):
    body = [f'var v{k} = {k % 10}' for k in range(n)]
    body += ['var total = 0'] + [f'total += v{k}' for k in range(0, n, max(1, n // 50))] + ['print(total)']
    return _program(body), f'{n} locals in one function'


def long_string_concat(rng, n):
    expr = ' + '.join(f'"{k % 10}"' for k in range(n))
    return _program([f'var s = {expr}', 'print(s.byte_length())']), f'concatenation of {n} strings'


def deep_recursion(rng, n):
    """Run-time recursion n deep: both backends must agree (output or stack-overflow error)."""
    helpers = 'def down(n: Int) -> Int:\n    if n == 0:\n        return 0\n    return down(n - 1) + 1\n\n\n'
    return _program([f'print(down({n}))'], helpers), f'run-time recursion {n} deep'


def nested_structs(rng, n):
    lines = ['@fieldwise_init\nstruct S0(Copyable, Movable):\n    var x: Int\n']
    for k in range(1, n):
        lines.append(f'@fieldwise_init\nstruct S{k}(Copyable, Movable):\n    var s: S{k - 1}\n')
    ctor = 'S0(7)'
    for k in range(1, n):
        ctor = f'S{k}({ctor})'
    access = 'v' + '.s' * (n - 1) + '.x'
    return _program([f'var v = {ctor}', f'print({access})'], '\n\n'.join(lines) + '\n\n'), \
        f'{n} nested structs'


# (generator, smallest size, largest size in quick mode, largest size in long mode, whether the
# size is a nesting depth of the source: capped by --max-depth)
GENERATORS = [
    (operator_chain, 2, 400, 20000, False),
    (deep_parentheses, 2, 300, 100000, True),
    (deep_if, 2, 120, 5000, True),
    (long_elif, 2, 300, 20000, False),
    (deep_loops, 2, 120, 3000, True),
    (unary_run, 2, 300, 100000, True),
    (huge_literal, 1, 400, 200000, False),
    (comptime_chain, 2, 200, 5000, False),
    (many_modules, 1, 40, 400, False),
    (deep_packages, 1, 20, 120, False),
    (deep_calls, 1, 200, 20000, True),
    (deep_list, 1, 60, 3000, True),
    (many_parameters, 1, 200, 5000, False),
    (many_locals, 1, 500, 30000, False),
    (long_string_concat, 1, 300, 20000, False),
    (deep_recursion, 1, 10000, 100000000, False),
    (nested_structs, 1, 40, 1000, True),
]
