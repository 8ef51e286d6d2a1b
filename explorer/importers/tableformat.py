"""What a documentation table format module declares about itself (collected by ``formats.REGISTRY``).

Adding a format is one module that ends with a ``DECLARATION = TableFormat(...)``, its tests, and
the row of the formats table in docs/importer.md; the registry, the manifest check, the upload page
and discovery all read the declarations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from explorer.importers.rawtable import RawTable


@dataclass(frozen=True, slots=True)
class TableFormat:
    """One table format: its MANIFEST name, family, file name endings, sniffer and parser.

    ``family`` groups the formats one page may mix (grid and simple tables on one RST page, HTML
    and pipe tables in one Markdown page): every format of a page's family is parsed. ``sniff``
    answers cheaply, without parsing, where the first table of this format starts in a text
    (its offset), or None; ``parse`` gives every table of this format, in page order.
    """

    name: str
    family: str
    extensions: tuple[str, ...]
    description: str
    sniff: Callable[[str], int | None]
    parse: Callable[[str], list[RawTable]]
    # the format a page of this family is read as when no sniffer of the family finds a table
    family_default: bool = False
