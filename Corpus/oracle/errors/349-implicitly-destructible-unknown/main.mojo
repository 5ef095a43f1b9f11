struct A[T: ImplicitlyDestructible]:
    var x: Int

@fieldwise_init
struct B(ImplicitlyDestructible):
    var x: Int

def f[T: Foo](x: T):
    pass

def main():
    pass
