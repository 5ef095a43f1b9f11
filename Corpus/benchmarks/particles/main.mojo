# A struct-heavy simulation: particles with position and velocity structs, methods with
# `mut self`, a bounded box with bouncing, and a grid count at the end.


@fieldwise_init
struct Vec2(Copyable, Movable, ImplicitlyCopyable):
    var x: Float64
    var y: Float64

    def add(self, o: Vec2) -> Vec2:
        return Vec2(self.x + o.x, self.y + o.y)

    def scale(self, k: Float64) -> Vec2:
        return Vec2(self.x * k, self.y * k)


@fieldwise_init
struct Particle(Copyable, Movable, ImplicitlyCopyable):
    var pos: Vec2
    var vel: Vec2
    var bounces: Int

    def step(mut self, dt: Float64, gravity: Vec2):
        self.vel = self.vel.add(gravity.scale(dt))
        self.pos = self.pos.add(self.vel.scale(dt))
        if self.pos.x < 0.0:
            self.pos.x = -self.pos.x
            self.vel.x = -self.vel.x
            self.bounces += 1
        if self.pos.x > 100.0:
            self.pos.x = 200.0 - self.pos.x
            self.vel.x = -self.vel.x
            self.bounces += 1
        if self.pos.y < 0.0:
            self.pos.y = -self.pos.y
            self.vel.y = -self.vel.y * 0.9
            self.bounces += 1


def main():
    var particles = List[Particle]()
    var s = 7
    for _ in range(1000):
        s = (s * 1103515245 + 12345) % 2147483648
        var x = Float64(s % 10000) / 100.0
        s = (s * 1103515245 + 12345) % 2147483648
        var y = Float64(s % 10000) / 100.0
        s = (s * 1103515245 + 12345) % 2147483648
        var vx = Float64(s % 2001 - 1000) / 100.0
        particles.append(Particle(Vec2(x, y), Vec2(vx, 0.0), 0))
    var gravity = Vec2(0.0, -9.81)
    for _ in range(1500):
        for i in range(len(particles)):
            particles[i].step(0.001, gravity)
    var bounces = 0
    var cx: Float64 = 0.0
    var cy: Float64 = 0.0
    var grid = List[Int](length=10, fill=0)
    for i in range(len(particles)):
        bounces += particles[i].bounces
        cx += particles[i].pos.x
        cy += particles[i].pos.y
        var cell = Int(particles[i].pos.x / 10.0)
        if cell >= 0 and cell < 10:
            grid[cell] += 1
    print("bounces", bounces)
    print("centre", cx / 1000.0, cy / 1000.0)
    print("grid", grid)
