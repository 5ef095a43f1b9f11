"""Builds one input with both backends, runs what they produce, and classifies the outcome.

Outcomes that are fine: `built` (both backends built, the programs agree), `rejected` (exit 1
with a `file:line:col: error:` or `error:` line), `environment` (exit 2), `run-timeout` (both
programs ran past the time limit; not compared). Failures: `crash` (a signal, a Swift runtime
trap, or an exit status other than 0, 1, 2, or exit 1 without an error line), `hang` (the
compiler past its time limit twice, the second time with a longer limit) and `disagreement`
(the backends' programs differ in stdout or exit status). Not a failure but listed:
`one-backend` (the first backend failed with exit 2, the other built the program) and
`stack-limit` (one program died of a stack overflow, the other finished; same output before).
"""
import os
import re
import resource
import shutil
import signal
import subprocess
import tempfile
import time

ERROR_LINE = re.compile(rb'^(?:.+:\d+:\d+: |mojoc: )?error: ', re.M)
TRAP_MARKERS = [b'Fatal error', b'Current stack trace', b'Program crashed', b'Illegal instruction',
                b'Segmentation fault', b'Assertion failed', b'Precondition failed', b'internal error',
                b'WARNING: ThreadSanitizer', b'ERROR: AddressSanitizer']
FAILURES = ('crash', 'hang', 'disagreement')
OUTPUT_LIMIT = 4 << 20
STACK_OVERFLOW = b'run-time error: stack overflow'


class Result:
    """What happened to one command: exit status (negative: killed by that signal), output, time."""

    def __init__(self, status, stdout, stderr, seconds, timed_out):
        self.status, self.stdout, self.stderr = status, stdout, stderr
        self.seconds, self.timed_out = seconds, timed_out

    def describe(self):
        if self.timed_out:
            return f'timed out after {self.seconds:.1f} s'
        if self.status < 0:
            return f'killed by signal {-self.status} ({signal.Signals(-self.status).name})'
        return f'exit status {self.status}'


def _limit_output():
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_LIMIT, OUTPUT_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(command, timeout, cwd, env=None, limit_output=False):
    """Runs `command` in its own process group; stdout and stderr go through files."""
    with tempfile.TemporaryFile(dir=cwd) as out, tempfile.TemporaryFile(dir=cwd) as err:
        start = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                   start_new_session=True, preexec_fn=_limit_output if limit_output else None)
        timed_out = False
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Result(process.returncode, out.read(OUTPUT_LIMIT + 1), err.read(1 << 20), seconds, timed_out)


def write_project(project, folder):
    for name, text in project.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            f.write(text.encode('utf-8', 'surrogateescape'))


def _backtracer():
    """The toolchain's swift-backtrace (mojoc links the Swift runtime statically, so the runtime
    does not find it by itself)."""
    swift = shutil.which('swift')
    if not swift:
        return None
    folder = os.path.join(os.path.dirname(os.path.realpath(swift)), '..', 'libexec', 'swift', 'linux')
    for name in ('swift-backtrace-static', 'swift-backtrace'):
        if os.access(os.path.join(folder, name), os.X_OK):
            return os.path.normpath(os.path.join(folder, name))
    return None


def compiler_environment(backtrace):
    """mojoc's environment: no backtrace while fuzzing (it is slow), one for a saved crash."""
    env = dict(os.environ)
    if not backtrace:
        env['SWIFT_BACKTRACE'] = 'enable=no'
        return env
    env['SWIFT_BACKTRACE'] = 'enable=yes,interactive=no,color=no,sanitize=no'
    if _backtracer():
        env['SWIFT_BACKTRACE'] += f',swift-backtrace={_backtracer()}'
    return env


def classify_build(result):
    """Returns (outcome, signature) for one compiler run."""
    if result.timed_out:
        return 'hang', 'compiler timeout'
    trap = next((m for m in TRAP_MARKERS if m in result.stderr), None)
    if result.status < 0 or result.status >= 128 or trap:
        line = next((l for l in result.stderr.splitlines() if b'Fatal error' in l or b'error:' in l), b'')
        return 'crash', f'{result.describe()} {line.decode("utf-8", "replace").strip()[:160]}'.strip()
    if result.status == 0:
        return 'built', ''
    if result.status == 1:
        if ERROR_LINE.search(result.stderr):
            return 'rejected', ''
        return 'crash', 'exit status 1 without an error line'
    if result.status == 2:
        return 'environment', ''
    return 'crash', f'unexpected {result.describe()}'


def build_command(mojoc, project, output, backend):
    """`mojoc build` with the IR verifier; the LLVM backend at -O0 (cnp does not optimize)."""
    return [mojoc, 'build', project, '-o', output, '--backend', backend, '--verify-ir'] + \
        (['-O0'] if backend == 'llvm' else [])


