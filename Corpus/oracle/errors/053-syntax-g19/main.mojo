def main():
    continue
