from .mod import f as_ok