class Checker:
    """Builds inputs with the given mojoc; `timeout` is the compiler's limit, `run_timeout` the program's."""

    def __init__(self, mojoc, timeout, run_timeout, backends=('cnp', 'llvm')):
        self.mojoc, self.timeout, self.run_timeout, self.backends = mojoc, timeout, run_timeout, backends
        self.env = compiler_environment(backtrace=False)

    def build_command(self, folder, backend, output):
        return build_command(self.mojoc, os.path.join(folder, 'project'), output, backend)

    def build(self, folder, backend, timeout=None):
        output = os.path.join(folder, f'prog-{backend}')
        command = self.build_command(folder, backend, output)
        result = run(command, timeout or self.timeout, folder, self.env)
        outcome, signature = classify_build(result)
        if outcome == 'hang' and timeout is None:
            # Confirm with a longer limit so that a busy machine is not reported as a hang.
            return self.build(folder, backend, self.timeout * 3)
        if outcome == 'built' and not os.access(output, os.X_OK):
            outcome, signature = 'crash', 'exit status 0 without an executable'
        return outcome, signature, result, command

    def run_program(self, folder, backend, timeout):
        return run([os.path.join(folder, f'prog-{backend}')], timeout, folder, limit_output=True)

    def check(self, project, folder):
        """Returns a dict: outcome, signature, details (text for the reproducer)."""
        write_project(project, os.path.join(folder, 'project'))
        builds = {}
        for backend in self.backends:
            outcome, signature, result, command = self.build(folder, backend)
            builds[backend] = (outcome, result, command)
            details = _build_details(backend, command, result)
            if outcome in FAILURES:
                return {'outcome': outcome, 'signature': f'{backend}: {signature}', 'details': details}
            if outcome == 'environment' and backend == self.backends[0] and len(self.backends) > 1:
                # A backend limit (say, a call shape without a stencil): does the other one build it?
                other = self.backends[1]
                other_outcome, _, other_result, other_command = self.build(folder, other)
                if other_outcome == 'built':
                    lines = result.stderr.decode('utf-8', 'replace').strip().splitlines() or ['']
                    message = next((l for l in lines if 'error' in l), lines[0])[:200]
                    return {'outcome': 'one-backend', 'signature': f'only {other} builds: {message}',
                            'details': details + _build_details(other, other_command, other_result)}
            if outcome != 'built':
                # The front end is shared: an input rejected by one backend needs no second build.
                return {'outcome': outcome, 'signature': '', 'details': details}
        if len(self.backends) < 2:
            return {'outcome': 'built', 'signature': '', 'details': ''}
        return self.compare(folder, builds)

    def compare(self, folder, builds):
        first, second = self.backends
        runs = {b: self.run_program(folder, b, self.run_timeout) for b in self.backends}
        if runs[first].timed_out and runs[second].timed_out:
            return {'outcome': 'run-timeout', 'signature': '', 'details': ''}
        for b in self.backends:
            if runs[b].timed_out:  # the other finished: give this one more time before judging
                runs[b] = self.run_program(folder, b, self.run_timeout * 5)
        details = ''.join(_run_details(b, runs[b]) for b in self.backends)
        a, b = runs[first], runs[second]
        overflow = [r for r in (a, b) if STACK_OVERFLOW in r.stderr]
        if len(overflow) == 1 and a.stdout.startswith(overflow[0].stdout) and b.stdout.startswith(overflow[0].stdout):
            # The backends' frames differ in size, so deep recursion exhausts the fixed stack of
            # one first: a resource limit, not a miscompilation (the output agrees up to it).
            which = first if overflow[0] is a else second
            return {'outcome': 'stack-limit', 'signature': f'only {which} overflows the stack', 'details': details}
        if a.timed_out != b.timed_out or a.status != b.status or a.stdout != b.stdout:
            what = 'status' if a.status != b.status else 'stdout'
            if a.timed_out or b.timed_out:
                what = 'one backend times out'
            signature = f'{what}: {first} {a.describe()}, {second} {b.describe()}'
            return {'outcome': 'disagreement', 'signature': signature, 'details': details}
        return {'outcome': 'built', 'signature': '', 'details': ''}


def _text(data, limit=4000):
    text = data.decode('utf-8', 'replace')
    return text if len(text) <= limit else text[:limit // 2] + '\n[...]\n' + text[-limit // 2:]


def _build_details(backend, command, result):
    return (f'--- build ({backend}): {" ".join(command)}\n{result.describe()} in {result.seconds:.2f} s\n'
            f'stderr:\n{_text(result.stderr)}\n')


def _run_details(backend, result):
    return (f'--- run ({backend}): {result.describe()} in {result.seconds:.2f} s\n'
            f'stdout:\n{_text(result.stdout)}\nstderr:\n{_text(result.stderr)}\n')
