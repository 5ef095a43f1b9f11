def main() raises:
    try:
        print("a")
    else:
        print("b")
