# Dense matrix multiplication on flat List[Float64] storage, i-k-j loop order, then a checksum.


def fill(n: Int, seed: Int) -> List[Float64]:
    var m = List[Float64](length=n * n, fill=0.0)
    var s = seed
    for i in range(n * n):
        s = (s * 1103515245 + 12345) % 2147483648
        m[i] = Float64(s % 1000) / 100.0 - 5.0
    return m^


def matmul(a: List[Float64], b: List[Float64], n: Int) -> List[Float64]:
    var c = List[Float64](length=n * n, fill=0.0)
    for i in range(n):
        for k in range(n):
            var aik = a[i * n + k]
            for j in range(n):
                c[i * n + j] += aik * b[k * n + j]
    return c^


def main():
    var n = 160
    var a = fill(n, 1)
    var b = fill(n, 2)
    var c = matmul(a, b, n)
    var d = matmul(c, a, n)
    var trace: Float64 = 0.0
    var total: Float64 = 0.0
    for i in range(n):
        trace += d[i * n + i]
    for i in range(n * n):
        total += d[i]
    print("trace", trace)
    print("total", total)
    print("corner", d[0], d[n * n - 1])
