def main():
    if True:
        pass
    else
        pass
