"""The headless core of Directive Board: model, storage and sync, letter import, Thai text.

Pure Python: nothing under this package may import Textual or Rich.
"""
