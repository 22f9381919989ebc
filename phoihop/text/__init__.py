"""Vietnamese text engine: normalization, search keys and petition consolidation."""
