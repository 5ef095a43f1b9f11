def main() raises:
    raise "plain string"
