print("mojoc-stencils: not yet implemented")
