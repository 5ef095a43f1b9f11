def main():
  var a = 1
  if a > 0:
      a = 2
     a = 3
