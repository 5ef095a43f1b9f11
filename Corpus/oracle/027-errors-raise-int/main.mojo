def main() raises:
    raise 5
