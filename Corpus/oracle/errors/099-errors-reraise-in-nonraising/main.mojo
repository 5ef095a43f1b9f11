def main():
    try:
        print("a")
    except e:
        raise e
