"""Catalog files: the codec between YAML and the model, loading, atomic writing, validation."""
