"""phoihop: coordination of a province's People's Council, Committee, Front and NA delegation."""

__version__ = "0.1.0"
