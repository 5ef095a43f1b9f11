def banner():
    print("mojoc example:", "primes", sep=" ")
