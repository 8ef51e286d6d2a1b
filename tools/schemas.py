"""``python -m tools.schemas``: the development command that writes the JSON Schemas and docs/json.md's reference.

The schemas are declared in the package, beside the serializers they describe; this wrapper runs
:mod:`explorer.schemas.build` (``--check`` writes nothing and exits 1 when something is out of date).
"""

from __future__ import annotations

import sys

from explorer.schemas.build import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
