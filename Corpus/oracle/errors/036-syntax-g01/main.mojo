def main():
    break
