def main() raises:
    try:
        print("a")
    print("b")
