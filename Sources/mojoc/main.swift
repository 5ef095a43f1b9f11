print("mojoc: not yet implemented")
