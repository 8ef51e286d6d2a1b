"""Every example configuration of the provider copy gives an answer, on the bundled catalog and shipped data."""

from __future__ import annotations

import pytest
from terraform_support import PROVIDER, needs_provider

from explorer.app import catalogs
from explorer.app.terraform import analyse


@pytest.mark.corpus
@needs_provider
def test_all_313_example_configurations_give_an_answer() -> None:
    folders = sorted({p.parent for p in (PROVIDER / "examples").rglob("main.tf")})
    assert len(folders) == 313
    ex = catalogs.get_explorer()
    answered = 0
    types = 0
    for folder in folders:
        found = analyse([folder], ex)
        data = found.to_dict()  # the whole answer is made, JSON included
        assert data["resources"], folder
        types += len(data["resources"])
        answered += 1
    assert answered == 313 and types > 313
