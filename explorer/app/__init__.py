"""The application layer: one module per use case, called by both faces (the CLI and the web UI).

A use case takes what a face read from its user (names, paths, options), asks the engine packages
(catalog, importers, graph, policy, diff, render, terraform) and returns records the face words and
shows. Nothing is computed in a face that the other face cannot ask here too. Heavy engine imports stay
inside the functions, so that a command imports only what it uses (tests/test_api_lazy.py).
"""
