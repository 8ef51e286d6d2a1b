"""``./run refresh``: rebuild the bundled catalog from fresh clones of the documentation repositories.

Every repository of ``tools/documentation-repositories.txt`` (``owner/name``, one a line) is cloned at its head
(``git clone --depth 1``) into a work folder as ``<owner>/<name>``, and the folder is imported without
a MANIFEST: discovery finds the pages with action tables by content and takes edition, service,
commit, path and date from each clone's git metadata (docs/importer.md, "Documentation trees"). The
MANIFEST it inferred is written beside the catalog as ``inferred-MANIFEST.tsv``.

Fresh clones hold the current pages only: pages deleted from a repository's main line (the corpus's
``status: deleted`` rows) come from the corpus, so ``./run catalog`` remains the route that includes
them. ``--base-url`` points at a mirror (or a local folder of bare repositories, as the tests do).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPOSITORIES = ROOT / "tools" / "documentation-repositories.txt"


def repositories(path: Path) -> list[str]:
    """The ``owner/name`` lines of ``path`` (blank lines and ``#`` comments left out)."""
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [n for n in names if n and not n.startswith("#")]


def clone(base_url: str, repo: str, into: Path) -> None:
    target = into / repo
    target.parent.mkdir(parents=True, exist_ok=True)
    url = f"{base_url.rstrip('/')}/{repo}.git"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", url, str(target)], check=True)


def refresh(repos: list[str], out: Path, base_url: str, work: Path) -> int:
    from explorer.app.discovery import import_documentation

    for repo in repos:
        print(f"cloning {repo}", file=sys.stderr)
        clone(base_url, repo, work)
    result = import_documentation(work, out)
    print(
        f"{result.table_pages} pages with action tables, {result.report.rows_imported} rows imported "
        f"into {out}; inferred manifest: {result.inferred_manifest}"
    )
    for page, why in result.left:
        print(f"left: {page}: {why}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repos", type=Path, default=REPOSITORIES, help="owner/name list (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / "catalog", help="catalog to write (default: %(default)s)")
    parser.add_argument("--base-url", default="https://github.com", help="where to clone from (default: %(default)s)")
    parser.add_argument("--work", type=Path, help="folder for the clones (default: a temporary folder, removed after)")
    args = parser.parse_args(argv)
    repos = repositories(args.repos)
    if args.work is not None:
        return refresh(repos, args.out, args.base_url, args.work)
    with tempfile.TemporaryDirectory(prefix="refresh-") as work:
        return refresh(repos, args.out, args.base_url, Path(work))


if __name__ == "__main__":
    sys.exit(main())
