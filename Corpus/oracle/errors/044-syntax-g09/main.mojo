def main():
    if True:
    pass
