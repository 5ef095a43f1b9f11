# N-body simulation of the five Jovian planets (the Benchmarks Game's nbody), in a List of
# structs: float arithmetic, sqrt, field access through list elements.
from std.math import sqrt

comptime PI = 3.141592653589793
comptime SOLAR_MASS = 4.0 * PI * PI
comptime DAYS_PER_YEAR = 365.24


@fieldwise_init
struct Body(Copyable, Movable, ImplicitlyCopyable):
    var x: Float64
    var y: Float64
    var z: Float64
    var vx: Float64
    var vy: Float64
    var vz: Float64
    var mass: Float64


def make_bodies() -> List[Body]:
    var bodies = List[Body]()
    bodies.append(Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS))
    bodies.append(Body(
        4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
        1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
        -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS))
    bodies.append(Body(
        8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
        -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
        2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS))
    bodies.append(Body(
        1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
        2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
        -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS))
    bodies.append(Body(
        1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
        2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
        -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS))
    return bodies^


def offset_momentum(mut bodies: List[Body]):
    var px: Float64 = 0.0
    var py: Float64 = 0.0
    var pz: Float64 = 0.0
    for i in range(len(bodies)):
        px += bodies[i].vx * bodies[i].mass
        py += bodies[i].vy * bodies[i].mass
        pz += bodies[i].vz * bodies[i].mass
    bodies[0].vx = -px / SOLAR_MASS
    bodies[0].vy = -py / SOLAR_MASS
    bodies[0].vz = -pz / SOLAR_MASS


def energy(bodies: List[Body]) -> Float64:
    var e: Float64 = 0.0
    var n = len(bodies)
    for i in range(n):
        var b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j in range(i + 1, n):
            var c = bodies[j]
            var dx = b.x - c.x
            var dy = b.y - c.y
            var dz = b.z - c.z
            e -= b.mass * c.mass / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(mut bodies: List[Body], dt: Float64):
    var n = len(bodies)
    for i in range(n):
        for j in range(i + 1, n):
            var dx = bodies[i].x - bodies[j].x
            var dy = bodies[i].y - bodies[j].y
            var dz = bodies[i].z - bodies[j].z
            var d2 = dx * dx + dy * dy + dz * dz
            var mag = dt / (d2 * sqrt(d2))
            var mi = bodies[i].mass * mag
            var mj = bodies[j].mass * mag
            bodies[i].vx -= dx * mj
            bodies[i].vy -= dy * mj
            bodies[i].vz -= dz * mj
            bodies[j].vx += dx * mi
            bodies[j].vy += dy * mi
            bodies[j].vz += dz * mi
    for i in range(n):
        bodies[i].x += dt * bodies[i].vx
        bodies[i].y += dt * bodies[i].vy
        bodies[i].z += dt * bodies[i].vz


def main():
    var bodies = make_bodies()
    offset_momentum(bodies)
    print(energy(bodies))
    for _ in range(300_000):
        advance(bodies, 0.01)
    print(energy(bodies))
