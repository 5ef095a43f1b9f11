def main() raises:
    try:
        print("a")
    except e:
        print(e)
    except:
        print("b")
